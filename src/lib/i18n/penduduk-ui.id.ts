/** Indonesian messages: penduduk-ui screens (composed into id.ts as `pendudukUi`; error keys merge into `err`). */
export const pendudukUiId = {
  err: {},
};
