import { todayIn } from '#src/domain/age.js';
import { PERISTIWA, STATUS } from '#src/domain/peristiwa.js';
import type { Actor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { HttpError } from '#src/lib/errors.js';
import * as repo from './peristiwa.repository.js';
import type { PeristiwaTable } from './peristiwa.table.js';

const fieldError = (field: string, key: string) => new HttpError(400, 'invalid', {}, { [field]: key });

/** Event and report dates: neither in the future, the report not before the event. Report defaults to today. */
export function checkDates(
  tglPeristiwa: string,
  tglLapor: string | null,
): { tgl_peristiwa: string; tgl_lapor: string } {
  const today = todayIn();
  const lapor = tglLapor ?? today;
  if (tglPeristiwa > today) throw fieldError('tgl_peristiwa', 'tanggalDiMasaDepan');
  if (lapor > today) throw fieldError('tgl_lapor', 'tanggalDiMasaDepan');
  if (lapor < tglPeristiwa) throw fieldError('tgl_lapor', 'tanggalLaporSebelumPeristiwa');
  return { tgl_peristiwa: tglPeristiwa, tgl_lapor: lapor };
}

/** The family a person belongs to at the time of the event (number and head's name kept on the event). */
export async function familySnapshot(db: Db, keluargaId: number | null) {
  if (keluargaId === null) return { keluarga_id: null, no_kk: null, nama_kk: null };
  const k = await db
    .selectFrom('keluarga')
    .leftJoin('penduduk as h', 'h.id', 'keluarga.kepala_id')
    .select(['keluarga.id', 'keluarga.no_kk', 'h.nama'])
    .where('keluarga.id', '=', keluargaId)
    .executeTakeFirst();
  return { keluarga_id: k?.id ?? null, no_kk: k?.no_kk ?? null, nama_kk: k?.nama ?? null };
}

type EventRow = Omit<PeristiwaTable, 'id' | 'dicatat_pada' | 'dicatat_oleh'>;

const EMPTY: Omit<EventRow, 'penduduk_id' | 'desa_kode' | 'kode' | 'tgl_peristiwa' | 'tgl_lapor' | 'status_sesudah'> = {
  catatan: null,
  keluarga_id: null,
  no_kk: null,
  nama_kk: null,
  meninggal_di: null,
  jam_mati: null,
  sebab: null,
  penolong_mati: null,
  akta_mati: null,
  ref_pindah: null,
  alamat_tujuan: null,
  tujuan_desa_kode: null,
  asal_desa_kode: null,
  alamat_asal: null,
  maksud_tujuan_kedatangan: null,
  status_sebelum: null,
  membatalkan_id: null,
  alasan: null,
};

export function writeEvent(
  trx: Db,
  actor: Actor,
  row: Pick<EventRow, 'penduduk_id' | 'desa_kode' | 'kode' | 'tgl_peristiwa' | 'tgl_lapor' | 'status_sesudah'> &
    Partial<EventRow>,
): Promise<number> {
  return repo.insertPeristiwa(trx, { ...EMPTY, ...row, dicatat_oleh: actor.username, dicatat_pada: nowIso() });
}

/** The pindah masuk entry of a person who now lives in `desaKode` (new, or a record moved from elsewhere). */
export async function writeArrivalEvent(
  trx: Db,
  actor: Actor,
  pendudukId: number,
  desaKode: string,
  dates: { tgl_peristiwa: string; tgl_lapor: string },
  details: Partial<
    Pick<EventRow, 'asal_desa_kode' | 'alamat_asal' | 'maksud_tujuan_kedatangan' | 'catatan' | 'status_sebelum'>
  >,
): Promise<number> {
  const person = await trx
    .selectFrom('penduduk')
    .select('keluarga_id')
    .where('id', '=', pendudukId)
    .executeTakeFirstOrThrow();
  return writeEvent(trx, actor, {
    penduduk_id: pendudukId,
    desa_kode: desaKode,
    kode: PERISTIWA.pindahMasuk,
    ...dates,
    ...(await familySnapshot(trx, person.keluarga_id)),
    ...details,
    status_sesudah: STATUS.hidup,
  });
}
