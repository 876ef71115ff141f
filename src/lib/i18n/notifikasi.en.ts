import type { notifikasiId } from './notifikasi.id.js';

/** English messages: notifikasi. */
export const notifikasiEn: typeof notifikasiId = {
  nav: 'Notifikasi',
};
