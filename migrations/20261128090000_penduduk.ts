import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The resident registry: code lists, residents (the 74 fields of OpenSID's record, cleanly modelled), families
 * (KK) with their number history, households (RTM), population events and family events (append-only),
 * data-quality warnings, the duplicate review queue, merges and transfers between desa. Frozen once landed.
 */
function seedFile(): string {
  for (const rel of ['../seed/codes.json', '../../seed/codes.json']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('seed/codes.json tidak ditemukan');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';
  const date = pg ? 'date' : 'text';
  const real = pg ? 'double precision' : 'real';
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement();
  const audited = <T extends string>(t: CreateTableBuilder<T, any>) =>
    t
      .addColumn('versi', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('dibuat_pada', ts, (c) => c.notNull())
      .addColumn('dibuat_oleh', 'varchar(60)')
      .addColumn('diperbarui_pada', ts, (c) => c.notNull())
      .addColumn('diperbarui_oleh', 'varchar(60)');

  await db.schema
    .createTable('kode_referensi')
    .addColumn('daftar', 'varchar(40)', (c) => c.notNull())
    .addColumn('kode', 'integer', (c) => c.notNull())
    .addColumn('label', 'varchar(200)', (c) => c.notNull())
    .addPrimaryKeyConstraint('kode_referensi_pk', ['daftar', 'kode'])
    .execute();
  const lists = JSON.parse(readFileSync(seedFile(), 'utf8')) as Record<
    string,
    { codes: { code: number; label: string }[] }
  >;
  const rows = Object.entries(lists).flatMap(([daftar, list]) =>
    list.codes.map((c) => ({ daftar, kode: c.code, label: c.label })),
  );
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('kode_referensi')
      .values(rows.slice(i, i + 500))
      .execute();

  await audited(
    db.schema
      .createTable('keluarga')
      .addColumn('id', 'integer', id)
      .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
      .addColumn('no_kk', 'varchar(16)', (c) => c.notNull())
      // the head: a member of the family with SHDK 1 (kept true by the service; FK added below on PostgreSQL)
      .addColumn('kepala_id', 'integer')
      .addColumn('alamat', 'varchar(200)')
      .addColumn('lingkungan_id', 'integer', (c) => c.references('lingkungan.id'))
      .addColumn('kelas_sosial', 'integer')
      .addColumn('tgl_daftar', date, (c) => c.notNull())
      .addColumn('tgl_cetak_kk', date)
      .addColumn('ditutup_pada', ts)
      .addColumn('alasan_tutup', 'varchar(200)'),
  ).execute();
  await sql`create unique index keluarga_no_kk_aktif on keluarga (no_kk) where ditutup_pada is null`.execute(db);
  await db.schema.createIndex('keluarga_desa_idx').on('keluarga').columns(['desa_kode', 'ditutup_pada']).execute();
  await db.schema.createIndex('keluarga_no_kk_idx').on('keluarga').column('no_kk').execute();

  await db.schema
    .createTable('keluarga_no_kk')
    .addColumn('id', 'integer', id)
    .addColumn('keluarga_id', 'integer', (c) => c.notNull().references('keluarga.id'))
    .addColumn('no_kk', 'varchar(16)', (c) => c.notNull())
    .addColumn('berlaku_sejak', ts, (c) => c.notNull())
    .addColumn('alasan', 'varchar(200)')
    .execute();
  await db.schema
    .createIndex('keluarga_no_kk_riwayat_idx')
    .on('keluarga_no_kk')
    .columns(['keluarga_id', 'id'])
    .execute();

  await audited(
    db.schema
      .createTable('rumah_tangga')
      .addColumn('id', 'integer', id)
      .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
      .addColumn('nomor', 'varchar(30)', (c) => c.notNull())
      .addColumn('kepala_id', 'integer')
      .addColumn('kelas_sosial', 'integer')
      .addColumn('bdt', 'varchar(16)')
      .addColumn('terdaftar_dtks', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lingkungan_id', 'integer', (c) => c.references('lingkungan.id'))
      .addColumn('tgl_daftar', date, (c) => c.notNull())
      .addColumn('ditutup_pada', ts),
  ).execute();
  await sql`create unique index rumah_tangga_nomor_aktif on rumah_tangga (nomor) where ditutup_pada is null`.execute(
    db,
  );
  await db.schema
    .createIndex('rumah_tangga_desa_idx')
    .on('rumah_tangga')
    .columns(['desa_kode', 'ditutup_pada'])
    .execute();

  await audited(
    db.schema
      .createTable('penduduk')
      .addColumn('id', 'integer', id)
      .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
      .addColumn('lingkungan_id', 'integer', (c) => c.references('lingkungan.id'))
      .addColumn('nik', 'varchar(16)')
      .addColumn('nik_sementara', 'varchar(16)')
      .addColumn('nama', 'varchar(100)', (c) => c.notNull())
      .addColumn('nama_normal', 'varchar(100)', (c) => c.notNull())
      .addColumn('keluarga_id', 'integer', (c) => c.references('keluarga.id'))
      .addColumn('kk_level', 'integer')
      .addColumn('rumah_tangga_id', 'integer', (c) => c.references('rumah_tangga.id'))
      .addColumn('rtm_level', 'integer')
      .addColumn('sex', 'integer')
      .addColumn('tempatlahir', 'varchar(100)')
      .addColumn('tanggallahir', date)
      .addColumn('waktu_lahir', 'varchar(5)')
      .addColumn('tempat_dilahirkan', 'integer')
      .addColumn('jenis_kelahiran', 'integer')
      .addColumn('kelahiran_anak_ke', 'integer')
      .addColumn('penolong_kelahiran', 'integer')
      .addColumn('berat_lahir', 'integer')
      .addColumn('panjang_lahir', 'varchar(10)')
      .addColumn('agama_id', 'integer')
      .addColumn('pendidikan_kk_id', 'integer')
      .addColumn('pendidikan_sedang_id', 'integer')
      .addColumn('pekerjaan_id', 'integer')
      .addColumn('status_kawin', 'integer')
      .addColumn('warganegara_id', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('negara_asal', 'varchar(50)')
      .addColumn('dokumen_pasport', 'varchar(45)')
      .addColumn('tanggal_akhir_paspor', date)
      .addColumn('dokumen_kitas', 'varchar(45)')
      .addColumn('ayah_nik', 'varchar(16)')
      .addColumn('ibu_nik', 'varchar(16)')
      .addColumn('nama_ayah', 'varchar(100)')
      .addColumn('nama_ibu', 'varchar(100)')
      .addColumn('nama_ibu_normal', 'varchar(100)')
      .addColumn('golongan_darah_id', 'integer')
      .addColumn('status', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('status_dasar', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('alamat_sebelumnya', 'varchar(200)')
      .addColumn('alamat_sekarang', 'varchar(200)')
      .addColumn('hamil', 'integer')
      .addColumn('cacat_id', 'integer')
      .addColumn('sakit_menahun_id', 'integer')
      .addColumn('cara_kb_id', 'integer')
      .addColumn('akta_lahir', 'varchar(40)')
      .addColumn('akta_perkawinan', 'varchar(40)')
      .addColumn('tanggalperkawinan', date)
      .addColumn('akta_perceraian', 'varchar(40)')
      .addColumn('tanggalperceraian', date)
      .addColumn('no_kk_sebelumnya', 'varchar(30)')
      .addColumn('ktp_el', 'integer')
      .addColumn('status_rekam', 'integer')
      .addColumn('tempat_cetak_ktp', 'varchar(150)')
      .addColumn('tanggal_cetak_ktp', date)
      .addColumn('tag_id_card', 'varchar(17)')
      .addColumn('id_asuransi', 'integer')
      .addColumn('no_asuransi', 'varchar(100)')
      .addColumn('bpjs_ketenagakerjaan', 'varchar(100)')
      .addColumn('telepon', 'varchar(20)')
      .addColumn('email', 'varchar(100)')
      .addColumn('telegram', 'varchar(100)')
      .addColumn('hubung_warga', 'varchar(50)')
      .addColumn('bahasa_id', 'integer')
      .addColumn('suku', 'varchar(150)')
      .addColumn('ket', 'varchar(500)')
      .addColumn('foto', 'varchar(200)')
      .addColumn('lat', real)
      .addColumn('lng', real)
      .addColumn('digabung_ke_id', 'integer', (c) => c.references('penduduk.id'))
      .addCheckConstraint('penduduk_status_dasar_chk', sql`status_dasar in (1, 2, 3, 4, 6, 9)`)
      .addCheckConstraint('penduduk_sex_chk', sql`sex is null or sex in (1, 2)`),
  ).execute();
  // one person, one living record in the whole installation
  await sql`create unique index penduduk_nik_hidup on penduduk (nik) where status_dasar = 1 and nik is not null`.execute(
    db,
  );
  await sql`create unique index penduduk_nik_sementara on penduduk (nik_sementara) where nik_sementara is not null`.execute(
    db,
  );
  await sql`create unique index penduduk_tag_id_card on penduduk (tag_id_card) where tag_id_card is not null and status_dasar = 1`.execute(
    db,
  );
  await db.schema.createIndex('penduduk_nik_idx').on('penduduk').column('nik').execute();
  await db.schema
    .createIndex('penduduk_desa_nama_idx')
    .on('penduduk')
    .columns(['desa_kode', 'status_dasar', 'nama_normal'])
    .execute();
  await db.schema.createIndex('penduduk_nama_idx').on('penduduk').columns(['nama_normal', 'tanggallahir']).execute();
  await db.schema.createIndex('penduduk_keluarga_idx').on('penduduk').column('keluarga_id').execute();
  await db.schema.createIndex('penduduk_rumah_tangga_idx').on('penduduk').column('rumah_tangga_id').execute();
  await db.schema
    .createIndex('penduduk_lingkungan_idx')
    .on('penduduk')
    .columns(['lingkungan_id', 'status_dasar'])
    .execute();

  if (pg) {
    await sql`alter table keluarga add constraint keluarga_kepala_fk foreign key (kepala_id) references penduduk (id)`.execute(
      db,
    );
    await sql`alter table rumah_tangga add constraint rumah_tangga_kepala_fk foreign key (kepala_id) references penduduk (id)`.execute(
      db,
    );
  }

  await db.schema
    .createTable('peristiwa')
    .addColumn('id', 'integer', id)
    .addColumn('penduduk_id', 'integer', (c) => c.notNull().references('penduduk.id'))
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull().references('desa.kode'))
    .addColumn('kode', 'integer', (c) => c.notNull().check(sql`kode in (1, 2, 3, 4, 5, 6)`))
    .addColumn('tgl_peristiwa', date, (c) => c.notNull())
    .addColumn('tgl_lapor', date, (c) => c.notNull())
    .addColumn('catatan', 'varchar(500)')
    .addColumn('keluarga_id', 'integer')
    .addColumn('no_kk', 'varchar(16)')
    .addColumn('nama_kk', 'varchar(100)')
    .addColumn('meninggal_di', 'varchar(100)')
    .addColumn('jam_mati', 'varchar(5)')
    .addColumn('sebab', 'integer')
    .addColumn('penolong_mati', 'integer')
    .addColumn('akta_mati', 'varchar(40)')
    .addColumn('ref_pindah', 'integer')
    .addColumn('alamat_tujuan', 'varchar(200)')
    .addColumn('tujuan_desa_kode', 'varchar(13)')
    .addColumn('asal_desa_kode', 'varchar(13)')
    .addColumn('alamat_asal', 'varchar(200)')
    .addColumn('maksud_tujuan_kedatangan', 'varchar(200)')
    .addColumn('status_sebelum', 'integer')
    .addColumn('status_sesudah', 'integer', (c) => c.notNull())
    // a reversing entry points at the event it cancels; the cancelled event stays
    .addColumn('membatalkan_id', 'integer', (c) => c.references('peristiwa.id'))
    .addColumn('alasan', 'varchar(500)')
    .addColumn('dicatat_oleh', 'varchar(60)')
    .addColumn('dicatat_pada', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('peristiwa_penduduk_idx').on('peristiwa').columns(['penduduk_id', 'id']).execute();
  await db.schema
    .createIndex('peristiwa_desa_tgl_idx')
    .on('peristiwa')
    .columns(['desa_kode', 'tgl_peristiwa'])
    .execute();
  await sql`create unique index peristiwa_batal_sekali on peristiwa (membatalkan_id) where membatalkan_id is not null`.execute(
    db,
  );

  await db.schema
    .createTable('peristiwa_keluarga')
    .addColumn('id', 'integer', id)
    .addColumn('keluarga_id', 'integer', (c) => c.notNull().references('keluarga.id'))
    .addColumn('kode', 'integer', (c) => c.notNull())
    .addColumn('tgl_peristiwa', date, (c) => c.notNull())
    .addColumn('penduduk_id', 'integer', (c) => c.references('penduduk.id'))
    .addColumn('peristiwa_id', 'integer', (c) => c.references('peristiwa.id'))
    .addColumn('catatan', 'varchar(500)')
    .addColumn('dicatat_oleh', 'varchar(60)')
    .addColumn('dicatat_pada', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('peristiwa_keluarga_idx')
    .on('peristiwa_keluarga')
    .columns(['keluarga_id', 'id'])
    .execute();

  for (const table of ['peristiwa', 'peristiwa_keluarga']) {
    if (pg) {
      await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete or truncate on ${sql.table(table)}
        for each statement execute function audit_log_tolak_ubah()`.execute(db);
    } else {
      await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${sql.table(table)}
        begin select raise(abort, 'riwayat peristiwa hanya boleh ditambah (append-only)'); end`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        begin select raise(abort, 'riwayat peristiwa hanya boleh ditambah (append-only)'); end`.execute(db);
    }
  }

  await db.schema
    .createTable('penduduk_peringatan')
    .addColumn('penduduk_id', 'integer', (c) => c.notNull().references('penduduk.id'))
    .addColumn('kode', 'varchar(40)', (c) => c.notNull())
    .addColumn('desa_kode', 'varchar(13)', (c) => c.notNull())
    .addPrimaryKeyConstraint('penduduk_peringatan_pk', ['penduduk_id', 'kode'])
    .execute();
  await db.schema.createIndex('penduduk_peringatan_desa_idx').on('penduduk_peringatan').column('desa_kode').execute();

  await db.schema
    .createTable('duplikat')
    .addColumn('id', 'integer', id)
    .addColumn('penduduk_a', 'integer', (c) => c.notNull().references('penduduk.id'))
    .addColumn('penduduk_b', 'integer', (c) => c.notNull().references('penduduk.id'))
    .addColumn('alasan', 'varchar(40)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('terbuka'))
    .addColumn('dibuat_pada', ts, (c) => c.notNull())
    .addColumn('ditinjau_oleh', 'varchar(60)')
    .addColumn('ditinjau_pada', ts)
    .addUniqueConstraint('duplikat_pasangan_uniq', ['penduduk_a', 'penduduk_b'])
    .execute();
  await db.schema.createIndex('duplikat_status_idx').on('duplikat').columns(['status', 'id']).execute();

  await db.schema
    .createTable('pindah_antar_desa')
    .addColumn('id', 'integer', id)
    .addColumn('penduduk_id', 'integer', (c) => c.notNull().references('penduduk.id'))
    .addColumn('dari_desa', 'varchar(13)', (c) => c.notNull())
    .addColumn('ke_desa', 'varchar(13)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('rincian', pg ? 'jsonb' : 'text', (c) => c.notNull())
    .addColumn('diminta_oleh', 'varchar(60)')
    .addColumn('diminta_pada', ts, (c) => c.notNull())
    .addColumn('diputus_oleh', 'varchar(60)')
    .addColumn('diputus_pada', ts)
    .addColumn('alasan', 'varchar(500)')
    .execute();
  await db.schema.createIndex('pindah_dari_idx').on('pindah_antar_desa').columns(['dari_desa', 'status']).execute();
  await db.schema.createIndex('pindah_ke_idx').on('pindah_antar_desa').columns(['ke_desa', 'status']).execute();
  await sql`create unique index pindah_satu_menunggu on pindah_antar_desa (penduduk_id) where status = 'menunggu'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table keluarga drop constraint keluarga_kepala_fk`.execute(db);
    await sql`alter table rumah_tangga drop constraint rumah_tangga_kepala_fk`.execute(db);
  }
  for (const t of [
    'pindah_antar_desa',
    'duplikat',
    'penduduk_peringatan',
    'peristiwa_keluarga',
    'peristiwa',
    'penduduk',
    'rumah_tangga',
    'keluarga_no_kk',
    'keluarga',
    'kode_referensi',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
