/*
 * Balai layanan mandiri service worker, served at /sw.js (no-cache) with scope /layanan-mandiri.
 * It caches ONLY the static files below and the offline page; pages (a resident's own data) always come from
 * the network and are never stored. When a page cannot be fetched, the offline page is shown instead.
 */
const VERSI = 'balai-mandiri-1';
const HALAMAN_LURING = '/layanan-mandiri/luring';
const STATIS = [
  '/aset/situs.css',
  '/aset/favicon.svg',
  '/aset/ikon-192.png',
  '/aset/ikon-512.png',
  '/aset/pwa.js',
  HALAMAN_LURING,
];

/** What to do with a request: 'statis' (cache, refreshed in the background), 'halaman' (network, offline page on failure), 'lewat' (not touched). */
function keputusan(url, mode, method, origin) {
  if (method !== 'GET') return 'lewat';
  let u;
  try {
    u = new URL(url);
  } catch {
    return 'lewat';
  }
  if (u.origin !== origin) return 'lewat';
  if (mode === 'navigate') return 'halaman';
  if (u.search === '' && STATIS.includes(u.pathname)) return 'statis';
  return 'lewat';
}
self.balaiKeputusan = keputusan;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(VERSI)
      .then((c) => c.addAll(STATIS))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSI).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const k = keputusan(req.url, req.mode, req.method, self.location.origin);
  if (k === 'halaman') {
    event.respondWith(fetch(req).catch(() => caches.match(HALAMAN_LURING)));
  } else if (k === 'statis') {
    event.respondWith(
      caches.open(VERSI).then((cache) =>
        cache.match(req).then((hit) => {
          const segar = fetch(req).then((res) => {
            if (res.ok) cache.put(req, res.clone());
            return res;
          });
          if (hit) {
            event.waitUntil(segar.catch(() => undefined));
            return hit;
          }
          return segar;
        }),
      ),
    );
  }
});
