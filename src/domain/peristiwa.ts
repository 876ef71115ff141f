/**
 * Population events (peristiwa) and the status transitions they make (reference residents.md §3.1, §4).
 * Status dasar: 1 HIDUP, 2 MATI, 3 PINDAH, 4 HILANG, 6 PERGI, 9 TIDAK VALID.
 * Status penduduk: 1 TETAP, 2 TIDAK TETAP.
 */
export const PERISTIWA = { lahir: 1, mati: 2, pindahKeluar: 3, hilang: 4, pindahMasuk: 5, pergi: 6 } as const;
export type KodePeristiwa = (typeof PERISTIWA)[keyof typeof PERISTIWA];

export const STATUS = { hidup: 1, mati: 2, pindah: 3, hilang: 4, pergi: 6, tidakValid: 9 } as const;

/** Events that end a living person's residence, with the status each leads to. */
export const LEAVING: Readonly<Record<number, number>> = {
  [PERISTIWA.mati]: STATUS.mati,
  [PERISTIWA.pindahKeluar]: STATUS.pindah,
  [PERISTIWA.hilang]: STATUS.hilang,
  [PERISTIWA.pergi]: STATUS.pergi,
};

/** Family events written when the head of a family leaves (peristiwa_keluarga 2/3/4/6). */
export const HEAD_LEAVING_FAMILY_EVENT: Readonly<Record<number, number>> = { 2: 2, 3: 3, 4: 4, 6: 6 };

export type TransitionProblem = 'statusBukanHidup' | 'pergiHanyaTidakTetap';

/** Whether a leaving event may be recorded for a person in this state. */
export function checkLeaving(
  kode: number,
  person: { status_dasar: number; status: number | null },
): TransitionProblem | null {
  if (person.status_dasar !== STATUS.hidup) return 'statusBukanHidup';
  if (kode === PERISTIWA.pergi && person.status !== 2) return 'pergiHanyaTidakTetap';
  return null;
}

/**
 * A wrong event is corrected by a reversing entry, never by deletion: the person returns to the status
 * before the event; a reversed birth or arrival makes the record TIDAK VALID (it should not exist).
 */
export function statusAfterReversal(kode: number, statusBefore: number | null): number {
  if (kode === PERISTIWA.lahir || kode === PERISTIWA.pindahMasuk) return STATUS.tidakValid;
  return statusBefore ?? STATUS.hidup;
}

/** How far someone moves, from the two desa codes (jenis_pindah 1–4). */
export function jenisPindah(dari: string, ke: string): 1 | 2 | 3 | 4 {
  const a = dari.split('.');
  const b = ke.split('.');
  if (a[0] !== b[0]) return 4;
  if (a[1] !== b[1]) return 3;
  if (a[2] !== b[2]) return 2;
  return 1;
}
