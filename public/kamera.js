/* Balai camera pages: draws the map (Leaflet, loaded only here and only when a camera has coordinates) and
   opens the stream only when the visitor presses play (hls.js loaded only then). Without JavaScript the page
   shows the list with coordinates, and the play link renders the player on the server. */
(() => {
  function load(tag, attrs) {
    return new Promise((resolve, reject) => {
      const el = document.createElement(tag);
      for (const k in attrs) el.setAttribute(k, attrs[k]);
      el.onload = resolve;
      el.onerror = reject;
      document.head.appendChild(el);
    });
  }

  const peta = document.getElementById('kamera-peta');
  const items = Array.prototype.slice.call(document.querySelectorAll('.kamera[data-lat][data-lng]'));
  if (peta && items.length > 0) {
    Promise.all([
      load('link', { rel: 'stylesheet', href: '/aset/leaflet.css' }),
      load('script', { src: '/aset/leaflet.js' }),
    ])
      .then(() => {
        const L = window.L;
        peta.hidden = false;
        const map = L.map(peta, { scrollWheelZoom: false });
        L.tileLayer(peta.getAttribute('data-tile'), {
          maxZoom: 19,
          attribution: '&copy; OpenStreetMap',
        }).addTo(map);
        const points = items.map((li) => {
          const ll = [Number(li.getAttribute('data-lat')), Number(li.getAttribute('data-lng'))];
          const a = document.createElement('a');
          a.href = li.getAttribute('data-href');
          a.textContent = li.getAttribute('data-nama');
          L.circleMarker(ll, { radius: 8, color: '#0d47a1', weight: 2, fillOpacity: 0.7 }).addTo(map).bindPopup(a);
          return ll;
        });
        if (points.length === 1) map.setView(points[0], 16);
        else map.fitBounds(points, { padding: [24, 24], maxZoom: 17 });
      })
      .catch(() => {
        peta.hidden = true;
      });
  }

  const tombol = document.getElementById('kamera-putar');
  const tempat = document.getElementById('kamera-pemutar');
  if (!tombol || !tempat) return;
  tombol.addEventListener('click', (e) => {
    e.preventDefault();
    const jenis = tombol.getAttribute('data-jenis');
    const src = tombol.getAttribute('data-src');
    const judul = tombol.getAttribute('data-judul') || '';
    tombol.hidden = true;
    tempat.textContent = '';
    if (jenis === 'mjpeg') {
      const img = document.createElement('img');
      img.alt = judul;
      img.src = src;
      tempat.appendChild(img);
      return;
    }
    if (jenis === 'embed') {
      const frame = document.createElement('iframe');
      frame.title = judul;
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation');
      frame.setAttribute('referrerpolicy', 'no-referrer');
      frame.setAttribute('allowfullscreen', '');
      frame.src = src;
      tempat.appendChild(frame);
      return;
    }
    const video = document.createElement('video');
    video.controls = true;
    video.muted = true;
    video.autoplay = true;
    video.setAttribute('playsinline', '');
    tempat.appendChild(video);
    if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = src;
      return;
    }
    load('script', { src: '/aset/hls.light.min.js' }).then(() => {
      const Hls = window.Hls;
      if (!Hls?.isSupported()) {
        video.src = src;
        return;
      }
      const hls = new Hls({ enableWorker: false });
      hls.loadSource(src);
      hls.attachMedia(video);
    });
  });
})();
