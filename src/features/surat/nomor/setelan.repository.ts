import { levelOf, lineageOf } from '#src/domain/region-code.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';

/**
 * Letter settings (`surat_setelan`): one value per scope and key, the nearest scope wins —
 * the desa, then its kabupaten, then the installation default (lingkup '').
 */

/** The scopes consulted for a desa (or a kabupaten, or '') code, nearest first. */
export function lingkupBerurutan(kode: string): string[] {
  if (kode === '') return [''];
  const lineage = lineageOf(kode);
  const level = levelOf(kode);
  const chain = level === 3 ? [kode, lineage[1] as string] : level === 1 ? [kode] : [];
  if (chain.length === 0) throw new RangeError(`lingkup setelan harus desa, kabupaten atau '': ${kode}`);
  return [...chain, ''];
}

/** The value for `kunci` seen from a desa (desa → kabupaten → installation), or null when none is set. */
export async function readSetelan(db: Db, desaKode: string, kunci: string): Promise<string | null> {
  const chain = lingkupBerurutan(desaKode);
  const rows = await db
    .selectFrom('surat_setelan')
    .select(['lingkup', 'nilai'])
    .where('kunci', '=', kunci)
    .where('lingkup', 'in', chain)
    .execute();
  for (const lingkup of chain) {
    const row = rows.find((r) => r.lingkup === lingkup);
    if (row) return row.nilai;
  }
  return null;
}

/** Set (or replace) the value at one scope; `nilai` null removes it so the wider scope applies again. */
export async function writeSetelan(
  db: Db,
  lingkup: string,
  kunci: string,
  nilai: string | null,
  oleh: string,
): Promise<void> {
  lingkupBerurutan(lingkup);
  if (nilai === null) {
    await db.deleteFrom('surat_setelan').where('lingkup', '=', lingkup).where('kunci', '=', kunci).execute();
    return;
  }
  const now = nowIso();
  await db
    .insertInto('surat_setelan')
    .values({ lingkup, kunci, nilai, diperbarui_oleh: oleh, diperbarui_pada: now })
    .onConflict((oc) =>
      oc.columns(['lingkup', 'kunci']).doUpdateSet({ nilai, diperbarui_oleh: oleh, diperbarui_pada: now }),
    )
    .execute();
}

/** The value stored exactly at one scope (for settings forms: "set here" vs "inherited"). */
export async function readSetelanDi(db: Db, lingkup: string, kunci: string): Promise<string | null> {
  const row = await db
    .selectFrom('surat_setelan')
    .select('nilai')
    .where('lingkup', '=', lingkup)
    .where('kunci', '=', kunci)
    .executeTakeFirst();
  return row?.nilai ?? null;
}
