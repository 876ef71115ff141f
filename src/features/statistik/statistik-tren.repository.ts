import type { Db } from '#src/lib/db/connect.js';

const KOLOM = ['id', 'desa_kode', 'status_dasar', 'sex'] as const;

/**
 * Everyone who has lived in a desa — registered there now, or with an event there — with what the trend needs.
 * Two indexed look-ups rather than one `desa_kode = ? or id in (…)`, which PostgreSQL answers with a scan of the
 * whole register (~0.5 s per desa at 650,000 residents).
 */
export async function listPernahDiDesaRingkas(db: Db, desaKode: string) {
  const [di, lewat] = await Promise.all([
    db.selectFrom('penduduk').select(KOLOM).where('desa_kode', '=', desaKode).execute(),
    db
      .selectFrom('penduduk')
      .select(KOLOM)
      .where('id', 'in', db.selectFrom('peristiwa').select('penduduk_id').where('desa_kode', '=', desaKode))
      .where('desa_kode', '!=', desaKode)
      .execute(),
  ]);
  return [...di, ...lewat];
}
