import type { Temuan } from '#src/domain/konten-terlarang.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { conflict, notFound } from '#src/lib/errors.js';
import * as repo from './konten-jaga.repository.js';
import type { SumberTemuan } from './konten-jaga.table.js';

const PANJANG_DETAIL = 500;
const kunci = (t: { jenis: string; detail: string }) => `${t.jenis}\u0000${t.detail}`;

export interface TahanInput {
  desaKode: string;
  sumber: SumberTemuan;
  sumberId: number;
  temuan: readonly Temuan[];
  /**
   * Skip findings an admin already released for this content (the nightly scan: a released article is not held
   * again for the same thing). Off when an editor saves: a changed article is reviewed again.
   */
  kecualiDilepas?: boolean;
}

/**
 * Record the guard's findings on one piece of content for an admin's review, in the caller's transaction (the
 * caller sets the content's own status, e.g. artikel 'ditahan'). A finding already waiting is not recorded twice.
 * Returns how many findings of this content now wait for a decision (0: nothing to hold it for).
 */
export async function tahanKonten(trx: Db, input: TahanInput): Promise<number> {
  const tercatat = await repo.temuanTercatat(trx, input.sumber, input.sumberId);
  const lewati = new Set(tercatat.filter((t) => t.status === 'menunggu' || input.kecualiDilepas).map(kunci));
  const menunggu = tercatat.filter((t) => t.status === 'menunggu').length;
  const now = nowIso();
  const baru = new Map<string, Temuan>();
  for (const t of input.temuan) {
    const detail = t.detail.length > PANJANG_DETAIL ? `${t.detail.slice(0, PANJANG_DETAIL - 1)}…` : t.detail;
    const item = { jenis: t.jenis, detail };
    if (!lewati.has(kunci(item))) baru.set(kunci(item), item);
  }
  await repo.insertTemuan(
    trx,
    [...baru.values()].map((t) => ({
      desa_kode: input.desaKode,
      sumber: input.sumber,
      sumber_id: input.sumberId,
      jenis: t.jenis,
      detail: t.detail,
      status: 'menunggu' as const,
      dibuat_pada: now,
    })),
  );
  return menunggu + baru.size;
}

export type Keputusan = 'lepas' | 'tolak';

/**
 * An admin's decision on held content: every waiting finding closed; a held article released goes back to
 * 'terbit' (or 'terjadwal' when its publication time is still ahead), a rejected one to 'draf' for the editor.
 * Content no longer held (edited meanwhile) keeps its status; only the findings are closed. Audited.
 */
export async function putuskanKonten(
  db: Db,
  actor: Actor,
  desaKode: string,
  k: { sumber: SumberTemuan; sumberId: number; keputusan: Keputusan },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const artikel = await repo.findArtikelStatus(trx, desaKode, k.sumberId);
    if (!artikel) throw notFound('temuanTidakDitemukan');
    const now = nowIso();
    const ditutup = await repo.putuskanTemuan(
      trx,
      { desaKode, sumber: k.sumber, sumberId: k.sumberId },
      { status: k.keputusan === 'lepas' ? 'dilepas' : 'ditolak', oleh: actor.username, pada: now },
    );
    if (ditutup === 0) throw conflict('temuanSudahDiputus');
    let status = artikel.status;
    if (artikel.status === 'ditahan') {
      if (k.keputusan === 'tolak') status = 'draf';
      else status = artikel.terbit_pada && artikel.terbit_pada > now ? 'terjadwal' : 'terbit';
      await repo.setArtikelStatus(trx, desaKode, k.sumberId, {
        status,
        ...(status === 'terbit' && !artikel.terbit_pada ? { terbit_pada: now } : {}),
      });
    }
    await audit.record(trx, actor, {
      aksi: k.keputusan === 'lepas' ? 'lepas-konten' : 'tolak-konten',
      entitas: 'konten_temuan',
      entitasId: `${k.sumber}/${k.sumberId}`,
      desaKode,
      perubahan: { status: [artikel.status, status], temuan_ditutup: [ditutup, 0] },
    });
  });
}
