import type { PercobaanMasukTable, SesiTable, TokenApiTable } from '#src/features/auth/auth.table.js';
import type { DesaHostTable, DesaTable } from '#src/features/desa/desa.table.js';
import type { DuplikatTable } from '#src/features/duplikat/duplikat.table.js';
import type { ImporTugasTable } from '#src/features/impor/impor.table.js';
import type { PengaturanTable, TautanSetupTable } from '#src/features/instalasi/instalasi.table.js';
import type { KeluargaNoKkTable, KeluargaTable, RumahTanggaTable } from '#src/features/keluarga/keluarga.table.js';
import type { LingkunganTable } from '#src/features/lingkungan/lingkungan.table.js';
import type {
  KodeReferensiTable,
  PendudukPeringatanTable,
  PendudukTable,
} from '#src/features/penduduk/penduduk.table.js';
import type { PenggunaTable, PeranPenggunaTable } from '#src/features/pengguna/pengguna.table.js';
import type {
  PeristiwaKeluargaTable,
  PeristiwaTable,
  PindahAntarDesaTable,
} from '#src/features/peristiwa/peristiwa.table.js';
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
}
