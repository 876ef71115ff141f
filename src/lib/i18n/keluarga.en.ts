import type { keluargaId } from './keluarga.id.js';

/** English messages: keluarga screens. */
export const keluargaEn: typeof keluargaId = {
  err: {},
};
