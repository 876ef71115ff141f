import { todayIn } from '#src/domain/age.js';
import { wargaActor } from '#src/features/mandiri/warga-akun.service.js';
import type { WargaState } from '#src/features/mandiri/warga-sesi.service.js';
import { beritahu } from '#src/features/notifikasi/notifikasi.service.js';
import { periksaInput } from '#src/features/surat/surat.service.js';
import { ensureJenisBawaan, jenisUntukDesa } from '#src/features/surat/surat-jenis.service.js';
import { type Actor, audit, systemActor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso, readJson } from '#src/lib/db/time.js';
import { conflict, invalid, notFound } from '#src/lib/errors.js';
import * as repo from './permohonan.repository.js';
import type { PenilaianInput, PermohonanInput } from './permohonan.schema.js';
import {
  bolehDibatalkan,
  DIBATALKAN,
  DIPERIKSA,
  MENUNGGU_TTD,
  SIAP_DIAMBIL,
  SUDAH_DIAMBIL,
  statusEfektif,
} from './permohonan-status.js';

/** The resident of a request, as far as the request pages need them. */
export type Pemohon = Pick<WargaState, 'akunId' | 'pendudukId' | 'desaKode'>;

export async function jenisMandiri(db: Db, desaKode: string) {
  await ensureJenisBawaan(db);
  return repo.listJenisMandiri(db, desaKode);
}

/** A type the resident may ask for here (not mandiri, switched off, another kabupaten's → 404). */
export async function jenisPermohonan(db: Db, desaKode: string, slug: string) {
  const jenis = await jenisUntukDesa(db, desaKode, { slug });
  if (!jenis.def.mandiri) throw notFound('suratJenisTidakAda');
  return jenis;
}

/**
 * Submit a request: the same checks as the office's letter form (the resident is the subject, the type's
 * fields), the attached documents must be the resident's own; it starts at 1 'Sedang Diperiksa' with the day's
 * next queue number. The office hears of it through the notification outbox.
 */
export async function ajukanPermohonan(db: Db, w: Pemohon, input: PermohonanInput, req?: { id: string; ip: string }) {
  const jenis = await jenisPermohonan(db, w.desaKode, input.slug);
  const checked = await periksaInput(db, w.desaKode, jenis, {
    slug: input.slug,
    subjek: { individu: { pendudukId: w.pendudukId } },
    isian: input.isian,
  });
  const milik = await dokumenMilik(db, w.pendudukId, input.dokumen);
  if (milik.length !== input.dokumen.length) throw invalid({ dokumen: 'permohonanDokumenBukanMilik' });
  const tanggal = todayIn();
  const now = nowIso();
  let id = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      id = await db.transaction().execute(async (trx) => {
        const id = await repo.insertPermohonan(trx, {
          desa_kode: w.desaKode,
          penduduk_id: w.pendudukId,
          akun_id: w.akunId,
          jenis_id: jenis.id,
          isian: JSON.stringify(checked.data.isian),
          status: DIPERIKSA,
          alasan: null,
          catatan: input.catatan || null,
          telepon: input.telepon || null,
          dokumen: JSON.stringify(milik),
          tanggal_antrian: tanggal,
          nomor_antrian: await repo.nextAntrian(trx, w.desaKode, tanggal),
          surat_id: null,
          diproses_oleh: null,
          dibuat_pada: now,
          diperbarui_pada: now,
          diambil_pada: null,
        });
        await audit.record(trx, wargaActor(w.akunId, req), {
          aksi: 'ajukan-permohonan',
          entitas: 'permohonan',
          entitasId: id,
          desaKode: w.desaKode,
          perubahan: { jenis: [null, jenis.def.slug], status: [null, DIPERIKSA] },
        });
        return id;
      });
      break;
    } catch (error) {
      // two requests in the same second took the same queue number: take the next one
      if (attempt >= 3 || !/unique|UNIQUE/.test(String((error as Error).message))) throw error;
    }
  }
  await beritahu(db, { jenis: 'permohonan-baru', desaKode: w.desaKode, permohonanId: id, jenisSurat: jenis.def.nama });
  return id;
}

async function dokumenMilik(db: Db, pendudukId: number, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('warga_dokumen')
    .select('id')
    .where('penduduk_id', '=', pendudukId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => r.id);
}

/** The resident's own request (anyone else's id → 404, as if it did not exist), its status brought up to date. */
export async function permohonanWarga(db: Db, w: Pemohon, id: number) {
  const row = await repo.findPermohonan(db, id);
  if (!row || row.penduduk_id !== w.pendudukId || row.desa_kode !== w.desaKode) throw notFound();
  return sinkronStatus(db, row);
}

export async function daftarPermohonanWarga(db: Db, w: Pemohon) {
  const rows = await repo.listPermohonanWarga(db, w.pendudukId);
  return Promise.all(rows.filter((r) => r.desa_kode === w.desaKode).map((r) => sinkronStatus(db, r)));
}

/**
 * Store 3 'Siap Diambil' once the linked letter is issued. Derived on every read, so a failed hook or a letter
 * issued by another path (CLI, a second approver) never leaves a request stuck at 2; only the reader whose
 * update wins records it and tells the resident.
 */
export async function sinkronStatus(db: Db, row: repo.PermohonanRow): Promise<repo.PermohonanRow> {
  const efektif = statusEfektif(row.status, row.surat_status);
  if (efektif === row.status) return row;
  const won = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateStatusFrom(trx, row.id, [MENUNGGU_TTD], { status: efektif }))) return false;
    await audit.record(trx, systemActor('sistem'), {
      aksi: 'permohonan-siap',
      entitas: 'permohonan',
      entitasId: row.id,
      desaKode: row.desa_kode,
      perubahan: { status: [row.status, efektif] },
    });
    return true;
  });
  if (won) await kabarStatus(db, row, efektif);
  return { ...row, status: efektif };
}

export function kabarStatus(db: Db, row: repo.PermohonanRow, status: number) {
  return beritahu(db, {
    jenis: 'permohonan-status',
    desaKode: row.desa_kode,
    pendudukId: row.penduduk_id,
    permohonanId: row.id,
    status,
    jenisSurat: row.jenis_nama,
  });
}

/** Cancel: the resident, or the office rejecting with a reason; only while 0 or 1. */
export async function batalkanPermohonan(db: Db, actor: Actor, row: repo.PermohonanRow, alasan: string) {
  if (!bolehDibatalkan(row.status)) throw conflict('permohonanTidakBisaDibatalkan');
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateStatusFrom(trx, row.id, [0, 1], { status: DIBATALKAN, alasan: alasan.slice(0, 500) });
    if (!ok) throw conflict('permohonanStatusBerubah');
    await audit.record(trx, actor, {
      aksi: 'batalkan-permohonan',
      entitas: 'permohonan',
      entitasId: row.id,
      desaKode: row.desa_kode,
      perubahan: { status: [row.status, DIBATALKAN] },
      alasan: alasan.slice(0, 500),
    });
  });
  await kabarStatus(db, row, DIBATALKAN);
}

/** Rate the service once the letter was picked up (once per request). */
export async function nilaiPermohonan(db: Db, w: Pemohon, id: number, input: PenilaianInput) {
  const row = await permohonanWarga(db, w, id);
  if (row.status !== SUDAH_DIAMBIL) throw conflict('permohonanBelumDiambil');
  if (await repo.findPenilaian(db, id)) throw conflict('permohonanSudahDinilai');
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('permohonan_penilaian')
      .values({ permohonan_id: id, nilai: input.nilai, komentar: input.komentar || null, dibuat_pada: nowIso() })
      .execute();
    await audit.record(trx, wargaActor(w.akunId), {
      aksi: 'nilai-permohonan',
      entitas: 'permohonan',
      entitasId: id,
      desaKode: row.desa_kode,
      perubahan: { nilai: [null, input.nilai] },
    });
  });
}

export const isianOf = (row: repo.PermohonanRow) => readJson<Record<string, string>>(row.isian) ?? {};
export const dokumenOf = (row: repo.PermohonanRow) => readJson<number[]>(row.dokumen) ?? [];
export const siap = (status: number) => status === SIAP_DIAMBIL || status === SUDAH_DIAMBIL;
