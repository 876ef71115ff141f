import type { imporId } from './impor.id.js';

/** English messages: OpenSID import. */
export const imporEn: typeof imporId = {
  judul: 'Import residents (OpenSID format)',
  tautan: 'Import from OpenSID',
  intro:
    'Upload an Excel workbook (.xlsx/.xlsm) exported by OpenSID or the FormatImporExcel template. Balai checks every row first and shows a preview; nothing is saved until you press "Apply".',
  jenisLabel: 'Kind of data',
  jenis: { penduduk: 'Residents (FormatImporExcel)', rumah_tangga: 'Households (FormatImporRTM)' },
  statusLabel: 'State',
  oleh: 'By',
  judulTugas: 'Import',
  berkas: 'Excel file',
  berkasHint: (mb: number) =>
    `At most ${mb} MB. The "Kode Data" sheet is ignored; data stops at the row marked ### in column B.`,
  tombolPeriksa: 'Check file',
  templat: 'Download an empty template',
  riwayat: 'Earlier imports',
  tidakAdaRiwayat: 'No import yet in this desa.',
  status: {
    membaca: 'Being read and checked',
    siap: 'Preview ready — not saved yet',
    menerapkan: 'Being saved',
    selesai: 'Saved',
    gagal: 'Failed',
    dibatalkan: 'Cancelled',
  },
  fase: { membaca: 'Reading the file', memeriksa: "Comparing with the desa's data", menerapkan: 'Saving' },
  kemajuan: (n: number, total: number | null) =>
    total ? `${n.toLocaleString('en')} of ${total.toLocaleString('en')} rows` : `${n.toLocaleString('en')} rows`,
  muatUlang: 'This page reloads itself every 2 seconds. You may close it: the work goes on.',
  muatUlangTombol: 'Reload now',
  jumlah: {
    total: 'Data rows',
    baru: 'New residents',
    diperbarui: 'Updated',
    tidak_berubah: 'Unchanged',
    ditolak: 'Rejected',
    ganda: 'Duplicate NIK in the file',
    peringatan: 'With warnings',
  },
  galat: 'Problems by row',
  peringatan: 'Warnings (saved anyway)',
  kolomBaris: 'Row',
  kolomKolom: 'Column',
  kolomPesan: 'Message',
  lebihBanyak: (n: number) => `…and ${n.toLocaleString('en')} more. Download the report for the full list.`,
  unduhLaporan: 'Download report (.xlsx)',
  terapkan: 'Apply: save every accepted row',
  terapkanHint:
    'All accepted rows are saved together, or none if anything goes wrong. Rejected rows are not saved; fix them and import again.',
  batalkan: 'Cancel',
  tidakAdaYangDisimpan: 'No row can be saved.',
  selesai: (baru: number, diperbarui: number) =>
    `Import done: ${baru.toLocaleString('en')} new residents, ${diperbarui.toLocaleString('en')} updated.`,
  dibatalkanPesan: 'Import cancelled; nothing was changed.',
  kembali: 'Back to import',
  err: {
    imporKkSementara: 'Temporary KK number (starting with 0): replace it with the Dukcapil number once issued.',
    imporCampurRwRt:
      'Dusun {0} is divided into RWs: fill in the rw column (or the other way round, this dusun has no RW). A dusun cannot mix RWs and RTs directly under it.',
    imporTanpaBerkas: 'Choose the Excel file (.xlsx) to import.',
    imporTanggal: 'Date not recognised. Use YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY, or an Excel date cell.',
    imporAngkaBukanTeks:
      'This number is stored as a number in Excel, which keeps only 15 digits: check its last digit and store the column as text.',
    imporAsuransiDaerah: 'Insurance code 4 (regional BPJS) recorded as 2 (BPJS PBI).',
    imporKolomTidakDikenal: 'Column name "{0}" is not in the OpenSID import format; the whole file is rejected.',
    imporKolomGanda: 'Column "{0}" appears twice; the whole file is rejected.',
    imporKolomWajib: 'Column "{0}" must be in the header row; the whole file is rejected.',
    imporTanpaHeader: 'The file has no data sheet with a header row.',
    imporNikWajib: 'NIK is required: 16 digits, or 0 when the person has none yet.',
    imporTanggalLahirNanti: 'The birth date is in the future.',
    imporWajibBaru: 'Required for a resident not yet registered.',
    imporNikDesaLain:
      'This NIK is a living resident of {0}. Record the move through inter-desa transfer, not an import.',
    imporKkDesaLain: 'This KK number belongs to a family in {0}.',
    imporKolomTerlindung:
      'An import may not change column {0} of a registered resident. Use events or the family screens.',
    imporKepalaSudahAda: 'This family already has a head.',
    imporNikGanda: 'The same NIK is on several rows ({0}); all of them are rejected.',
    imporTagGanda: 'The same e-KTP chip number is on several rows ({0}).',
    imporKeluargaTanpaKepala: 'KK …{0} has no accepted head (kk_level 1); all its members are rejected.',
    imporKepalaGanda: 'KK …{0} has more than one head; all its members are rejected.',
    imporKepalaTidakHidup: 'The head of KK …{0} is not alive; all its members are rejected.',
    imporSedangBerjalan: 'Another import for this desa is running. Wait until it ends.',
    imporTerputus: 'The import was interrupted (server stopped). Nothing was half-saved; import again.',
    imporGagal: 'The import failed (system error). Nothing was changed.',
    imporBerkasDitolak: 'The whole file was rejected.',
    imporBukanSiap: 'This import is not ready to be applied.',
    imporRtmNikWajib: 'NIK is required: 16 digits. Households are built only from registered residents.',
    imporRtmNomorTidakValid: 'A household number may hold only letters, digits, spaces, dots, slashes or hyphens.',
    imporRtmNikTidakAda:
      'This NIK is not among the residents of this desa. Register the resident first, then import households again.',
    imporRtmBukanPendudukHidup: 'The resident with this NIK no longer lives in this desa (died, moved or missing).',
    imporRtmNomorDesaLain: 'This household number is already used by a household in {0}.',
    imporRtmNomorSeri:
      'A household number starting with the desa code ({0}) must be followed by exactly 5 digits, like the numbers Balai issues.',
    imporRtmSudahDiRumahTanggaLain:
      'This resident is already a member of household {0}. An import never moves people: remove them on the household page first.',
    imporRtmHubunganBerbeda:
      'This resident is already in this household with another role. Change the head on the household page.',
    imporRtmKepalaSudahAda: 'Household {0} already has a head. Change the head on the household page.',
    imporRtmTanpaKepala: 'Household {0} has no accepted head (status 1); all its rows are rejected.',
    imporRtmKepalaGanda: 'Household {0} has more than one head (status 1); all its rows are rejected.',
    imporDataBerubah:
      'The data changed since the preview (for example a NIK or KK number of the file was just recorded elsewhere, or a family would lose its head). Nothing was saved; upload and check the file again.',
  },
};
