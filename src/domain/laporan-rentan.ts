import { codeList } from './codes.js';
import { type OrangStat, umurPada } from './statistik-kategori.js';

/**
 * Laporan Kelompok Rentan (statistics.md §7): per area, the families, the age groups at risk, the seven
 * disability codes, persons with a chronic illness, pregnant women. Ages in whole years at the report date,
 * bounds inclusive; "> 60" means 61 and over.
 */
export const UMUR_RENTAN: ReadonlyArray<{ kode: string; dari: number; sampai: number }> = [
  { kode: 'bayi', dari: 0, sampai: 0 },
  { kode: 'balita', dari: 1, sampai: 5 },
  { kode: 'anak', dari: 6, sampai: 12 },
  { kode: 'remaja', dari: 13, sampai: 15 },
  { kode: 'muda', dari: 16, sampai: 18 },
  { kode: 'lansia', dari: 61, sampai: 99_999 },
];

/** The disability codes (1–6 a disability, 7 TIDAK CACAT), in the code list's order. */
export const KODE_CACAT: readonly number[] = codeList('cacat').map((c) => c.code);
/** sakit_menahun 14 = TIDAK ADA/TIDAK SAKIT */
export const SAKIT_TIDAK_ADA = 14;

export interface Rentan {
  kk: number;
  jiwa: number;
  umur: Record<string, number>;
  cacat: Record<number, number>;
  sakitMenahun: number;
  hamil: number;
}

export function rentanKosong(): Rentan {
  return {
    kk: 0,
    jiwa: 0,
    umur: Object.fromEntries(UMUR_RENTAN.map((u) => [u.kode, 0])),
    cacat: Object.fromEntries(KODE_CACAT.map((c) => [c, 0])),
    sakitMenahun: 0,
    hamil: 0,
  };
}

/** Count one living resident (families are counted by the caller, once each). */
export function tambahRentan(r: Rentan, o: OrangStat, tanggal: string): void {
  r.jiwa += 1;
  const umur = umurPada(o.tanggallahir, tanggal);
  if (umur !== null) {
    const b = UMUR_RENTAN.find((u) => umur >= u.dari && umur <= u.sampai);
    if (b) r.umur[b.kode] = (r.umur[b.kode] ?? 0) + 1;
  }
  if (o.cacat_id !== null && o.cacat_id in r.cacat) r.cacat[o.cacat_id] = (r.cacat[o.cacat_id] ?? 0) + 1;
  if (o.sakit_menahun_id !== null && o.sakit_menahun_id !== SAKIT_TIDAK_ADA) r.sakitMenahun += 1;
  if (o.sex === 2 && o.hamil === 1) r.hamil += 1;
}

export function tambahRentanKe(into: Rentan, from: Rentan): void {
  into.kk += from.kk;
  into.jiwa += from.jiwa;
  for (const k of Object.keys(into.umur)) into.umur[k] = (into.umur[k] ?? 0) + (from.umur[k] ?? 0);
  for (const c of KODE_CACAT) into.cacat[c] = (into.cacat[c] ?? 0) + (from.cacat[c] ?? 0);
  into.sakitMenahun += from.sakitMenahun;
  into.hamil += from.hamil;
}
