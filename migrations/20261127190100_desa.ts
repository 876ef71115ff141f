import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Installation settings, active desa with their profile and host names, and each desa's dusun → RW → RT tree. */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const timestamp = pg ? 'timestamptz' : 'text';

  await db.schema
    .createTable('pengaturan')
    .addColumn('kunci', 'varchar(60)', (c) => c.primaryKey())
    .addColumn('nilai', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('desa')
    .addColumn('kode', 'varchar(13)', (c) => c.primaryKey().references('wilayah.kode'))
    .addColumn('sebutan', 'varchar(20)', (c) => c.notNull())
    .addColumn('sebutan_dusun', 'varchar(20)', (c) => c.notNull().defaultTo('dusun'))
    .addColumn('alamat', 'varchar(200)')
    .addColumn('kode_pos', 'varchar(5)')
    .addColumn('telepon', 'varchar(30)')
    .addColumn('email', 'varchar(120)')
    .addColumn('situs', 'varchar(200)')
    .addColumn('kepala_desa', 'varchar(100)')
    .addColumn('nip_kepala_desa', 'varchar(30)')
    .addColumn('logo_berkas', 'varchar(200)')
    .addColumn('diaktifkan_pada', timestamp, (c) => c.notNull())
    .addColumn('diperbarui_pada', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('desa_host')
    .addColumn('host', 'varchar(253)', (c) => c.primaryKey())
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('desa_host_desa_idx').on('desa_host').column('desa_kode').execute();

  await db.schema
    .createTable('lingkungan')
    .addColumn('id', 'integer', (c) =>
      pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('tingkat', 'varchar(5)', (c) => c.notNull().check(sql`tingkat in ('dusun', 'rw', 'rt')`))
    .addColumn('nama', 'varchar(60)', (c) => c.notNull())
    .addColumn('induk_id', 'integer', (c) => c.references('lingkungan.id'))
    .addColumn('dibuat_pada', timestamp, (c) => c.notNull())
    .execute();
  await sql`create unique index lingkungan_nama_uniq on lingkungan (desa_kode, coalesce(induk_id, 0), tingkat, lower(nama))`.execute(
    db,
  );
  await db.schema.createIndex('lingkungan_induk_idx').on('lingkungan').column('induk_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lingkungan').execute();
  await db.schema.dropTable('desa_host').execute();
  await db.schema.dropTable('desa').execute();
  await db.schema.dropTable('pengaturan').execute();
}
