import type { anjunganId } from './anjungan.id.js';

/** English messages: anjungan. */
export const anjunganEn: typeof anjunganId = {
  nav: 'Anjungan',
};
