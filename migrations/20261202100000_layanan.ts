import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Layanan informasi: live cameras (CCTV) registered at desa, kecamatan or kabupaten level with their checked
 * status, and complaints (pengaduan) filed by anyone on a desa's site with the staff's replies.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';
  const id = (c: any) => (pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('kamera')
    .addColumn('id', 'integer', id)
    /** a desa, kecamatan or kabupaten code */
    .addColumn('wilayah_kode', 'varchar(13)', (c) => c.notNull().references('wilayah.kode'))
    .addColumn('nama', 'varchar(120)', (c) => c.notNull())
    .addColumn('lokasi', 'varchar(200)')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('jenis', 'varchar(10)', (c) => c.notNull().check(sql`jenis in ('hls', 'mjpeg', 'embed')`))
    .addColumn('stream_url', 'varchar(500)', (c) => c.notNull())
    .addColumn('snapshot_url', 'varchar(500)')
    .addColumn('aktif', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'varchar(20)', (c) =>
      c.notNull().defaultTo('belum-diperiksa').check(sql`status in ('live', 'offline', 'belum-diperiksa')`),
    )
    .addColumn('terakhir_terlihat', ts)
    .addColumn('diperiksa_pada', ts)
    /** why the last check failed (staff pages only) */
    .addColumn('galat', 'varchar(200)')
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kamera_wilayah_idx').on('kamera').columns(['wilayah_kode', 'nama']).execute();

  await db.schema
    .createTable('pengaduan')
    .addColumn('id', 'integer', id)
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    /** the tracking number, e.g. ADU-7K3M9Q */
    .addColumn('nomor', 'varchar(16)', (c) => c.notNull().unique())
    .addColumn('nama', 'varchar(100)')
    /** phone or email: staff pages only, never public */
    .addColumn('kontak', 'varchar(120)', (c) => c.notNull())
    .addColumn('kategori', 'varchar(30)', (c) => c.notNull())
    .addColumn('isi', 'text', (c) => c.notNull())
    .addColumn('foto_berkas', 'varchar(200)')
    .addColumn('status', 'varchar(20)', (c) =>
      c
        .notNull()
        .defaultTo('diterima')
        .check(sql`status in ('diterima', 'diproses', 'selesai', 'ditutup', 'disembunyikan')`),
    )
    .addColumn('alasan_tutup', 'varchar(500)')
    /** keyed hash of the sender's IP address, for throttling only */
    .addColumn('ip_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('diperbarui_pada', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pengaduan_desa_idx')
    .on('pengaduan')
    .columns(['desa_kode', 'status', 'dibuat_pada'])
    .execute();
  await db.schema.createIndex('pengaduan_ip_idx').on('pengaduan').columns(['ip_hash', 'dibuat_pada']).execute();

  await db.schema
    .createTable('pengaduan_tanggapan')
    .addColumn('id', 'integer', id)
    .addColumn('pengaduan_id', 'integer', (c) => c.notNull().references('pengaduan.id'))
    /** 1: shown on the public tracking page; 0: an internal note */
    .addColumn('publik', 'integer', (c) => c.notNull())
    .addColumn('isi', 'text', (c) => c.notNull())
    /** the state the complaint moved to with this reply, if it moved */
    .addColumn('status_baru', 'varchar(20)')
    .addColumn('pengguna_id', 'integer', (c) => c.references('pengguna.id'))
    .addColumn('username', 'varchar(60)', (c) => c.notNull())
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pengaduan_tanggapan_idx')
    .on('pengaduan_tanggapan')
    .columns(['pengaduan_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pengaduan_tanggapan').execute();
  await db.schema.dropTable('pengaduan').execute();
  await db.schema.dropTable('kamera').execute();
}
