/**
 * NIK and No. KK numbers for demo residents: `PPKKCC DDMMYY SSSS` (women: day + 40). A desa's serials come
 * from its own band: serial = desaIndex × 34 + n (n = 1–33 per prefix and date), where desaIndex is the
 * desa's place in the kabupaten's sorted code list (0–293 for Rembang, so at most 9,995). Two desa never
 * hand out the same number, whatever order or prefix they are loaded with, and no database look-up is needed.
 */
export const BAND = 34;

export class NumberBand {
  readonly #used = new Map<string, number>();

  constructor(
    private readonly desaIndex: number,
    /** numbers already in use in the installation (living residents / active families): never issued */
    private readonly avoid: ReadonlySet<string> = new Set(),
  ) {
    if (desaIndex < 0 || desaIndex * BAND + BAND - 1 > 9999) throw new Error(`desa index ${desaIndex} di luar rentang`);
  }

  /** The next free number for `prefix` (6 digits) and `ddmmyy`, or null when this desa's band is full. */
  next(prefix: string, ddmmyy: string): string | null {
    const key = prefix + ddmmyy;
    let n = this.#used.get(key) ?? 0;
    while (n < BAND - 1) {
      n += 1;
      const number = `${key}${String(this.desaIndex * BAND + n).padStart(4, '0')}`;
      if (!this.avoid.has(number)) {
        this.#used.set(key, n);
        return number;
      }
    }
    this.#used.set(key, n);
    return null;
  }
}

/** DDMMYY of a date (YYYY-MM-DD); women's day + 40 as in the NIK. */
export function nikDate(iso: string, sex: 1 | 2): string {
  const day = Number(iso.slice(8, 10)) + (sex === 2 ? 40 : 0);
  return `${String(day).padStart(2, '0')}${iso.slice(5, 7)}${iso.slice(2, 4)}`;
}

/** `33.17.09` → `331709` */
export const prefixOf = (kecamatan: string) => kecamatan.replaceAll('.', '');
