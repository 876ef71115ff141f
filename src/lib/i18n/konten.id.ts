/** Indonesian messages: konten. */
export const kontenId = {
  nav: 'Konten',
};
