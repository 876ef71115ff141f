import { type Situs, situsHref } from '#src/features/situs/situs-context.js';
import { SitusLayout } from '#src/features/situs/situs-layout.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { Gambar } from './konten-gambar.views.js';
import { pdfPath } from './konten-media-url.js';
import type { ArtikelPublik } from './konten-publik.repository.js';
import { kontenHead } from './konten-publik.views.js';
import { langOf, tanggalDesa } from './konten-waktu.js';

/** One article: its picture, dates, the sanitised body, the attachment. og:type article. */
export function ArtikelPublikPage(p: {
  situs: Situs;
  m: Messages;
  a: ArtikelPublik;
  canonical: string;
  /** absolute URL of the picture for og:image */
  gambarAbsolut: string | null;
  /** meta description when there is no summary: the start of the text */
  deskripsi: string;
  /** the list this article belongs to, e.g. '/pengumuman' */
  daftar: { path: string; judul: string };
}) {
  const { situs, m, a } = p;
  const t = m.konten.publik;
  const href = (path: string) => situsHref(situs, path);
  return (
    <SitusLayout
      situs={situs}
      m={m}
      title={a.judul}
      description={a.ringkasan ?? p.deskripsi}
      canonical={p.canonical}
      image={p.gambarAbsolut ?? undefined}
      ogType="article"
      head={
        <>
          {kontenHead}
          {a.terbit_pada ? <meta property="article:published_time" content={a.terbit_pada} /> : null}
          <meta property="article:modified_time" content={a.diperbarui_pada} />
        </>
      }
    >
      <article class="artikel">
        <p class="muted">
          <a href={href(p.daftar.path)}>{p.daftar.judul}</a>
          {a.k_slug ? (
            <>
              {' · '}
              <a href={href(`/artikel/kategori/${a.k_slug}`)}>{a.k_nama}</a>
            </>
          ) : null}
        </p>
        <h1>{a.judul}</h1>
        <p class="muted">
          {t.diterbitkan} <time dateTime={a.terbit_pada ?? ''}>{tanggalDesa(a.terbit_pada, langOf(m))}</time>
        </p>
        {a.jenis === 'agenda' && a.agenda_mulai ? (
          <dl class="rincian">
            <dt>{t.waktu}</dt>
            <dd>
              <time dateTime={a.agenda_mulai}>{formatDateTime(a.agenda_mulai, langOf(m))}</time>
              {a.agenda_selesai ? ` – ${formatDateTime(a.agenda_selesai, langOf(m))}` : ''}
            </dd>
            {a.agenda_tempat ? (
              <>
                <dt>{t.tempat}</dt>
                <dd>{a.agenda_tempat}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {a.jenis === 'produk-hukum' && a.hukum_jenis ? (
          <dl class="rincian">
            <dt>{m.konten.form.hukumJenis}</dt>
            <dd>{m.konten.hukum[a.hukum_jenis]}</dd>
            <dt>{t.nomor}</dt>
            <dd>{a.hukum_nomor}</dd>
            <dt>{t.tahun}</dt>
            <dd>{a.hukum_tahun}</dd>
          </dl>
        ) : null}
        {a.g_berkas ? (
          <Gambar
            berkas={a.g_berkas}
            varian={a.g_varian}
            lebar={a.g_lebar}
            tinggi={a.g_tinggi}
            href={href}
            tampil={720}
            sizes="(max-width: 46rem) 100vw, 46rem"
            alt=""
            lazy={false}
          />
        ) : null}
        {/* sanitised against the allowlist when saved (lib/sanitasi) */}
        <div class="isi" dangerouslySetInnerHTML={{ __html: a.isi_html }} />
        {a.l_berkas ? (
          <p>
            <a href={href(pdfPath(a.l_berkas))} type="application/pdf">
              {t.lampiran}
            </a>{' '}
            <span class="muted">({Math.max(1, Math.round((a.l_ukuran ?? 0) / 1024))} KB)</span>
          </p>
        ) : null}
      </article>
    </SitusLayout>
  );
}
