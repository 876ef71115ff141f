/**
 * The few Bot API calls Balai makes (sendMessage only). The base URL comes from env so that tests point it at a
 * local stand-in; the token never appears in errors or logs.
 */
export interface TelegramConfig {
  api: string;
  token: string;
}

/** A refusal that retrying will not fix (chat not found, bot blocked): the outbox gives up at once. */
export class GagalPermanen extends Error {}

export async function kirimTelegram(cfg: TelegramConfig, chatId: string, teks: string): Promise<void> {
  const url = `${cfg.api.replace(/\/+$/, '')}/bot${cfg.token}/sendMessage`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: chatId, text: teks, disable_web_page_preview: true }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    throw new Error(`Telegram tidak terjangkau (${err instanceof Error ? err.name : 'galat'})`);
  }
  if (res.ok) return;
  const body = (await res.json().catch(() => null)) as { description?: unknown } | null;
  const why = typeof body?.description === 'string' ? body.description.slice(0, 200) : '';
  const pesan = `Telegram menolak (${res.status}) ${why}`.trim();
  // 400 (bad chat) and 403 (blocked by the user) will not heal; 429 and 5xx are worth another try
  if (res.status === 400 || res.status === 403) throw new GagalPermanen(pesan);
  throw new Error(pesan);
}
