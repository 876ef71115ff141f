/** Months of the monthly reports, as 'YYYY-MM', and the dates that bound them. */

const BULAN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isBulan(value: string): boolean {
  return BULAN.test(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The month `n` months after (negative: before) `bulan`. */
export function geserBulan(bulan: string, n: number): string {
  const [y, m] = bulan.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}

/** The last day of a month, 'YYYY-MM-DD'. */
export function hariTerakhir(bulan: string): string {
  const [y, m] = bulan.split('-').map(Number) as [number, number];
  return `${bulan}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

export interface RentangBulan {
  bulan: string;
  /** the first day */
  mulai: string;
  /** the start of month is the population at the END of this day (the previous month's last day) */
  awal: string;
  /** the end of month: the month's last day, or today while the month is running */
  akhir: string;
  /** the month's last day (late reports: reported up to this day) */
  akhirKalender: string;
  berjalan: boolean;
}

export function rentangBulan(bulan: string, hariIni: string): RentangBulan {
  const akhirKalender = hariTerakhir(bulan);
  const berjalan = hariIni <= akhirKalender;
  return {
    bulan,
    mulai: `${bulan}-01`,
    awal: hariTerakhir(geserBulan(bulan, -1)),
    akhir: berjalan ? hariIni : akhirKalender,
    akhirKalender,
    berjalan,
  };
}

/** The month whose report is shown by default: last month. */
export function bulanLalu(hariIni: string): string {
  return geserBulan(hariIni.slice(0, 7), -1);
}
