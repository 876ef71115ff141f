import { Pager } from '#src/features/konten/konten-gambar.views.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { DaftarFilter } from './konten.schema.js';
import { JENIS_ARTIKEL, type JenisArtikel, STATUS_ARTIKEL, type StatusArtikel } from './konten.table.js';

export interface BarisAdmin {
  id: number;
  jenis: JenisArtikel;
  judul: string;
  status: StatusArtikel;
  terbit_pada: string | null;
  diperbarui_pada: string;
  diperbarui_oleh: string;
}

/** The links every content page of the office shows: articles, categories, gallery, the public site. */
export function KontenMenu({ ctx, kode }: { ctx: PageCtx; kode: string }) {
  const t = ctx.m.konten.admin;
  const base = `/desa/${kode}/web`;
  return (
    <p class="actions">
      <a href={`${base}/artikel`}>{t.judul}</a> · <a href={`${base}/kategori`}>{t.kategori}</a> ·{' '}
      <a href={`${base}/galeri`}>{t.galeri}</a> · <a href={`/situs/${kode}`}>{t.lihatSitus}</a>
    </p>
  );
}

/** The desa's articles with filters (kind, status, title) and pages of 20. */
export function KontenDaftarPage(p: {
  ctx: PageCtx;
  kode: string;
  filter: DaftarFilter;
  rows: BarisAdmin[];
  total: number;
  per: number;
}) {
  const { ctx, kode, filter } = p;
  const { m } = ctx;
  const t = m.konten.admin;
  const base = `/desa/${kode}/web/artikel`;
  const qs = (n: number) => {
    const params = new URLSearchParams();
    if (filter.jenis) params.set('jenis', filter.jenis);
    if (filter.status) params.set('status', filter.status);
    if (filter.q) params.set('q', filter.q);
    if (n > 1) params.set('halaman', String(n));
    const s = params.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <Layout ctx={ctx} title={t.judul} above={<KontenMenu ctx={ctx} kode={kode} />}>
      <p class="actions">
        <a class="button" href={`${base}/baru`}>
          {t.baru}
        </a>
      </p>
      <form method="get" action={base} class="filters" aria-label={t.filter}>
        <div class="field">
          <label for="q-jenis">{m.konten.form.jenis}</label>
          <select id="q-jenis" name="jenis">
            <option value="">{t.semua}</option>
            {JENIS_ARTIKEL.map((j) => (
              <option key={j} value={j} selected={filter.jenis === j}>
                {m.konten.jenis[j]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="q-status">{t.kolomStatus}</label>
          <select id="q-status" name="status">
            <option value="">{t.semua}</option>
            {STATUS_ARTIKEL.map((s) => (
              <option key={s} value={s} selected={filter.status === s}>
                {m.konten.status[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="q-q">{t.cari}</label>
          <input id="q-q" name="q" type="search" value={filter.q ?? ''} maxLength={100} />
        </div>
        <div class="field buttons">
          <button type="submit">{t.filter}</button>
        </div>
      </form>
      {p.rows.length === 0 ? (
        <p>{t.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.kolomJudul}</th>
                <th scope="col">{t.kolomJenis}</th>
                <th scope="col">{t.kolomStatus}</th>
                <th scope="col">{t.kolomDiubah}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`${base}/${r.id}`}>{r.judul}</a>
                  </td>
                  <td>{m.konten.jenis[r.jenis]}</td>
                  <td>
                    <span class={`badge status-${r.status}`}>{m.konten.status[r.status]}</span>
                    {r.status === 'terjadwal' && r.terbit_pada ? (
                      <span class="muted"> {formatDateTime(r.terbit_pada, ctx.lang)}</span>
                    ) : null}
                  </td>
                  <td>
                    {formatDateTime(r.diperbarui_pada, ctx.lang)} <span class="muted">{r.diperbarui_oleh}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager halaman={filter.halaman} total={p.total} per={p.per} href={qs} t={t} />
    </Layout>
  );
}
