import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Kiosks (anjungan): one-time registration codes. The office adds a kiosk and gets a short code, valid for a
 * few minutes and once; opening it on the kiosk's browser gives that browser its device token. Only the
 * code's SHA-256 is stored. Also the drafts of residents' self-registrations (KTP, KK, selfie arrive in turn).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';

  await db.schema
    .createTable('anjungan_kode')
    .addColumn('kode_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('anjungan_id', 'integer', (c) => c.notNull().references('anjungan.id').onDelete('cascade'))
    .addColumn('dibuat_oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('kedaluwarsa_pada', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('anjungan_kode_anjungan_idx').on('anjungan_kode').column('anjungan_id').execute();

  // a self-registration in progress: identity checked, pictures arriving one per step (one file per request)
  await db.schema
    .createTable('warga_pendaftaran_draf')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('penduduk_id', 'integer', (c) => c.notNull().references('penduduk.id'))
    .addColumn('email', 'varchar(200)')
    .addColumn('berkas_ktp', 'varchar(200)')
    .addColumn('berkas_kk', 'varchar(200)')
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('kedaluwarsa_pada', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('warga_pendaftaran_draf').execute();
  await db.schema.dropTable('anjungan_kode').execute();
}
