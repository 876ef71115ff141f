/** Indonesian messages: the OpenSID-format resident export (composed into id.ts as `ekspor`; error keys merge into `err`). */
export const eksporId = {
  unduhOpenSid: 'Unduh format OpenSID (.xlsx)',
  unduhOpenSidHint: 'Kolom impor OpenSID, NIK dan No. KK lengkap; dapat diimpor kembali.',
  tanpaKk: (n: string) =>
    `${n} penduduk tanpa KK tidak ikut dalam unduhan format OpenSID (OpenSID membutuhkan No. KK).`,
  unduhWilayah: (wilayah: string) => `Unduh penduduk ${wilayah} (format OpenSID, .xlsx)`,
  unduhWilayahHint: 'Satu lembar per desa aktif; hanya penduduk hidup yang punya KK.',
  err: {
    eksporTanpaDesa: 'Tidak ada desa aktif dengan kode {kode}.',
    eksporPerluNik:
      'Unduhan format OpenSID memuat NIK dan nomor KK lengkap, jadi hanya untuk pengguna yang boleh melihat NIK. Gunakan "Unduh Excel" (nomor disamarkan).',
  },
};
