import { umurPada } from './statistik-kategori.js';

/**
 * Who is a prospective voter (DPT, statistics.md §8) on an election date, among the living residents: a
 * permanent resident (status 1 TETAP), Indonesian (warganegara_id 1), aged 17 or more ON the election date or
 * ever married (status_kawin recorded and not 1 BELUM KAWIN), and not TNI (pekerjaan 6) or POLRI (pekerjaan 7).
 * Without a birth date and never married, the age cannot be shown: not listed (counted as such).
 */
export const PEKERJAAN_TNI = 6;
export const PEKERJAAN_POLRI = 7;
export const UMUR_PEMILIH = 17;

export type AlasanBukanPemilih = 'tidakTetap' | 'bukanWni' | 'belumCukupUmur' | 'umurTidakDiketahui' | 'tniPolri';
export const ALASAN_BUKAN_PEMILIH: readonly AlasanBukanPemilih[] = [
  'tidakTetap',
  'bukanWni',
  'belumCukupUmur',
  'umurTidakDiketahui',
  'tniPolri',
];

export interface CalonPemilih {
  status: number | null;
  warganegara_id: number | null;
  tanggallahir: string | null;
  status_kawin: number | null;
  pekerjaan_id: number | null;
}

/** Why a living resident is not on the list (the first rule failed), or null when they are. */
export function alasanBukanPemilih(o: CalonPemilih, tanggalPemilu: string): AlasanBukanPemilih | null {
  if (o.status !== 1) return 'tidakTetap';
  if (o.warganegara_id !== 1) return 'bukanWni';
  if (o.pekerjaan_id === PEKERJAAN_TNI || o.pekerjaan_id === PEKERJAAN_POLRI) return 'tniPolri';
  const pernahKawin = o.status_kawin !== null && o.status_kawin !== 1;
  if (pernahKawin) return null;
  const umur = umurPada(o.tanggallahir, tanggalPemilu);
  if (umur === null) return 'umurTidakDiketahui';
  return umur >= UMUR_PEMILIH ? null : 'belumCukupUmur';
}
