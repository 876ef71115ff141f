import type { layananId } from './layanan.id.js';

/** English messages: layanan. */
export const layananEn: typeof layananId = {
  nav: 'Layanan',
};
