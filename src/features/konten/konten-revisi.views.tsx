import type { FormState } from '#src/lib/forms/form.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { ErrorSummary, Field, PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { KontenMenu } from './konten-admin.views.js';

export function RevisiDaftarPage(p: {
  ctx: PageCtx;
  kode: string;
  artikel: { id: number; judul: string };
  revisi: { id: number; judul: string; oleh: string; pada: string }[];
}) {
  const { ctx, kode, artikel } = p;
  const t = ctx.m.konten.revisi;
  const base = `/desa/${kode}/web/artikel/${artikel.id}`;
  return (
    <Layout ctx={ctx} title={t.judul.replace('{judul}', artikel.judul)} above={<KontenMenu ctx={ctx} kode={kode} />}>
      <p>
        <a href={base}>{t.kembali}</a>
      </p>
      {p.revisi.length === 0 ? (
        <p>{t.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{ctx.m.konten.admin.kolomJudul}</th>
                <th scope="col">{t.oleh}</th>
                <th scope="col">{t.pada}</th>
              </tr>
            </thead>
            <tbody>
              {p.revisi.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`${base}/revisi/${r.id}`}>{r.judul}</a>
                  </td>
                  <td>{r.oleh}</td>
                  <td>{formatDateTime(r.pada, ctx.lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** One old version, shown as it would be published (the stored HTML is the sanitised one), with "restore". */
export function RevisiPage(p: {
  ctx: PageCtx;
  kode: string;
  artikel: { id: number };
  revisi: { id: number; judul: string; ringkasan: string | null; isi_html: string; oleh: string; pada: string };
  bolehUbah: boolean;
}) {
  const { ctx, kode, revisi } = p;
  const t = ctx.m.konten.revisi;
  const base = `/desa/${kode}/web/artikel/${p.artikel.id}`;
  return (
    <Layout ctx={ctx} title={t.versi.replace('{id}', String(revisi.id))} above={<KontenMenu ctx={ctx} kode={kode} />}>
      <p>
        <a href={`${base}/revisi`}>{ctx.m.konten.form.riwayat}</a> · <a href={base}>{t.kembali}</a>
      </p>
      <p class="muted">
        {revisi.oleh} · {formatDateTime(revisi.pada, ctx.lang)}
      </p>
      <article class="card">
        <h2>{revisi.judul}</h2>
        {revisi.ringkasan ? <p>{revisi.ringkasan}</p> : null}
        {/* sanitised when it was saved */}
        <div dangerouslySetInnerHTML={{ __html: revisi.isi_html }} />
      </article>
      {p.bolehUbah ? (
        <PostForm action={`${base}/revisi/${revisi.id}`}>
          <button type="submit" name="intent" value="pulihkan">
            {t.pulihkan}
          </button>
        </PostForm>
      ) : null}
    </Layout>
  );
}

export function KategoriPage(p: {
  ctx: PageCtx;
  kode: string;
  kategori: { id: number; nama: string; slug: string }[];
  state: FormState;
}) {
  const { ctx, kode } = p;
  const t = ctx.m.konten.kategori;
  const base = `/desa/${kode}/web/kategori`;
  return (
    <Layout ctx={ctx} title={t.judul} above={<KontenMenu ctx={ctx} kode={kode} />}>
      {p.kategori.length === 0 ? <p>{t.kosong}</p> : null}
      <ul>
        {p.kategori.map((k) => (
          <li key={k.id}>
            <a href={`/situs/${kode}/artikel/kategori/${k.slug}`}>{k.nama}</a>{' '}
            <PostForm action={`${base}/${k.id}`} class="inline">
              <button type="submit" name="intent" value="hapus" class="link" aria-label={`${t.hapus} ${k.nama}`}>
                {t.hapus}
              </button>
            </PostForm>
          </li>
        ))}
      </ul>
      <h2>{t.tambah}</h2>
      <ErrorSummary state={p.state} />
      <PostForm action={base}>
        <Field name="nama" label={t.nama} state={p.state} />
        <button type="submit">{t.tambah}</button>
      </PostForm>
    </Layout>
  );
}
