/** Indonesian messages: notifikasi. */
export const notifikasiId = {
  nav: 'Notifikasi',
};
