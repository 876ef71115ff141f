import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The content of the desa sites: articles of five kinds (news, announcements, agenda, produk hukum, informasi
 * publik) with categories per desa, a revision for every save, uploaded media (re-encoded image variants and
 * PDF attachments, kept in the file store) and photo albums.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';
  const json = pg ? 'jsonb' : 'text';
  const id = (c: any) => (pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement());

  /** an uploaded file: an image (stored as WebP + JPEG variants) or a PDF; `berkas` is the stored base name */
  await db.schema
    .createTable('media')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('jenis', 'varchar(10)', (c) => c.notNull().check(sql`jenis in ('gambar', 'pdf')`))
    .addColumn('berkas', 'varchar(40)', (c) => c.notNull())
    .addColumn('nama_asli', 'varchar(200)', (c) => c.notNull())
    .addColumn('lebar', 'integer')
    .addColumn('tinggi', 'integer')
    /** image: the widths stored, e.g. [320, 640, 1280] */
    .addColumn('varian', json)
    .addColumn('ukuran', 'integer', (c) => c.notNull())
    .addColumn('dibuat_oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addUniqueConstraint('media_berkas_uq', ['desa_kode', 'berkas'])
    .execute();

  await db.schema
    .createTable('kategori_artikel')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('nama', 'varchar(80)', (c) => c.notNull())
    .addColumn('slug', 'varchar(80)', (c) => c.notNull())
    .addUniqueConstraint('kategori_artikel_slug_uq', ['desa_kode', 'slug'])
    .execute();

  await db.schema
    .createTable('artikel')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('jenis', 'varchar(20)', (c) =>
      c.notNull().check(sql`jenis in ('berita', 'pengumuman', 'agenda', 'produk-hukum', 'informasi-publik')`),
    )
    .addColumn('kategori_id', 'integer', (c) => c.references('kategori_artikel.id').onDelete('set null'))
    .addColumn('judul', 'varchar(200)', (c) => c.notNull())
    .addColumn('slug', 'varchar(120)', (c) => c.notNull())
    .addColumn('ringkasan', 'varchar(400)')
    /** the sanitised HTML that is published */
    .addColumn('isi_html', 'text', (c) => c.notNull())
    /** the HTML as submitted: checked by the injected-content guard, never shown */
    .addColumn('isi_mentah', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) =>
      c.notNull().check(sql`status in ('draf', 'terjadwal', 'terbit', 'ditahan', 'arsip')`),
    )
    .addColumn('terbit_pada', ts)
    .addColumn('agenda_mulai', ts)
    .addColumn('agenda_selesai', ts)
    .addColumn('agenda_tempat', 'varchar(200)')
    .addColumn('hukum_jenis', 'varchar(10)', (c) => c.check(sql`hukum_jenis in ('perdes', 'perkades', 'sk')`))
    .addColumn('hukum_nomor', 'varchar(40)')
    .addColumn('hukum_tahun', 'integer')
    .addColumn('ppid_kategori', 'varchar(20)', (c) =>
      c.check(sql`ppid_kategori in ('berkala', 'serta-merta', 'setiap-saat')`),
    )
    .addColumn('gambar_id', 'integer', (c) => c.references('media.id'))
    .addColumn('lampiran_id', 'integer', (c) => c.references('media.id'))
    .addColumn('dibuat_oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('diperbarui_oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .addUniqueConstraint('artikel_slug_uq', ['desa_kode', 'slug'])
    .execute();
  await db.schema
    .createIndex('artikel_publik_idx')
    .on('artikel')
    .columns(['desa_kode', 'jenis', 'status', 'terbit_pada'])
    .execute();

  /** the previous version, kept on every save */
  await db.schema
    .createTable('artikel_revisi')
    .addColumn('id', 'integer', id)
    .addColumn('artikel_id', 'integer', (c) => c.notNull().references('artikel.id').onDelete('cascade'))
    .addColumn('judul', 'varchar(200)', (c) => c.notNull())
    .addColumn('ringkasan', 'varchar(400)')
    .addColumn('isi_html', 'text', (c) => c.notNull())
    .addColumn('oleh', 'varchar(60)', (c) => c.notNull())
    .addColumn('pada', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('artikel_revisi_idx').on('artikel_revisi').columns(['artikel_id', 'id']).execute();

  await db.schema
    .createTable('galeri_album')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('judul', 'varchar(200)', (c) => c.notNull())
    .addColumn('keterangan', 'varchar(1000)')
    .addColumn('terbit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('galeri_album_desa_idx').on('galeri_album').columns(['desa_kode', 'id']).execute();

  await db.schema
    .createTable('galeri_foto')
    .addColumn('id', 'integer', id)
    .addColumn('album_id', 'integer', (c) => c.notNull().references('galeri_album.id').onDelete('cascade'))
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id'))
    .addColumn('keterangan', 'varchar(300)')
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('galeri_foto_album_idx').on('galeri_foto').columns(['album_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['galeri_foto', 'galeri_album', 'artikel_revisi', 'artikel', 'kategori_artikel', 'media'])
    await db.schema.dropTable(table).ifExists().execute();
}
