import type { Kysely } from 'kysely';

/**
 * Name search over many desa (a kecamatan, the kabupaten): `nama_normal` prefix + `status_dasar` + a range
 * of `desa_kode`. With ~650,000 residents the total (count) of a common prefix such as "siti" (~42,000
 * matches) took ~100 ms: SQLite scanned the whole kabupaten in penduduk_desa_nama_idx (the desa range comes
 * first), PostgreSQL fetched ~22,000 heap pages behind penduduk_nama_idx. With all three columns in one
 * index, name first, both count it from the index alone (SQLite ~8 ms, PostgreSQL ~17 ms, index-only scan)
 * and the first page comes straight off it in name order.
 *
 * The name comes first on purpose: an index led by status_dasar (almost always 1) looks like an equality
 * match to SQLite's planner, which has no statistics (the app never runs ANALYZE), and it then preferred it
 * over the NIK indexes for a NIK look-up (2 s instead of 0.4 ms).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('penduduk_nama_status_desa_idx')
    .on('penduduk')
    .columns(['nama_normal', 'status_dasar', 'desa_kode'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('penduduk_nama_status_desa_idx').execute();
}
