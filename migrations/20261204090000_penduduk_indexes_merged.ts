import { type Kysely, sql } from 'kysely';

/**
 * Three fewer index entries written per resident (decision 015). Every resident row went into eleven indexes; a
 * 100,000-row import spent ~3.5 s of PostgreSQL's time on them (each text index ~0.3–0.6 s). Three of them did
 * work another one could do:
 *
 * - `penduduk_nik_idx (nik)` next to the unique `penduduk_nik_hidup (nik) where status_dasar = 1 and nik is not
 *   null`. One unique index on `(nik, case when status_dasar = 1 then 0 else id end)` does both: living residents
 *   share the key (nik, 0), so a NIK is still unique among them; anyone else's key is (nik, own id), never a
 *   clash; a look-up by NIK of any status uses it by its first column. NULL NIKs (temporary numbers) stay apart.
 *   It keeps the name `penduduk_nik_hidup`.
 * - `penduduk_nama_idx (nama_normal, tanggallahir)` next to `penduduk_nama_status_desa_idx (nama_normal,
 *   status_dasar, desa_kode)` (migration 20261128100000). The possible-duplicate check (same name, living, same birth
 *   date or mother) already used the latter on SQLite (EXPLAIN: `penduduk_nama_status_desa_idx (nama_normal=? AND
 *   status_dasar=?)`), and on PostgreSQL it finds a name's living entries there, then the birth date in their rows
 *   (a few hundred for the commonest full names of a kabupaten). Dropped. Merging the two into one index with
 *   `tanggallahir` added at the end was measured first and refused: SQLite's planner, which works without
 *   statistics here, then preferred `penduduk_desa_nama_idx` for the kabupaten-wide name count (4 ms → 80–98 ms).
 * - `penduduk_rumah_tangga_idx (rumah_tangga_id)` held an entry for every resident, though most belong to no
 *   household: now only those that do (`where rumah_tangga_id is not null`; a look-up `rumah_tangga_id = ?`
 *   implies it, on both databases).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index penduduk_nik_idx`.execute(db);
  await sql`drop index penduduk_nik_hidup`.execute(db);
  await sql`create unique index penduduk_nik_hidup on penduduk (nik, (case when status_dasar = 1 then 0 else id end))`.execute(
    db,
  );
  await sql`drop index penduduk_nama_idx`.execute(db);
  await sql`drop index penduduk_rumah_tangga_idx`.execute(db);
  await sql`create index penduduk_rumah_tangga_idx on penduduk (rumah_tangga_id) where rumah_tangga_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index penduduk_rumah_tangga_idx`.execute(db);
  await sql`create index penduduk_rumah_tangga_idx on penduduk (rumah_tangga_id)`.execute(db);
  await sql`create index penduduk_nama_idx on penduduk (nama_normal, tanggallahir)`.execute(db);
  await sql`drop index penduduk_nik_hidup`.execute(db);
  await sql`create unique index penduduk_nik_hidup on penduduk (nik) where status_dasar = 1 and nik is not null`.execute(
    db,
  );
  await sql`create index penduduk_nik_idx on penduduk (nik)`.execute(db);
}
