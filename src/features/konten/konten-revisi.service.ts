import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { notFound } from '#src/lib/errors.js';
import * as repo from './konten.repository.js';

export async function daftarRevisi(db: Db, desaKode: string, artikelId: number) {
  const artikel = await repo.findArtikel(db, desaKode, artikelId);
  if (!artikel) throw notFound();
  return { artikel, revisi: await repo.listRevisi(db, artikelId) };
}

export async function lihatRevisi(db: Db, desaKode: string, artikelId: number, revisiId: number) {
  const artikel = await repo.findArtikel(db, desaKode, artikelId);
  const revisi = artikel ? await repo.findRevisi(db, artikelId, revisiId) : undefined;
  if (!artikel || !revisi) throw notFound();
  return { artikel, revisi };
}

/**
 * Bring an old version back: the current one is kept as a revision first, and the article becomes a draft (it is
 * published again through the editor, so the guard checks it again).
 */
export async function pulihkanRevisi(db: Db, actor: Actor, desaKode: string, artikelId: number, revisiId: number) {
  await db.transaction().execute(async (trx) => {
    const { artikel, revisi } = await lihatRevisi(trx, desaKode, artikelId, revisiId);
    await repo.insertRevisi(trx, {
      artikel_id: artikel.id,
      judul: artikel.judul,
      ringkasan: artikel.ringkasan,
      isi_html: artikel.isi_html,
      oleh: artikel.diperbarui_oleh,
      pada: artikel.diperbarui_pada,
    });
    await repo.updateArtikel(trx, desaKode, artikel.id, {
      judul: revisi.judul,
      ringkasan: revisi.ringkasan,
      isi_html: revisi.isi_html,
      isi_mentah: revisi.isi_html,
      status: 'draf',
      diperbarui_oleh: actor.username,
      diperbarui_pada: nowIso(),
    });
    await audit.record(trx, actor, {
      aksi: 'pulihkan-revisi',
      entitas: 'artikel',
      entitasId: artikel.id,
      desaKode,
      perubahan: { judul: [artikel.judul, revisi.judul], status: [artikel.status, 'draf'] },
      alasan: `revisi ${revisi.id}`,
    });
  });
}
