import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * The public site of each desa: its settings (about text, office hours, contact line), its perangkat desa
 * (organisation chart, in order) and its lembaga (BPD, LPMD, PKK, Karang Taruna, …). Edited by web editors.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';
  const id = (c: any) => (pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('situs_pengaturan')
    .addColumn('desa_kode', 'varchar(13)', (c) => c.primaryKey().references('desa.kode'))
    .addColumn('tentang', 'text')
    .addColumn('jam_layanan', 'varchar(300)')
    .addColumn('kontak', 'varchar(300)')
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('situs_perangkat')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('nama', 'varchar(120)', (c) => c.notNull())
    .addColumn('jabatan', 'varchar(120)', (c) => c.notNull())
    .addColumn('urutan', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('situs_perangkat_desa_idx')
    .on('situs_perangkat')
    .columns(['desa_kode', 'urutan'])
    .execute();

  await db.schema
    .createTable('situs_lembaga')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('nama', 'varchar(160)', (c) => c.notNull())
    .addColumn('ketua', 'varchar(120)')
    .addColumn('keterangan', 'varchar(500)')
    .addColumn('urutan', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('situs_lembaga_desa_idx').on('situs_lembaga').columns(['desa_kode', 'urutan']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('situs_lembaga').execute();
  await db.schema.dropTable('situs_perangkat').execute();
  await db.schema.dropTable('situs_pengaturan').execute();
}
