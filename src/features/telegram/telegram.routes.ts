import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.js';
import { safeEqual } from '#src/lib/auth/tokens.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { kirimTelegram } from './telegram-api.js';
import { BatasChat } from './telegram-batas.js';
import { jawab, uraiPerintah } from './telegram-bot.js';

const TERLALU_SERING = 'Terlalu banyak pesan. Coba lagi sebentar lagi.';

interface Update {
  message?: { chat?: { id?: number | string; type?: string }; text?: string };
}

/**
 * The bot's webhook: Telegram posts each update here with the secret header set at setWebhook. Always answers
 * 200 to a genuine call (otherwise Telegram retries), replies through sendMessage, and never logs message texts.
 */
export function telegramRouteDefs(d: Deps): RouteDef[] {
  const umum = new BatasChat(20, 60_000);
  const pin = new BatasChat(1, 10 * 60_000);
  const peringatan = new BatasChat(1, 60_000);

  async function webhook(req: FastifyRequest, reply: FastifyReply) {
    const token = d.env.BALAI_TELEGRAM_TOKEN;
    const secret = d.env.BALAI_TELEGRAM_WEBHOOK_SECRET;
    if (!token || !secret) return reply.code(404).send({ ok: false });
    const sent = req.headers['x-telegram-bot-api-secret-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, secret)) return reply.code(403).send({ ok: false });

    const msg = (req.body as Update | undefined)?.message;
    const chatId = msg?.chat?.id;
    // only private chats: answers may carry a resident's data or a new PIN
    if (chatId === undefined || msg?.chat?.type !== 'private' || typeof msg.text !== 'string')
      return reply.send({ ok: true });
    const chat = String(chatId);
    const teks = msg.text.slice(0, 500);
    const cfg = { api: d.env.BALAI_TELEGRAM_API, token };
    let jawaban: string;
    if (!umum.boleh(chat)) {
      // over the limit: one warning a minute, the rest ignored
      if (!peringatan.boleh(chat)) return reply.send({ ok: true });
      jawaban = TERLALU_SERING;
    } else if (uraiPerintah(teks).perintah === 'pin' && !pin.boleh(chat))
      jawaban = 'PIN baru sudah dikirim barusan. Tunggu 10 menit sebelum meminta lagi.';
    else jawaban = (await jawab(d.db, chat, teks, d.env.BALAI_PUBLIC_URL)).teks;
    try {
      await kirimTelegram(cfg, chat, jawaban);
    } catch (err) {
      req.log.warn({ err: err instanceof Error ? err.message : 'galat' }, 'balasan Telegram gagal');
    }
    return reply.send({ ok: true });
  }

  return [{ method: 'POST', url: '/telegram/webhook', access: 'public', crossSite: true, handler: webhook }];
}
