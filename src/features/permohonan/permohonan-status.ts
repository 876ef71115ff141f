import type { StatusSurat } from '#src/features/surat/surat.table.js';

/** Request statuses (codes.json status_permohonan_surat): forward one step at a time, 5 only from 0 or 1. */
export const BELUM_LENGKAP = 0;
export const DIPERIKSA = 1;
export const MENUNGGU_TTD = 2;
export const SIAP_DIAMBIL = 3;
export const SUDAH_DIAMBIL = 4;
export const DIBATALKAN = 5;
export const SEMUA_STATUS = [0, 1, 2, 3, 4, 5] as const;

export const bolehDibatalkan = (status: number) => status === BELUM_LENGKAP || status === DIPERIKSA;

/**
 * The status as the resident and the office see it. A request waiting for signature is ready as soon as its
 * letter is issued, whatever happened to the hooks in between: readers derive it from the letter, and the
 * first reader also stores it (see sinkronStatus).
 */
export function statusEfektif(status: number, suratStatus: StatusSurat | null | undefined): number {
  return status === MENUNGGU_TTD && suratStatus === 'selesai' ? SIAP_DIAMBIL : status;
}

/** The steps of the timeline a resident sees (cancelled requests show their own line). */
export const LANGKAH_LINIMASA = [DIPERIKSA, MENUNGGU_TTD, SIAP_DIAMBIL, SUDAH_DIAMBIL] as const;
