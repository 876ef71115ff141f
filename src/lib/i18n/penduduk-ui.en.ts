import type { pendudukUiId } from './penduduk-ui.id.js';

/** English messages: penduduk-ui screens. */
export const pendudukUiEn: typeof pendudukUiId = {
  err: {},
};
