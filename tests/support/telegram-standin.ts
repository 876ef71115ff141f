import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One sendMessage call as the stand-in received it. */
export interface Terkirim {
  token: string;
  chatId: string;
  text: string;
}

/**
 * A local stand-in for the Telegram Bot API (nothing reaches the internet): records sendMessage calls, answers
 * like Telegram does, and can be told to fail the next calls with a given status.
 */
export async function startTelegramStandIn() {
  const calls: Terkirim[] = [];
  const failures: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/bot([^/]+)\/sendMessage$/.exec(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (!m || req.method !== 'POST') {
        res.statusCode = 404;
        res.end(JSON.stringify({ ok: false, description: 'Not Found' }));
        return;
      }
      const fail = failures.shift();
      if (fail) {
        res.statusCode = fail;
        res.end(JSON.stringify({ ok: false, error_code: fail, description: `simulated ${fail}` }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { chat_id: string | number; text: string };
      calls.push({ token: m[1] as string, chatId: String(body.chat_id), text: body.text });
      res.end(JSON.stringify({ ok: true, result: { message_id: calls.length } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    /** the next calls answer with these HTTP statuses, in order */
    failNext: (...statuses: number[]) => failures.push(...statuses),
    to: (chatId: string) => calls.filter((c) => c.chatId === chatId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TelegramStandIn = Awaited<ReturnType<typeof startTelegramStandIn>>;
