import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Notifications: an outbox (one row per message and channel, delivered by a worker with retries), per-desa
 * template overrides, staff Telegram chats, and one-time tokens (Telegram linking codes, email verification
 * links) stored only as SHA-256 hashes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';
  const id = (c: any) => (pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('notifikasi_keluar')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)')
    .addColumn('jenis', 'varchar(30)', (c) => c.notNull())
    .addColumn('kanal', 'varchar(10)', (c) => c.notNull())
    .addColumn('penerima', 'varchar(200)', (c) => c.notNull())
    .addColumn('subjek', 'varchar(200)', (c) => c.notNull())
    .addColumn('teks', 'text', (c) => c.notNull())
    /** menunggu | terkirim | gagal (gave up) | dilewati (channel off) */
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('percobaan', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('coba_pada', ts, (c) => c.notNull())
    .addColumn('galat_terakhir', 'varchar(500)')
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .addColumn('terkirim_pada', ts)
    .execute();
  await db.schema
    .createIndex('notifikasi_keluar_antre_idx')
    .on('notifikasi_keluar')
    .columns(['status', 'coba_pada'])
    .execute();

  await db.schema
    .createTable('notifikasi_templat')
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('jenis', 'varchar(30)', (c) => c.notNull())
    .addColumn('subjek', 'varchar(200)', (c) => c.notNull())
    .addColumn('teks', 'varchar(2000)', (c) => c.notNull())
    .addColumn('diperbarui_oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('notifikasi_templat_pk', ['desa_kode', 'jenis'])
    .execute();

  await db.schema
    .createTable('pengguna_telegram')
    .addColumn('pengguna_id', 'integer', (c) => c.primaryKey().references('pengguna.id').onDelete('cascade'))
    .addColumn('chat_id', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifikasi_token')
    .addColumn('hash', 'varchar(64)', (c) => c.primaryKey())
    /** telegram-warga | telegram-staf | email | pin-email */
    .addColumn('tujuan', 'varchar(20)', (c) => c.notNull())
    .addColumn('akun_id', 'integer', (c) => c.references('warga_akun.id').onDelete('cascade'))
    .addColumn('pengguna_id', 'integer', (c) => c.references('pengguna.id').onDelete('cascade'))
    .addColumn('email', 'varchar(200)')
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('kedaluwarsa_pada', ts, (c) => c.notNull())
    .addColumn('dipakai_pada', ts)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['notifikasi_token', 'pengguna_telegram', 'notifikasi_templat', 'notifikasi_keluar'])
    await db.schema.dropTable(t).execute();
}
