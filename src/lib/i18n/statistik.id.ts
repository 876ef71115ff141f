/** Indonesian messages: statistics (composed into id.ts as `statistik`; error keys merge into `err`). */
export const statistikId = {
  nav: 'Statistik',
  err: {
    statistikTanggalSalah: 'Tanggal harus berbentuk TTTT-BB-HH, mis. 2026-06-30.',
    statistikTanggalNanti: 'Tanggal tidak boleh melewati hari ini.',
    statistikKategoriTidakAda: 'Kategori statistik ini tidak dikenal.',
  },
};
