import type { kontenId } from './konten.id.js';

/** English messages: konten. */
export const kontenEn: typeof kontenId = {
  nav: 'Konten',
};
