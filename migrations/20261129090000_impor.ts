import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Import jobs (OpenSID resident and household workbooks). At most one running job per desa: a partial
 * unique index, so two operators (or the shell and the web) can never import into one desa at once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';
  await db.schema
    .createTable('impor_tugas')
    .addColumn('id', 'integer', (c) =>
      pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('jenis', 'varchar(20)', (c) => c.notNull().check(sql`jenis in ('penduduk', 'rumah_tangga')`))
    .addColumn('status', 'varchar(20)', (c) =>
      c.notNull().check(sql`status in ('membaca', 'siap', 'menerapkan', 'selesai', 'gagal', 'dibatalkan')`),
    )
    .addColumn('nama_berkas', 'varchar(200)', (c) => c.notNull())
    .addColumn('ukuran', 'integer', (c) => c.notNull())
    .addColumn('hasil', pg ? 'jsonb' : 'text')
    .addColumn('pesan', 'varchar(500)')
    .addColumn('pemilik', 'varchar(120)')
    .addColumn('dibuat_oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .execute();
  await sql`create unique index impor_satu_berjalan on impor_tugas (desa_kode) where status in ('membaca', 'menerapkan')`.execute(
    db,
  );
  await db.schema.createIndex('impor_desa_idx').on('impor_tugas').columns(['desa_kode', 'id']).execute();
  // the OpenSID export walks a desa's families in KK-number order, a page at a time
  await db.schema.createIndex('keluarga_desa_no_kk_idx').on('keluarga').columns(['desa_kode', 'no_kk', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('keluarga_desa_no_kk_idx').execute();
  await db.schema.dropTable('impor_tugas').execute();
}
