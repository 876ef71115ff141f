/** Scales and number formats shared by the server-rendered charts (Indonesian conventions: 1.234 and 12,5%). */

export interface Skala {
  /** top of the axis: the first tick at or above the largest value */
  max: number;
  langkah: number;
  tick: number[];
}

/** A count fit for drawing: negative, NaN and infinite values become 0 (counts are never below zero). */
export function hitungan(n: number | undefined): number {
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * Ticks from 0 to a "nice" top for counts: steps of 1, 2 or 5 × 10^k (never below 1, counts are whole),
 * about `target` intervals. All-zero data still gets an axis 0–1 so nothing divides by zero.
 */
export function skalaRapi(max: number, target = 5): Skala {
  const top = hitungan(max);
  if (top === 0) return { max: 1, langkah: 1, tick: [0, 1] };
  const kasar = top / Math.max(1, target);
  const pangkat = 10 ** Math.floor(Math.log10(kasar));
  const pilihan = [1, 2, 5, 10].map((f) => f * pangkat).find((s) => s >= kasar) ?? 10 * pangkat;
  const langkah = Math.max(1, pilihan);
  const jumlah = Math.ceil(top / langkah);
  const tick = Array.from({ length: jumlah + 1 }, (_, i) => i * langkah);
  return { max: jumlah * langkah, langkah, tick };
}

const formatter = new Map<number, Intl.NumberFormat>();

/** 1234567 → "1.234.567"; with `desimal`, at most that many decimals after a comma ("12,5"). */
export function formatAngka(n: number, desimal = 0): string {
  let f = formatter.get(desimal);
  if (!f) {
    f = new Intl.NumberFormat('id-ID', { maximumFractionDigits: desimal });
    formatter.set(desimal, f);
  }
  return f.format(Number.isFinite(n) ? n : 0);
}

/** Share of a total as "12,5%"; a non-zero share that rounds to zero shows as "<0,1%"; an empty total as "0%". */
export function formatPersen(bagian: number, total: number): string {
  if (!(total > 0) || !Number.isFinite(total)) return '0%';
  const p = (hitungan(bagian) / total) * 100;
  if (p > 0 && p < 0.05) return `<${formatAngka(0.1, 1)}%`;
  return `${formatAngka(p, 1)}%`;
}

const BULAN = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** "2026-01" or "2026-01-31" → "Jan 2026" (axis label of a monthly trend); anything else passes through. */
export function formatBulan(tanggal: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(tanggal);
  const nama = m ? BULAN[Number(m[2]) - 1] : undefined;
  return m && nama ? `${nama} ${m[1]}` : tanggal;
}

/** Coordinates rounded to 0.01 keep the SVG small. */
export function r2(n: number): number {
  return Math.round(n * 100) / 100;
}
