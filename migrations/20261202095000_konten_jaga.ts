import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The injected-content guard's findings: hidden links, links in bulk to unknown sites and gambling words found in
 * a desa's content (when saved, or by the nightly scan), each waiting for an admin's decision (released or
 * rejected, with who and when).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';
  const id = (c: any) => (pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('konten_temuan')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    /** what was checked: 'artikel' (more kinds of content may follow) and its id */
    .addColumn('sumber', 'varchar(20)', (c) => c.notNull().check(sql`sumber in ('artikel')`))
    .addColumn('sumber_id', 'integer', (c) => c.notNull())
    .addColumn('jenis', 'varchar(20)', (c) =>
      c.notNull().check(sql`jenis in ('tautan-tersembunyi', 'domain-asing', 'kata-judi')`),
    )
    .addColumn('detail', 'varchar(500)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull().check(sql`status in ('menunggu', 'dilepas', 'ditolak')`))
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('diputus_oleh', 'varchar(60)')
    .addColumn('diputus_pada', ts)
    .execute();
  await db.schema
    .createIndex('konten_temuan_desa_idx')
    .on('konten_temuan')
    .columns(['desa_kode', 'status', 'dibuat_pada'])
    .execute();
  await db.schema
    .createIndex('konten_temuan_sumber_idx')
    .on('konten_temuan')
    .columns(['sumber', 'sumber_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('konten_temuan').execute();
}
