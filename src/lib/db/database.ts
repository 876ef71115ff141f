import type { AnjunganKodeTable } from '#src/features/anjungan/anjungan.table.js';
import type { PercobaanMasukTable, SesiTable, TokenApiTable } from '#src/features/auth/auth.table.js';
import type { DesaHostTable, DesaTable } from '#src/features/desa/desa.table.js';
import type { DuplikatTable } from '#src/features/duplikat/duplikat.table.js';
import type { ImporTugasTable } from '#src/features/impor/impor.table.js';
import type { PengaturanTable, TautanSetupTable } from '#src/features/instalasi/instalasi.table.js';
import type { KameraTable } from '#src/features/kamera/kamera.table.js';
import type { KeluargaNoKkTable, KeluargaTable, RumahTanggaTable } from '#src/features/keluarga/keluarga.table.js';
import type {
  ArtikelRevisiTable,
  ArtikelTable,
  GaleriAlbumTable,
  GaleriFotoTable,
  KategoriArtikelTable,
  MediaTable,
} from '#src/features/konten/konten.table.js';
import type { KontenTemuanTable } from '#src/features/konten-jaga/konten-jaga.table.js';
import type { LingkunganTable } from '#src/features/lingkungan/lingkungan.table.js';
import type {
  AnjunganTable,
  MandiriDesaTable,
  WargaAkunTable,
  WargaPendaftaranTable,
  WargaSesiTable,
} from '#src/features/mandiri/mandiri.table.js';
import type {
  NotifikasiKeluarTable,
  NotifikasiTemplatTable,
  NotifikasiTokenTable,
  PenggunaTelegramTable,
} from '#src/features/notifikasi/notifikasi.table.js';
import type { WargaPendaftaranDrafTable } from '#src/features/pendaftaran-warga/pendaftaran.table.js';
import type {
  KodeReferensiTable,
  PendudukPeringatanTable,
  PendudukTable,
} from '#src/features/penduduk/penduduk.table.js';
import type { PengaduanTable, PengaduanTanggapanTable } from '#src/features/pengaduan/pengaduan.table.js';
import type { PenggunaTable, PeranPenggunaTable } from '#src/features/pengguna/pengguna.table.js';
import type {
  PeristiwaKeluargaTable,
  PeristiwaTable,
  PindahAntarDesaTable,
} from '#src/features/peristiwa/peristiwa.table.js';
import type {
  PermohonanPenilaianTable,
  PermohonanSuratTable,
  WargaDokumenTable,
  WargaPesanTable,
} from '#src/features/permohonan/permohonan.table.js';
import type { SitusLembagaTable, SitusPengaturanTable, SitusPerangkatTable } from '#src/features/situs/situs.table.js';
import type {
  SuratJenisDesaTable,
  SuratJenisTable,
  SuratNomorCadanganTable,
  SuratNomorUrutTable,
  SuratRiwayatTable,
  SuratSetelanTable,
  SuratTable,
} from '#src/features/surat/surat.table.js';
import type { WilayahTable } from '#src/features/wilayah/wilayah.table.js';
import type { AuditLogTable } from '#src/lib/audit/audit.table.js';
import type { KunciTandaTanganTable } from '#src/lib/signing/signing.table.js';

/** The whole schema, assembled from each feature's *.table.ts. Migrations live in /migrations. */
export interface Database {
  wilayah: WilayahTable;
  pengaturan: PengaturanTable;
  tautan_setup: TautanSetupTable;
  desa: DesaTable;
  desa_host: DesaHostTable;
  lingkungan: LingkunganTable;
  pengguna: PenggunaTable;
  peran_pengguna: PeranPenggunaTable;
  sesi: SesiTable;
  token_api: TokenApiTable;
  percobaan_masuk: PercobaanMasukTable;
  audit_log: AuditLogTable;
  kode_referensi: KodeReferensiTable;
  penduduk: PendudukTable;
  penduduk_peringatan: PendudukPeringatanTable;
  keluarga: KeluargaTable;
  impor_tugas: ImporTugasTable;
  keluarga_no_kk: KeluargaNoKkTable;
  rumah_tangga: RumahTanggaTable;
  peristiwa: PeristiwaTable;
  peristiwa_keluarga: PeristiwaKeluargaTable;
  pindah_antar_desa: PindahAntarDesaTable;
  duplikat: DuplikatTable;
  kunci_tanda_tangan: KunciTandaTanganTable;
  surat_jenis: SuratJenisTable;
  surat_jenis_desa: SuratJenisDesaTable;
  surat_setelan: SuratSetelanTable;
  surat_nomor_urut: SuratNomorUrutTable;
  surat_nomor_cadangan: SuratNomorCadanganTable;
  surat: SuratTable;
  surat_riwayat: SuratRiwayatTable;
  kamera: KameraTable;
  pengaduan: PengaduanTable;
  pengaduan_tanggapan: PengaduanTanggapanTable;
  media: MediaTable;
  kategori_artikel: KategoriArtikelTable;
  artikel: ArtikelTable;
  artikel_revisi: ArtikelRevisiTable;
  konten_temuan: KontenTemuanTable;
  galeri_album: GaleriAlbumTable;
  galeri_foto: GaleriFotoTable;
  mandiri_desa: MandiriDesaTable;
  warga_akun: WargaAkunTable;
  warga_sesi: WargaSesiTable;
  anjungan: AnjunganTable;
  anjungan_kode: AnjunganKodeTable;
  warga_pendaftaran: WargaPendaftaranTable;
  warga_pendaftaran_draf: WargaPendaftaranDrafTable;
  permohonan_surat: PermohonanSuratTable;
  permohonan_penilaian: PermohonanPenilaianTable;
  warga_dokumen: WargaDokumenTable;
  warga_pesan: WargaPesanTable;
  notifikasi_keluar: NotifikasiKeluarTable;
  notifikasi_templat: NotifikasiTemplatTable;
  pengguna_telegram: PenggunaTelegramTable;
  notifikasi_token: NotifikasiTokenTable;
  situs_pengaturan: SitusPengaturanTable;
  situs_perangkat: SitusPerangkatTable;
  situs_lembaga: SitusLembagaTable;
}
