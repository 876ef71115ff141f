import { asetUrl } from '#src/features/assets/assets.routes.js';
import type { Situs } from '#src/features/situs/situs-context.js';
import { situsHref } from '#src/features/situs/situs-context.js';
import { SitusLayout } from '#src/features/situs/situs-layout.js';
import { fill, type Lang, type Messages } from '#src/lib/i18n/messages.js';
import type { KameraPublik } from './kamera.service.js';
import { waktu } from './layanan-form.js';

const head = (
  <>
    <link rel="stylesheet" href={asetUrl('layanan.css')} />
    <script src={asetUrl('kamera.js')} defer />
  </>
);

function Status({ k, m, lang }: { k: KameraPublik; m: Messages; lang: Lang }) {
  const t = m.layanan.kamera;
  return (
    <p class="kamera-status">
      <span class={`lencana lencana-${k.status}`}>{t.status[k.status]}</span> {t.terakhir}:{' '}
      {waktu(k.terakhir_terlihat, lang) || t.belumPernah}
    </p>
  );
}

function Snapshot({ situs, k, m }: { situs: Situs; k: KameraPublik; m: Messages }) {
  const t = m.layanan.kamera;
  if (!k.punyaSnapshot) return <p class="kamera-kosong">{t.tanpaSnapshot}</p>;
  return (
    <img
      src={situsHref(situs, `/kamera/${k.id}/snapshot`)}
      alt={fill(t.snapshotAlt, { nama: k.nama })}
      width={640}
      height={360}
      loading="lazy"
      decoding="async"
    />
  );
}

const coords = (k: KameraPublik) =>
  k.lat === null || k.lng === null ? null : `${k.lat.toFixed(5)}, ${k.lng.toFixed(5)}`;

/** The level's cameras and all cameras below it: a map (drawn by kamera.js) and a grid of snapshots. */
export function KameraListPage(p: { situs: Situs; m: Messages; lang: Lang; kamera: KameraPublik[]; tile: string }) {
  const { situs, m, lang } = p;
  const t = m.layanan.kamera;
  return (
    <SitusLayout situs={situs} m={m} title={t.judul} description={t.intro} head={head}>
      <h1>{t.judul}</h1>
      <p>{t.intro}</p>
      {p.kamera.length === 0 ? (
        <p>{t.kosong}</p>
      ) : (
        <>
          <section id="kamera-peta" class="kamera-peta" data-tile={p.tile} aria-label={t.peta} hidden />
          <ul class="kamera-grid">
            {p.kamera.map((k) => (
              <li
                key={k.id}
                class="kamera"
                data-lat={k.lat ?? undefined}
                data-lng={k.lng ?? undefined}
                data-nama={k.nama}
                data-href={situsHref(situs, `/kamera/${k.id}`)}
              >
                <h2>
                  <a href={situsHref(situs, `/kamera/${k.id}`)}>{k.nama}</a>
                </h2>
                <Snapshot situs={situs} k={k} m={m} />
                <Status k={k} m={m} lang={lang} />
                <p class="kamera-lokasi">
                  {[k.lokasi, k.wilayah_kode !== situs.kode ? k.wilayah_nama : null].filter(Boolean).join(' · ')}
                  {k.lokasi || k.wilayah_kode !== situs.kode ? <br /> : null}
                  {t.koordinat}: {coords(k) ?? t.tanpaKoordinat}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </SitusLayout>
  );
}

/** One camera: the snapshot and a play button; the stream is loaded only after the visitor asks for it. */
export function KameraPlayerPage(p: {
  situs: Situs;
  m: Messages;
  lang: Lang;
  kamera: KameraPublik & { stream_url: string };
  putar: boolean;
}) {
  const { situs, m, lang, kamera: k } = p;
  const t = m.layanan.kamera;
  return (
    <SitusLayout situs={situs} m={m} title={k.nama} description={k.lokasi ?? t.intro} head={head}>
      <p>
        <a href={situsHref(situs, '/kamera')}>{t.kembali}</a>
      </p>
      <h1>{k.nama}</h1>
      {k.lokasi ? <p>{k.lokasi}</p> : null}
      <Status k={k} m={m} lang={lang} />
      <div id="kamera-pemutar" class="kamera-pemutar">
        {p.putar ? <Player k={k} m={m} /> : <Snapshot situs={situs} k={k} m={m} />}
      </div>
      {p.putar ? null : (
        <p>
          <a
            id="kamera-putar"
            class="tombol"
            href={situsHref(situs, `/kamera/${k.id}?putar=1`)}
            data-jenis={k.jenis}
            data-src={k.stream_url}
            data-judul={k.nama}
          >
            {t.putar}
          </a>
          <br />
          <small>{t.putarCatatan}</small>
        </p>
      )}
      <p>
        {t.koordinat}: {coords(k) ?? t.tanpaKoordinat}
      </p>
    </SitusLayout>
  );
}

/** The player as the server renders it after "play" without JavaScript (video plays HLS natively on most phones). */
function Player({ k, m }: { k: KameraPublik & { stream_url: string }; m: Messages }) {
  if (k.jenis === 'mjpeg') return <img src={k.stream_url} alt={fill(m.layanan.kamera.snapshotAlt, { nama: k.nama })} />;
  if (k.jenis === 'embed')
    return (
      <iframe
        src={k.stream_url}
        title={k.nama}
        sandbox="allow-scripts allow-same-origin allow-presentation"
        referrerpolicy="no-referrer"
        allowFullScreen
        width={640}
        height={360}
      />
    );
  return <video src={k.stream_url} controls autoplay muted playsInline width={640} height={360} />;
}
