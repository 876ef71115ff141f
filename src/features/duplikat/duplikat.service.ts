import { householdAfterDeparture } from '#src/features/keluarga/rumah-tangga-departure.js';
import {
  findDuplicateCandidates,
  type PendudukRow,
  updatePenduduk,
} from '#src/features/penduduk/penduduk.repository.js';
import { pendudukFields } from '#src/features/penduduk/penduduk.schema.js';
import { getPenduduk, saveWarnings } from '#src/features/penduduk/penduduk.service.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import { type Grant, grantCovers } from '#src/lib/auth/grants.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { badRequest, conflict, forbidden, notFound } from '#src/lib/errors.js';
import * as repo from './duplikat.repository.js';

export interface DuplicateProbe {
  id: number;
  nama_normal: string;
  tanggallahir: string | null;
  nama_ibu_normal: string | null;
}

/** Queue every living person who may be the same as `person` (same name + birth date, or same name + mother). */
export async function recordDuplicateCandidates(db: Db, person: DuplicateProbe): Promise<number> {
  const candidates = await findDuplicateCandidates(db, person);
  for (const c of candidates) {
    const alasan = person.tanggallahir && c.tanggallahir === person.tanggallahir ? 'nama_tanggal_lahir' : 'nama_ibu';
    await repo.insertPair(db, person.id, c.id, alasan);
  }
  return candidates.length;
}

/** On demand: look for possible duplicates among the living people of a region; returns the new pairs queued. */
export async function scanRegion(db: Db, region: string): Promise<number> {
  let added = 0;
  for (const [by, alasan] of [
    ['tanggallahir', 'nama_tanggal_lahir'],
    ['nama_ibu_normal', 'nama_ibu'],
  ] as const) {
    for (const ids of await repo.findGroups(db, region, by)) {
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          if (await repo.insertPair(db, ids[i] as number, ids[j] as number, alasan)) added += 1;
        }
      }
    }
  }
  return added;
}

/** The review queue: open pairs whose two people both lie within the reviewer's scopes. */
export function listQueue(db: Db, reviewerScopes: readonly string[]) {
  return reviewerScopes.length === 0 ? Promise.resolve([]) : repo.listOpenPairs(db, reviewerScopes);
}

async function openPair(db: Db, pairId: number, reviewer: readonly Grant[]) {
  const pair = await repo.findPair(db, pairId);
  if (pair?.status !== 'terbuka') throw notFound();
  const [a, b] = await Promise.all([getPenduduk(db, pair.penduduk_a), getPenduduk(db, pair.penduduk_b)]);
  // both records must be within the reviewer's reach (a desa reviews its own; the kabupaten reviews across desa)
  if (![a, b].every((p) => reviewer.some((g) => grantCovers(g, { kode: p.desa_kode })))) throw forbidden();
  return { pair, a, b };
}

export async function dismissPair(db: Db, actor: Actor, pairId: number, reviewer: readonly Grant[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { pair, a } = await openPair(trx, pairId, reviewer);
    await repo.closePairs(trx, [pair.id], 'diabaikan', actor.username);
    await audit.record(trx, actor, {
      aksi: 'abaikan-duplikat',
      entitas: 'duplikat',
      entitasId: pair.id,
      desaKode: a.desa_kode,
    });
  });
}

/** Fill the kept record's empty fields from the other one; a real NIK replaces a temporary one. */
function mergedFields(keep: PendudukRow, gone: PendudukRow): Partial<PendudukRow> {
  const fill: Record<string, unknown> = {};
  for (const key of Object.keys(pendudukFields) as (keyof typeof pendudukFields)[]) {
    const k = keep[key as keyof PendudukRow];
    const g = gone[key as keyof PendudukRow];
    if ((k === null || k === undefined) && g !== null && g !== undefined) fill[key] = g;
  }
  if (!keep.nik && gone.nik) {
    fill.nik = gone.nik;
    fill.nik_sementara = null;
  }
  return fill as Partial<PendudukRow>;
}

/**
 * Merge a pair: one record stays; the other is marked TIDAK VALID and "merged into" the kept one, so that
 * nothing of its history (events, family, audit) is lost. A real NIK replaces a temporary one.
 */
export async function mergePair(
  db: Db,
  actor: Actor,
  pairId: number,
  keepId: number,
  reviewer: readonly Grant[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { pair, a, b } = await openPair(trx, pairId, reviewer);
    if (keepId !== a.id && keepId !== b.id) throw badRequest('pilihanTidakValid');
    if (a.id === b.id) throw conflict('gabungDiriSendiri');
    const [keep, gone] = keepId === a.id ? [a, b] : [b, a];
    const headed = await trx
      .selectFrom('keluarga')
      .select(['id'])
      .where('kepala_id', '=', gone.id)
      .where('ditutup_pada', 'is', null)
      .executeTakeFirst();
    if (headed) {
      const others = await trx
        .selectFrom('penduduk')
        .select('id')
        .where('keluarga_id', '=', headed.id)
        .where('status_dasar', '=', 1)
        .where('id', 'not in', [gone.id])
        .execute();
      if (others.some((o) => o.id === keep.id)) {
        await updatePenduduk(trx, keep.id, { kk_level: 1 });
        await trx.updateTable('keluarga').set({ kepala_id: keep.id }).where('id', '=', headed.id).execute();
      } else if (others.length > 0) {
        throw conflict('gabungKepalaKeluarga');
      } else {
        await trx
          .updateTable('keluarga')
          .set({ kepala_id: null, ditutup_pada: nowIso(), alasan_tutup: `digabung ke penduduk #${keep.id}` })
          .where('id', '=', headed.id)
          .execute();
      }
    }
    const now = nowIso();
    await updatePenduduk(trx, gone.id, { status_dasar: 9, diperbarui_pada: now, diperbarui_oleh: actor.username });
    await householdAfterDeparture(trx, actor, gone.id, keep.id, `digabung ke penduduk #${keep.id}`);
    await updatePenduduk(trx, gone.id, {
      status_dasar: 9,
      digabung_ke_id: keep.id,
      rumah_tangga_id: null,
      rtm_level: null,
      diperbarui_pada: now,
      diperbarui_oleh: actor.username,
    });
    const fill = mergedFields(keep, gone);
    await updatePenduduk(trx, keep.id, { ...fill, diperbarui_pada: now, diperbarui_oleh: actor.username });
    const kept = await getPenduduk(trx, keep.id);
    await saveWarnings(trx, kept.id, kept.desa_kode, kept);
    await repo.closePairs(trx, [pair.id], 'digabung', actor.username);
    await repo.closePairs(
      trx,
      (await repo.openPairsOf(trx, gone.id)).filter((id) => id !== pair.id),
      'diabaikan',
      actor.username,
    );
    await audit.record(trx, actor, {
      aksi: 'gabung',
      entitas: 'penduduk',
      entitasId: keep.id,
      desaKode: keep.desa_kode,
      perubahan: {
        digabung_dari: [null, gone.id],
        ...Object.fromEntries(
          Object.keys(fill).map((k) => [
            k,
            [null, k === 'nik' ? `****${String(fill.nik).slice(-4)}` : (fill as Record<string, unknown>)[k]],
          ]),
        ),
      },
    });
    await audit.record(trx, actor, {
      aksi: 'digabung',
      entitas: 'penduduk',
      entitasId: gone.id,
      desaKode: gone.desa_kode,
      perubahan: { status_dasar: [gone.status_dasar, 9], digabung_ke_id: [null, keep.id] },
    });
  });
}
