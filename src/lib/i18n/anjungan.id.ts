/** Indonesian messages: anjungan. */
export const anjunganId = {
  nav: 'Anjungan',
};
