/* Registers the layanan mandiri service worker (static assets and an offline page only; see /sw.js). */
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/layanan-mandiri' }).catch(() => {});
  });
}
