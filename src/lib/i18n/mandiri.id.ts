/** Indonesian messages: mandiri. */
export const mandiriId = {
  nav: 'Mandiri',
};
