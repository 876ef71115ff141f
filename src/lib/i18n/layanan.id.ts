/** Indonesian messages: layanan. */
export const layananId = {
  nav: 'Layanan',
};
