import { type Situs, situsHref } from '#src/features/situs/situs-context.js';
import { SitusLayout } from '#src/features/situs/situs-layout.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { type JenisArtikel, KATEGORI_PPID } from './konten.table.js';
import { Gambar, Pager } from './konten-gambar.views.js';
import type { ItemPublik } from './konten-publik.repository.js';
import { langOf, tanggalDesa } from './konten-waktu.js';

export const KONTEN_CSS = '/aset/konten-situs.css';
export const kontenHead = <link rel="stylesheet" href={KONTEN_CSS} />;

/** The list pages of the site: /artikel (+ category), /pengumuman, /agenda, /produk-hukum, /informasi-publik. */
export function DaftarPublikPage(p: {
  situs: Situs;
  m: Messages;
  jenis: JenisArtikel;
  judul: string;
  items: ItemPublik[];
  total: number;
  per: number;
  halaman: number;
  /** the list's own path, e.g. '/artikel' or '/artikel/kategori/pembangunan' */
  path: string;
  kategori?: { nama: string; slug: string }[];
  canonical: string;
}) {
  const { situs, m } = p;
  const t = m.konten.publik;
  const href = (path: string) => situsHref(situs, path);
  return (
    <SitusLayout situs={situs} m={m} title={p.judul} canonical={p.canonical} head={kontenHead}>
      <h1>{p.judul}</h1>
      {p.kategori && p.kategori.length > 0 ? (
        <nav class="kategori" aria-label={m.konten.admin.kategori}>
          <a href={href('/artikel')}>{t.semuaKategori}</a>
          {p.kategori.map((k) => (
            <a key={k.slug} href={href(`/artikel/kategori/${k.slug}`)}>
              {k.nama}
            </a>
          ))}
        </nav>
      ) : null}
      {p.items.length === 0 ? <p class="muted">{t.kosong}</p> : null}
      {p.jenis === 'informasi-publik' ? (
        KATEGORI_PPID.map((kat) => {
          const items = p.items.filter((i) => i.ppid_kategori === kat);
          return items.length === 0 ? null : (
            <section key={kat}>
              <h2>{m.konten.ppid[kat]}</h2>
              <Daftar situs={p.situs} m={m} jenis={p.jenis} items={items} sub />
            </section>
          );
        })
      ) : (
        <Daftar situs={p.situs} m={m} jenis={p.jenis} items={p.items} />
      )}
      <Pager
        halaman={p.halaman}
        total={p.total}
        per={p.per}
        t={t}
        href={(n) => href(n === 1 ? p.path : `${p.path}?halaman=${n}`)}
      />
    </SitusLayout>
  );
}

/** `sub`: the list sits under an h2 of its own, so its items are h3. */
function Daftar(p: { situs: Situs; m: Messages; jenis: JenisArtikel; items: ItemPublik[]; sub?: boolean }) {
  const Judul = p.sub ? 'h3' : 'h2';
  const { m } = p;
  const t = m.konten.publik;
  const href = (path: string) => situsHref(p.situs, path);
  return (
    <ul class="konten-daftar">
      {p.items.map((a) => (
        <li key={a.id}>
          {a.g_berkas && p.jenis === 'berita' ? (
            <Gambar
              berkas={a.g_berkas}
              varian={a.g_varian}
              lebar={a.g_lebar}
              tinggi={a.g_tinggi}
              href={href}
              tampil={160}
              sizes="160px"
              alt=""
            />
          ) : null}
          <div>
            <Judul class="judul-item">
              <a href={href(`/artikel/${a.slug}`)}>{a.judul}</a>
            </Judul>
            <p class="muted">
              {p.jenis === 'agenda' && a.agenda_mulai ? (
                <>
                  {t.waktu}: <time dateTime={a.agenda_mulai}>{formatDateTime(a.agenda_mulai, langOf(m))}</time>
                  {a.agenda_tempat ? ` · ${t.tempat}: ${a.agenda_tempat}` : ''}
                </>
              ) : p.jenis === 'produk-hukum' && a.hukum_jenis ? (
                `${m.konten.hukum[a.hukum_jenis]} ${t.nomor} ${a.hukum_nomor ?? ''} ${t.tahun} ${a.hukum_tahun ?? ''}`
              ) : (
                <time dateTime={a.terbit_pada ?? ''}>{tanggalDesa(a.terbit_pada, langOf(m))}</time>
              )}
            </p>
            {a.ringkasan ? <p>{a.ringkasan}</p> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
