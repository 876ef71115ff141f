import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Layanan mandiri, the base: resident accounts (NIK + PIN, argon2id), their sessions (on a phone or at a
 * kiosk), kiosk devices (anjungan) known by a device token, self-registrations waiting for the operator, and
 * the per-desa switch of the service.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';
  const id = (c: any) => (pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('mandiri_desa')
    .addColumn('desa_kode', 'varchar(13)', (c) => c.primaryKey().references('desa.kode'))
    .addColumn('aktif', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('pendaftaran_mandiri', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('diperbarui_oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('warga_akun')
    .addColumn('id', 'integer', id)
    .addColumn('penduduk_id', 'integer', (c) => c.notNull().unique().references('penduduk.id'))
    .addColumn('pin_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('harus_ganti_pin', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('aktif', 'integer', (c) => c.notNull().defaultTo(1))
    /** SHA-256 of the e-KTP card's UID as the kiosk's reader types it */
    .addColumn('kartu_hash', 'varchar(64)', (c) => c.unique())
    .addColumn('telegram_chat_id', 'varchar(40)', (c) => c.unique())
    .addColumn('email', 'varchar(200)')
    .addColumn('email_terverifikasi', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dibuat_oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .addColumn('terakhir_masuk', ts)
    .execute();

  await db.schema
    .createTable('anjungan')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('nama', 'varchar(100)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('aktif', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('dibuat_oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('terakhir_terlihat', ts)
    .execute();
  await db.schema.createIndex('anjungan_desa_idx').on('anjungan').column('desa_kode').execute();

  await db.schema
    .createTable('warga_sesi')
    .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('akun_id', 'integer', (c) => c.notNull().references('warga_akun.id').onDelete('cascade'))
    .addColumn('csrf', 'varchar(64)', (c) => c.notNull())
    /** set when the session was opened at a kiosk: shorter idle time, ends when the kiosk goes home */
    .addColumn('anjungan_id', 'integer', (c) => c.references('anjungan.id').onDelete('cascade'))
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('terakhir_aktif', ts, (c) => c.notNull())
    .addColumn('kedaluwarsa_pada', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('warga_sesi_akun_idx').on('warga_sesi').column('akun_id').execute();

  await db.schema
    .createTable('warga_pendaftaran')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('penduduk_id', 'integer', (c) => c.notNull().references('penduduk.id'))
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    /** storage keys of the KTP, KK and selfie pictures (re-encoded) */
    .addColumn('berkas_ktp', 'varchar(200)', (c) => c.notNull())
    .addColumn('berkas_kk', 'varchar(200)', (c) => c.notNull())
    .addColumn('berkas_swafoto', 'varchar(200)', (c) => c.notNull())
    .addColumn('email', 'varchar(200)')
    .addColumn('alasan', 'varchar(500)')
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('diputus_oleh', 'varchar(60)')
    .addColumn('diputus_pada', ts)
    .execute();
  await db.schema
    .createIndex('warga_pendaftaran_desa_idx')
    .on('warga_pendaftaran')
    .columns(['desa_kode', 'status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['warga_pendaftaran', 'warga_sesi', 'anjungan', 'warga_akun', 'mandiri_desa'])
    await db.schema.dropTable(t).execute();
}
