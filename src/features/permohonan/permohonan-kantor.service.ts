import { ajukanSurat, buatSurat, type Pelaku } from '#src/features/surat/surat.service.js';
import type { SuratContext } from '#src/features/surat/surat-context.js';
import { audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { conflict, invalid, notFound } from '#src/lib/errors.js';
import * as repo from './permohonan.repository.js';
import { batalkanPermohonan, isianOf, kabarStatus, sinkronStatus } from './permohonan.service.js';
import { BELUM_LENGKAP, DIPERIKSA, MENUNGGU_TTD, SIAP_DIAMBIL, SUDAH_DIAMBIL } from './permohonan-status.js';

/** A request of this desa (another desa's id → 404), its status brought up to date. */
export async function permohonanDesa(db: Db, desaKode: string, id: number) {
  const row = await repo.findPermohonan(db, id);
  if (!row || row.desa_kode !== desaKode) throw notFound();
  return sinkronStatus(db, row);
}

export async function antrianDesa(db: Db, desaKode: string, status: number | null) {
  // a request at 2 whose letter is issued counts as 3: look at both when filtering on 2 or 3
  const stored = status === null ? null : status === SIAP_DIAMBIL || status === MENUNGGU_TTD ? [2, 3] : [status];
  const rows = await Promise.all(
    (await repo.listPermohonanDesa(db, desaKode, stored)).map((r) => sinkronStatus(db, r)),
  );
  return status === null ? rows : rows.filter((r) => r.status === status);
}

/**
 * Accept into the letter flow: claim the request (1 → 2) first so two operators cannot make two letters,
 * draft the letter with the resident as subject and the request's answers, link it, then submit it into
 * the approval chain. A draft that cannot be created gives the request back (2 → 1); a letter that cannot be
 * submitted stays linked as a draft for the operator to submit from the letter page (`diajukan` false).
 */
export async function terimaPermohonan(ctx: SuratContext, pelaku: Pelaku, desaKode: string, id: number) {
  const row = await permohonanDesa(ctx.db, desaKode, id);
  if (row.status !== DIPERIKSA && row.status !== BELUM_LENGKAP) throw conflict('permohonanStatusBerubah');
  const from = [row.status];
  if (!(await repo.updateStatusFrom(ctx.db, id, from, { status: MENUNGGU_TTD, diproses_oleh: pelaku.actor.username })))
    throw conflict('permohonanStatusBerubah');
  let suratId: number;
  try {
    suratId = await buatSurat(
      ctx,
      pelaku,
      desaKode,
      { slug: row.jenis_slug, subjek: { individu: { pendudukId: row.penduduk_id } }, isian: isianOf(row) },
      { ajukan: false },
    );
  } catch (error) {
    await repo.updateStatusFrom(ctx.db, id, [MENUNGGU_TTD], { status: row.status, diproses_oleh: null });
    throw error;
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('permohonan_surat').set({ surat_id: suratId }).where('id', '=', id).execute();
    await audit.record(trx, pelaku.actor, {
      aksi: 'terima-permohonan',
      entitas: 'permohonan',
      entitasId: id,
      desaKode,
      perubahan: { status: [row.status, MENUNGGU_TTD], surat_id: [null, suratId] },
    });
  });
  let diajukan = true;
  try {
    await ajukanSurat(ctx, pelaku, desaKode, suratId);
  } catch (error) {
    ctx.log?.error({ err: error, permohonan: id, surat: suratId }, 'accepted request: letter left as draft');
    diajukan = false;
  }
  await kabarStatus(ctx.db, row, MENUNGGU_TTD);
  // with no approval step switched on the letter is issued at once: the request is then ready
  const now = await permohonanDesa(ctx.db, desaKode, id);
  return { suratId, diajukan, status: now.status };
}

export async function tolakPermohonan(db: Db, pelaku: Pelaku, desaKode: string, id: number, alasan: string) {
  const reason = alasan.trim();
  if (!reason) throw invalid({ alasan: 'suratAlasanWajib' });
  await batalkanPermohonan(db, pelaku.actor, await permohonanDesa(db, desaKode, id), reason);
}

/** Record the hand-over of a ready letter (3 → 4). */
export async function serahkanPermohonan(db: Db, pelaku: Pelaku, desaKode: string, id: number) {
  const row = await permohonanDesa(db, desaKode, id);
  if (row.status !== SIAP_DIAMBIL) throw conflict('permohonanBelumSiap');
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateStatusFrom(trx, id, [SIAP_DIAMBIL], { status: SUDAH_DIAMBIL, diambil_pada: nowIso() });
    if (!ok) throw conflict('permohonanStatusBerubah');
    await audit.record(trx, pelaku.actor, {
      aksi: 'serahkan-permohonan',
      entitas: 'permohonan',
      entitasId: id,
      desaKode,
      perubahan: { status: [SIAP_DIAMBIL, SUDAH_DIAMBIL] },
    });
  });
  await kabarStatus(db, row, SUDAH_DIAMBIL);
}
