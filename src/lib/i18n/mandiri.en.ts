import type { mandiriId } from './mandiri.id.js';

/** English messages: mandiri. */
export const mandiriEn: typeof mandiriId = {
  nav: 'Mandiri',
};
