import { type Situs, situsHref } from '#src/features/situs/situs-context.js';
import { SitusLayout } from '#src/features/situs/situs-layout.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { Gambar } from './konten-gambar.views.js';
import { kontenHead } from './konten-publik.views.js';

interface AlbumRow {
  id: number;
  judul: string;
  keterangan: string | null;
  jumlah: number | null;
  sampul: string | null;
  sampul_varian: unknown;
}

export function GaleriPublikPage(p: { situs: Situs; m: Messages; album: AlbumRow[]; canonical: string }) {
  const { situs, m } = p;
  const t = m.konten.galeri;
  const href = (path: string) => situsHref(situs, path);
  return (
    <SitusLayout situs={situs} m={m} title={t.judul} canonical={p.canonical} head={kontenHead}>
      <h1>{t.judul}</h1>
      {p.album.length === 0 ? <p class="muted">{t.kosong}</p> : null}
      <ul class="galeri">
        {p.album.map((a) => (
          <li key={a.id}>
            <a href={href(`/galeri/${a.id}`)}>
              {a.sampul ? (
                <Gambar
                  berkas={a.sampul}
                  varian={a.sampul_varian}
                  lebar={4}
                  tinggi={3}
                  href={href}
                  tampil={320}
                  sizes="(max-width: 40rem) 50vw, 15rem"
                  alt=""
                />
              ) : null}
              <span>{a.judul}</span>
            </a>
            <span class="muted"> {t.jumlahFoto.replace('{n}', String(a.jumlah ?? 0))}</span>
          </li>
        ))}
      </ul>
    </SitusLayout>
  );
}

interface FotoRow {
  id: number;
  keterangan: string | null;
  berkas: string;
  varian: unknown;
  lebar: number | null;
  tinggi: number | null;
}

export function AlbumPublikPage(p: {
  situs: Situs;
  m: Messages;
  album: { judul: string; keterangan: string | null };
  foto: FotoRow[];
  canonical: string;
}) {
  const { situs, m } = p;
  const href = (path: string) => situsHref(situs, path);
  return (
    <SitusLayout
      situs={situs}
      m={m}
      title={p.album.judul}
      description={p.album.keterangan ?? undefined}
      canonical={p.canonical}
      head={kontenHead}
    >
      <p class="muted">
        <a href={href('/galeri')}>{m.konten.galeri.judul}</a>
      </p>
      <h1>{p.album.judul}</h1>
      {p.album.keterangan ? <p>{p.album.keterangan}</p> : null}
      {p.foto.length === 0 ? <p class="muted">{m.konten.galeri.fotoKosong}</p> : null}
      <ul class="galeri foto">
        {p.foto.map((f) => (
          <li key={f.id}>
            <figure>
              <Gambar
                berkas={f.berkas}
                varian={f.varian}
                lebar={f.lebar}
                tinggi={f.tinggi}
                href={href}
                tampil={640}
                sizes="(max-width: 40rem) 100vw, 22rem"
                alt={f.keterangan ?? ''}
              />
              {f.keterangan ? <figcaption>{f.keterangan}</figcaption> : null}
            </figure>
          </li>
        ))}
      </ul>
    </SitusLayout>
  );
}
