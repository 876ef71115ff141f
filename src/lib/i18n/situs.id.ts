/** Indonesian messages: situs. */
export const situsId = {
  nav: 'Situs',
};
