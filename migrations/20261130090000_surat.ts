import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Letters (layanan surat): letter types as data (built-in and kabupaten-made, with desa overrides of the
 * body), settings per kabupaten/desa, atomic number counters and reserved numbers, the letters themselves with
 * their approval history, and the installation's signing keys (private keys encrypted at rest).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';
  const json = pg ? 'jsonb' : 'text';
  const id = (c: any) => (pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('surat_jenis')
    .addColumn('id', 'integer', id)
    .addColumn('slug', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('kode', 'varchar(30)', (c) => c.notNull())
    .addColumn('nama', 'varchar(200)', (c) => c.notNull())
    /** null: built in (every kabupaten); a kabupaten code: made by that kabupaten's admin */
    .addColumn('kabupaten_kode', 'varchar(13)')
    .addColumn('bawaan', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('aktif', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('mandiri', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('qr', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('blok', json, (c) => c.notNull())
    .addColumn('isian', json, (c) => c.notNull())
    .addColumn('syarat', json, (c) => c.notNull())
    .addColumn('lampiran', json, (c) => c.notNull())
    .addColumn('masa_berlaku', 'integer')
    .addColumn('satuan_masa_berlaku', 'varchar(1)', (c) => c.check(sql`satuan_masa_berlaku in ('d', 'w', 'M', 'y')`))
    .addColumn('kertas', 'varchar(10)', (c) => c.notNull().defaultTo('F4'))
    .addColumn('orientasi', 'varchar(10)', (c) => c.notNull().defaultTo('portrait'))
    .addColumn('margin', json)
    .addColumn('format_nomor', 'varchar(200)')
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('surat_jenis_desa')
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('jenis_id', 'integer', (c) => c.notNull().references('surat_jenis.id'))
    .addColumn('template', 'text')
    .addColumn('format_nomor', 'varchar(200)')
    .addColumn('nonaktif', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('diperbarui_oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('surat_jenis_desa_pk', ['desa_kode', 'jenis_id'])
    .execute();

  /** letter settings: lingkup '' = installation default, a kabupaten code, or a desa code */
  await db.schema
    .createTable('surat_setelan')
    .addColumn('lingkup', 'varchar(13)', (c) => c.notNull())
    .addColumn('kunci', 'varchar(60)', (c) => c.notNull())
    .addColumn('nilai', 'text', (c) => c.notNull())
    .addColumn('diperbarui_oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('surat_setelan_pk', ['lingkup', 'kunci'])
    .execute();

  /** one counter per desa, sequence scope ('*' for all letters, or a letter code) and year */
  await db.schema
    .createTable('surat_nomor_urut')
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('lingkup', 'varchar(30)', (c) => c.notNull())
    .addColumn('tahun', 'integer', (c) => c.notNull())
    .addColumn('terakhir', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('surat_nomor_urut_pk', ['desa_kode', 'lingkup', 'tahun'])
    .execute();

  /** numbers taken for letters made outside the system */
  await db.schema
    .createTable('surat_nomor_cadangan')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('lingkup', 'varchar(30)', (c) => c.notNull())
    .addColumn('tahun', 'integer', (c) => c.notNull())
    .addColumn('urut', 'integer', (c) => c.notNull())
    .addColumn('nomor', 'varchar(200)', (c) => c.notNull())
    .addColumn('keterangan', 'varchar(500)', (c) => c.notNull())
    .addColumn('dibuat_oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addUniqueConstraint('surat_nomor_cadangan_urut_uq', ['desa_kode', 'lingkup', 'tahun', 'urut'])
    .execute();

  await db.schema
    .createTable('surat')
    .addColumn('id', 'integer', id)
    /** random, not sequential: what the QR and the verification page name */
    .addColumn('kode_publik', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('jenis_id', 'integer', (c) => c.notNull().references('surat_jenis.id'))
    .addColumn('status', 'varchar(20)', (c) =>
      c.notNull().check(sql`status in ('draf', 'diajukan', 'ditolak', 'selesai', 'dibatalkan')`),
    )
    /** the step waiting: 'sekdes' or 'kades' while submitted */
    .addColumn('langkah', 'varchar(20)')
    .addColumn('penduduk_id', 'integer', (c) => c.references('penduduk.id'))
    .addColumn('subjek_nama', 'varchar(200)', (c) => c.notNull())
    .addColumn('data', json, (c) => c.notNull())
    .addColumn('nomor', 'varchar(200)')
    .addColumn('lingkup_nomor', 'varchar(30)')
    .addColumn('urut', 'integer')
    .addColumn('tahun', 'integer')
    .addColumn('tanggal', 'varchar(10)')
    .addColumn('berlaku_sampai', 'varchar(10)')
    .addColumn('penandatangan', json)
    .addColumn('pdf_berkas', 'varchar(300)')
    .addColumn('pdf_sha256', 'varchar(64)')
    .addColumn('isi_sha256', 'varchar(64)')
    .addColumn('token', 'varchar(600)')
    .addColumn('penanda', 'varchar(30)')
    .addColumn('alasan', 'varchar(500)')
    .addColumn('dibuat_oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .addColumn('selesai_pada', ts)
    .addColumn('dibatalkan_pada', ts)
    .execute();
  await sql`create unique index surat_nomor_uq on surat (desa_kode, lingkup_nomor, tahun, urut) where urut is not null`.execute(
    db,
  );
  await db.schema.createIndex('surat_desa_idx').on('surat').columns(['desa_kode', 'status', 'id']).execute();
  await db.schema.createIndex('surat_penduduk_idx').on('surat').columns(['penduduk_id']).execute();

  await db.schema
    .createTable('surat_riwayat')
    .addColumn('id', 'integer', id)
    .addColumn('surat_id', 'integer', (c) => c.notNull().references('surat.id'))
    .addColumn('aksi', 'varchar(20)', (c) => c.notNull())
    .addColumn('langkah', 'varchar(20)')
    .addColumn('oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('alasan', 'varchar(500)')
    .addColumn('pada', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('surat_riwayat_surat_idx').on('surat_riwayat').columns(['surat_id', 'id']).execute();

  /** signing keys: the kabupaten CA, desa certificates, the letter-token key; private parts encrypted */
  await db.schema
    .createTable('kunci_tanda_tangan')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('jenis', 'varchar(20)', (c) => c.notNull().check(sql`jenis in ('ca', 'desa', 'token')`))
    .addColumn('pemilik', 'varchar(13)', (c) => c.notNull())
    .addColumn('kunci_publik', 'text', (c) => c.notNull())
    .addColumn('kunci_privat', 'text', (c) => c.notNull())
    .addColumn('sertifikat', 'text')
    .addColumn('aktif', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('berlaku_sampai', ts)
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .execute();
  await sql`create unique index kunci_aktif_uq on kunci_tanda_tangan (jenis, pemilik) where aktif = 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'kunci_tanda_tangan',
    'surat_riwayat',
    'surat',
    'surat_nomor_cadangan',
    'surat_nomor_urut',
    'surat_setelan',
    'surat_jenis_desa',
    'surat_jenis',
  ])
    await db.schema.dropTable(t).execute();
}
