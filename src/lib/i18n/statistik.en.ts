import type { statistikId } from './statistik.id.js';

/** English messages: statistics. */
export const statistikEn: typeof statistikId = {
  nav: 'Statistics',
  err: {
    statistikTanggalSalah: 'The date must be YYYY-MM-DD, e.g. 2026-06-30.',
    statistikTanggalNanti: 'The date cannot be after today.',
    statistikKategoriTidakAda: 'This statistics category is not known.',
  },
};
