import { mediaPath, pickWidth, srcset, widthsOf } from './konten-media-url.js';

/** A stored picture: WebP <source> with every width, JPEG fallback, its size given so the page does not jump. */
export function Gambar(p: {
  berkas: string;
  varian: unknown;
  /** size of the largest variant (for the aspect ratio) */
  lebar: number | null;
  tinggi: number | null;
  /** turns a site path into a link (situsHref) */
  href: (path: string) => string;
  /** the width the picture is shown at, in CSS px */
  tampil: number;
  sizes: string;
  alt: string;
  lazy?: boolean;
}) {
  const widths = widthsOf(p.varian);
  const w = pickWidth(widths, p.tampil);
  if (w === null) return null;
  const ratio = p.lebar && p.tinggi ? p.tinggi / p.lebar : 0.5625;
  const shown = Math.min(w, p.tampil);
  return (
    <picture>
      <source type="image/webp" srcset={srcset(p.berkas, widths, 'webp', p.href)} sizes={p.sizes} />
      <img
        src={p.href(mediaPath(p.berkas, w, 'jpg'))}
        srcset={srcset(p.berkas, widths, 'jpg', p.href)}
        sizes={p.sizes}
        width={shown}
        height={Math.round(shown * ratio)}
        alt={p.alt}
        loading={p.lazy === false ? undefined : 'lazy'}
        decoding="async"
      />
    </picture>
  );
}

/** "Previous · page n of N · next" links; nothing when everything fits on one page. */
export function Pager(p: {
  halaman: number;
  total: number;
  per: number;
  href: (n: number) => string;
  t: { halaman: string; sebelumnya: string; berikutnya: string };
}) {
  const pages = Math.max(1, Math.ceil(p.total / p.per));
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={p.t.halaman.replace('{n}', String(p.halaman)).replace('{total}', String(pages))}>
      {p.halaman > 1 ? (
        <a href={p.href(p.halaman - 1)} rel="prev">
          {p.t.sebelumnya}
        </a>
      ) : null}
      <span>{p.t.halaman.replace('{n}', String(p.halaman)).replace('{total}', String(pages))}</span>
      {p.halaman < pages ? (
        <a href={p.href(p.halaman + 1)} rel="next">
          {p.t.berikutnya}
        </a>
      ) : null}
    </nav>
  );
}
