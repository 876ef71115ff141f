import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Accounts, scoped role assignments, sessions, API tokens, the one-time setup link and login throttling. */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const timestamp = pg ? 'timestamptz' : 'text';
  const id = (c: any) => (pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('pengguna')
    .addColumn('id', 'integer', id)
    .addColumn('username', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('nama', 'varchar(100)', (c) => c.notNull())
    .addColumn('email', 'varchar(120)')
    .addColumn('lingkup_kode', 'varchar(13)', (c) => c.notNull().references('wilayah.kode'))
    .addColumn('sandi_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('harus_ganti_sandi', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('aktif', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('dibuat_pada', timestamp, (c) => c.notNull())
    .addColumn('sandi_diubah_pada', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('peran_pengguna')
    .addColumn('id', 'integer', id)
    .addColumn('pengguna_id', 'integer', (c) => c.notNull().references('pengguna.id').onDelete('cascade'))
    .addColumn('peran', 'varchar(30)', (c) => c.notNull())
    .addColumn('lingkup_kode', 'varchar(13)', (c) => c.notNull().references('wilayah.kode'))
    .addColumn('lingkungan_id', 'integer', (c) => c.references('lingkungan.id'))
    .addColumn('dibuat_pada', timestamp, (c) => c.notNull())
    .execute();
  await sql`create unique index peran_pengguna_uniq on peran_pengguna (pengguna_id, peran, lingkup_kode, coalesce(lingkungan_id, 0))`.execute(
    db,
  );
  await db.schema.createIndex('peran_pengguna_lingkup_idx').on('peran_pengguna').column('lingkup_kode').execute();

  await db.schema
    .createTable('sesi')
    .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('pengguna_id', 'integer', (c) => c.notNull().references('pengguna.id').onDelete('cascade'))
    .addColumn('csrf', 'varchar(64)', (c) => c.notNull())
    .addColumn('dibuat_pada', timestamp, (c) => c.notNull())
    .addColumn('terakhir_aktif', timestamp, (c) => c.notNull())
    .addColumn('kedaluwarsa_pada', timestamp, (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('agen', 'varchar(200)')
    .execute();
  await db.schema.createIndex('sesi_pengguna_idx').on('sesi').column('pengguna_id').execute();

  await db.schema
    .createTable('token_api')
    .addColumn('id', 'integer', id)
    .addColumn('pengguna_id', 'integer', (c) => c.notNull().references('pengguna.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('dibuat_pada', timestamp, (c) => c.notNull())
    .addColumn('kedaluwarsa_pada', timestamp)
    .addColumn('terakhir_dipakai', timestamp)
    .addColumn('dicabut_pada', timestamp)
    .execute();

  await db.schema
    .createTable('tautan_setup')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('dibuat_pada', timestamp, (c) => c.notNull())
    .addColumn('kedaluwarsa_pada', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('percobaan_masuk')
    .addColumn('kunci', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('gagal', 'integer', (c) => c.notNull())
    .addColumn('mulai', timestamp, (c) => c.notNull())
    .addColumn('blokir_sampai', timestamp)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['percobaan_masuk', 'tautan_setup', 'token_api', 'sesi', 'peran_pengguna', 'pengguna']) {
    await db.schema.dropTable(t).execute();
  }
}
