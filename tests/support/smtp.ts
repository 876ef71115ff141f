import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Surat {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on localhost (the nodemailer project's smtp-server), keeping every message it receives.
 * No TLS, no authentication: the test's own loopback server.
 */
export async function startSmtp() {
  const received: Surat[] = [];
  const rejectTo = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (rejectTo.has(address.address)) {
        const err = new Error('mailbox unavailable') as Error & { responseCode: number };
        err.responseCode = 550;
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    reject: (address: string) => rejectTo.add(address),
    /** the decoded text body of a message (quoted-printable soft breaks undone) */
    text: (s: Surat) =>
      s.raw
        .split(/\r?\n\r?\n/)
        .slice(1)
        .join('\n\n')
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
