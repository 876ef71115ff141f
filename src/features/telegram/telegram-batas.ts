/**
 * Per-chat rate limits of the bot, kept in memory (one process answers the webhook): a sliding window of
 * message times per chat and per kind of request.
 */
export class BatasChat {
  private readonly waktu = new Map<string, number[]>();

  constructor(
    private readonly maks: number,
    private readonly jendelaMs: number,
  ) {}

  /** Records an attempt; false when the chat already used its allowance in the window. */
  boleh(kunci: string, now = Date.now()): boolean {
    const batas = now - this.jendelaMs;
    const list = (this.waktu.get(kunci) ?? []).filter((t) => t > batas);
    const ok = list.length < this.maks;
    if (ok) list.push(now);
    this.waktu.set(kunci, list);
    if (this.waktu.size > 10_000) this.bersihkan(batas);
    return ok;
  }

  private bersihkan(batas: number): void {
    for (const [k, v] of this.waktu) if (!v.some((t) => t > batas)) this.waktu.delete(k);
  }
}
