import nodemailer, { type Transporter } from 'nodemailer';
import { GagalPermanen } from '#src/features/telegram/telegram-api.js';

/** Email over SMTP (nodemailer); one transport per SMTP URL, made on first use. */
const transports = new Map<string, Transporter>();

export interface EmailConfig {
  url: string;
  dari: string;
}

function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

export async function kirimEmail(cfg: EmailConfig, ke: string, subjek: string, teks: string): Promise<void> {
  try {
    await transportFor(cfg.url).sendMail({ from: cfg.dari, to: ke, subject: subjek, text: teks });
  } catch (err) {
    const e = err as { responseCode?: number; message?: string };
    const pesan = `SMTP: ${(e.message ?? 'galat').slice(0, 200)}`;
    // 5xx from the server (unknown mailbox, refused): permanent; connection problems and 4xx: try again later
    if (typeof e.responseCode === 'number' && e.responseCode >= 500) throw new GagalPermanen(pesan);
    throw new Error(pesan);
  }
}

/** Closes the pooled connections (tests, shutdown). */
export function tutupEmail(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
