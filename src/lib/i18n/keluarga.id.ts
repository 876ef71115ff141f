/** Indonesian messages: keluarga screens (composed into id.ts as `keluarga`; error keys merge into `err`). */
export const keluargaId = {
  err: {},
};
