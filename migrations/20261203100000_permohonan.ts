import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Layanan mandiri, the resident's side: letter requests (permohonan surat, statuses 0–5 of letters.md §5) with
 * their rating, the resident's own documents (requirements for requests; files kept outside any served path),
 * and the messages between a resident and the desa office.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';
  const json = pg ? 'jsonb' : 'text';
  const id = (c: any) => (pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('warga_dokumen')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('penduduk_id', 'integer', (c) => c.notNull().references('penduduk.id'))
    /** a requirement code (codes.json syarat_surat) */
    .addColumn('jenis', 'integer', (c) => c.notNull())
    .addColumn('nama', 'varchar(100)', (c) => c.notNull())
    /** FileStore key under the data directory (never served directly) */
    .addColumn('berkas', 'varchar(200)', (c) => c.notNull())
    .addColumn('mime', 'varchar(40)', (c) => c.notNull())
    .addColumn('ukuran', 'integer', (c) => c.notNull())
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('warga_dokumen_penduduk_idx').on('warga_dokumen').column('penduduk_id').execute();

  await db.schema
    .createTable('permohonan_surat')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('penduduk_id', 'integer', (c) => c.notNull().references('penduduk.id'))
    .addColumn('akun_id', 'integer', (c) => c.references('warga_akun.id'))
    .addColumn('jenis_id', 'integer', (c) => c.notNull().references('surat_jenis.id'))
    /** the answers to the type's fields, keyed by field code */
    .addColumn('isian', json, (c) => c.notNull())
    /** 0 Belum Lengkap · 1 Sedang Diperiksa · 2 Menunggu Tandatangan · 3 Siap Diambil · 4 Sudah Diambil · 5 Dibatalkan */
    .addColumn('status', 'integer', (c) => c.notNull())
    /** why it was cancelled or rejected */
    .addColumn('alasan', 'varchar(500)')
    /** the resident's note to the office */
    .addColumn('catatan', 'varchar(500)')
    .addColumn('telepon', 'varchar(20)')
    /** ids of the resident's own documents attached as requirements */
    .addColumn('dokumen', json, (c) => c.notNull())
    /** queue number: per desa per day (tanggal_antrian, Asia/Jakarta) */
    .addColumn('tanggal_antrian', 'varchar(10)', (c) => c.notNull())
    .addColumn('nomor_antrian', 'integer', (c) => c.notNull())
    .addColumn('surat_id', 'integer', (c) => c.references('surat.id'))
    .addColumn('diproses_oleh', 'varchar(60)')
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .addColumn('diambil_pada', ts)
    .addUniqueConstraint('permohonan_antrian_unik', ['desa_kode', 'tanggal_antrian', 'nomor_antrian'])
    .execute();
  await db.schema
    .createIndex('permohonan_desa_status_idx')
    .on('permohonan_surat')
    .columns(['desa_kode', 'status'])
    .execute();
  await db.schema.createIndex('permohonan_penduduk_idx').on('permohonan_surat').column('penduduk_id').execute();

  await db.schema
    .createTable('permohonan_penilaian')
    .addColumn('permohonan_id', 'integer', (c) => c.primaryKey().references('permohonan_surat.id').onDelete('cascade'))
    .addColumn('nilai', 'integer', (c) => c.notNull())
    .addColumn('komentar', 'varchar(500)')
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('warga_pesan')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('penduduk_id', 'integer', (c) => c.notNull().references('penduduk.id'))
    /** who wrote it: 'warga' (resident → desa) or 'desa' (office → resident) */
    .addColumn('arah', 'varchar(6)', (c) => c.notNull())
    .addColumn('isi', 'varchar(2000)', (c) => c.notNull())
    .addColumn('permohonan_id', 'integer', (c) => c.references('permohonan_surat.id'))
    .addColumn('dibaca', 'integer', (c) => c.notNull().defaultTo(0))
    /** the staff member's username (desa → resident), null for the resident's own messages */
    .addColumn('oleh', 'varchar(60)')
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('warga_pesan_penduduk_idx').on('warga_pesan').columns(['penduduk_id', 'id']).execute();
  await db.schema.createIndex('warga_pesan_desa_idx').on('warga_pesan').columns(['desa_kode', 'dibaca']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['warga_pesan', 'permohonan_penilaian', 'permohonan_surat', 'warga_dokumen'])
    await db.schema.dropTable(t).execute();
}
