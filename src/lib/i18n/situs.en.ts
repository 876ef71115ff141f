import type { situsId } from './situs.id.js';

/** English messages: situs. */
export const situsEn: typeof situsId = {
  nav: 'Situs',
};
