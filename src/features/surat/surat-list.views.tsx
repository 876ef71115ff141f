import { formatDate } from '#src/features/penduduk/penduduk-display.js';
import { Breadcrumbs } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { usePage } from '#src/lib/views/page-context.js';
import type { searchSurat } from './surat.repository.js';
import { STATUS_FILTER } from './surat.schema.js';

export type SuratListRow = Awaited<ReturnType<typeof searchSurat>>[number];
export interface DesaRef {
  kode: string;
  nama: string;
}

/** "Desa X › Surat": where the letter screens sit. */
export function SuratCrumbs({ desa, surat = true }: { desa: DesaRef; surat?: boolean }) {
  const { m } = usePage();
  const items = [{ href: `/desa/${desa.kode}`, label: desa.nama }];
  if (surat) items.push({ href: `/desa/${desa.kode}/surat`, label: m.surat.ui.arsip.judul });
  return <Breadcrumbs items={items} />;
}

/** Status as a reader says it: "Diajukan — Menunggu kepala desa". */
export function StatusText({ status, langkah }: { status: string; langkah: string | null }) {
  const { m } = usePage();
  const u = m.surat.ui;
  return (
    <span class={`badge status-${status}`}>
      {u.status[status] ?? status}
      {status === 'diajukan' && langkah ? ` — ${u.langkah[langkah] ?? langkah}` : ''}
    </span>
  );
}

function SuratTable({ kode, rows }: { kode: string; rows: readonly SuratListRow[] }) {
  const { m, lang } = usePage();
  const a = m.surat.ui.arsip;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{a.kolomNomor}</th>
            <th scope="col">{a.kolomTanggal}</th>
            <th scope="col">{a.kolomJenis}</th>
            <th scope="col">{a.kolomNama}</th>
            <th scope="col">{a.kolomStatus}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`/desa/${kode}/surat/${r.id}`}>{r.nomor ?? `#${r.id} (${a.belumBernomor})`}</a>
              </td>
              <td>{formatDate(r.tanggal ?? r.dibuat_pada, lang)}</td>
              <td>{r.jenis_nama}</td>
              <td>{r.subjek_nama}</td>
              <td>
                <StatusText status={r.status} langkah={r.langkah} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface ArsipProps {
  ctx: PageCtx;
  desa: DesaRef;
  /** the filters as typed (for the form and the page links) */
  query: Record<string, string>;
  rows: SuratListRow[];
  page: number;
  hasNext: boolean;
  /** letters waiting at a step the user approves (first page); null when not shown */
  menunggu: SuratListRow[] | null;
  /** the user approves letters here ("menunggu saya" filter) */
  bisaMenyetujui: boolean;
  jenis: readonly { id: number; nama: string }[];
  canWrite: boolean;
  /** may change the desa's letter settings, reserved numbers and templates */
  canSetting?: boolean;
}

function withPage(query: Record<string, string>, page: number): string {
  const params = new URLSearchParams(Object.entries(query).filter(([k, v]) => v !== '' && k !== 'halaman'));
  if (page > 1) params.set('halaman', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The archive: letters waiting for the user first, then every letter, filtered and paged (newest first). */
export function ArsipPage(props: ArsipProps) {
  const { ctx, desa, query } = props;
  const u = ctx.m.surat.ui;
  const a = u.arsip;
  const base = `/desa/${desa.kode}/surat`;
  const q = (k: string) => query[k] ?? '';
  return (
    <Layout ctx={ctx} title={a.judul} above={<SuratCrumbs desa={desa} surat={false} />}>
      <p class="actions">
        {props.canWrite && (
          <a class="button" href={`${base}/baru`}>
            {a.buat}
          </a>
        )}{' '}
        <a href={`${base}/agenda`}>{a.agenda}</a>
        {props.canSetting && (
          <>
            {' · '}
            <a href={`${base}/setelan`}>{ctx.m.suratSetelan.setelan.judulDesa}</a>
            {' · '}
            <a href={`${base}/nomor-cadangan`}>{ctx.m.suratSetelan.cadangan.judul}</a>
            {' · '}
            <a href={`${base}/template`}>{ctx.m.suratSetelan.templat.judul}</a>
          </>
        )}
      </p>
      {props.menunggu && (
        <section aria-labelledby="menunggu">
          <h2 id="menunggu">{a.menungguAnda}</h2>
          {props.menunggu.length === 0 ? (
            <p>{ctx.m.common.kosong}</p>
          ) : (
            <>
              <SuratTable kode={desa.kode} rows={props.menunggu} />
              <p>
                <a href={`${base}?status=menunggu`}>{a.semuaMenunggu}</a>
              </p>
            </>
          )}
        </section>
      )}
      <form method="get" action={base} class="filters" aria-label={a.filter}>
        <div class="field wide">
          <label for="q-q">{a.cari}</label>
          <p class="hint" id="q-q-hint">
            {a.cariHint}
          </p>
          <input id="q-q" name="q" type="search" value={q('q')} maxLength={100} aria-describedby="q-q-hint" />
        </div>
        <div class="field">
          <label for="q-jenis">{a.jenis}</label>
          <select id="q-jenis" name="jenis">
            <option value="">{a.semuaJenis}</option>
            {props.jenis.map((j) => (
              <option key={j.id} value={String(j.id)} selected={q('jenis') === String(j.id)}>
                {j.nama}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="q-status">{a.status}</label>
          <select id="q-status" name="status">
            <option value="">{a.semuaStatus}</option>
            {STATUS_FILTER.filter((s) => s !== 'menunggu' || props.bisaMenyetujui).map((s) => (
              <option key={s} value={s} selected={q('status') === s}>
                {s === 'menunggu' ? a.menungguSaya : u.status[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="q-dari">{a.dari}</label>
          <input id="q-dari" name="dari" type="date" value={q('dari')} />
        </div>
        <div class="field">
          <label for="q-sampai">{a.sampai}</label>
          <input id="q-sampai" name="sampai" type="date" value={q('sampai')} />
        </div>
        <div class="field buttons">
          <button type="submit">{ctx.m.common.tampilkan}</button> <a href={base}>{ctx.m.common.reset}</a>
        </div>
      </form>
      {props.rows.length === 0 ? <p>{a.kosong}</p> : <SuratTable kode={desa.kode} rows={props.rows} />}
      {(props.page > 1 || props.hasNext) && (
        <nav class="pager" aria-label={a.halaman}>
          {props.page > 1 && (
            <a rel="prev" href={`${base}${withPage(query, props.page - 1)}`}>
              {a.sebelumnya}
            </a>
          )}
          <span>
            {a.halaman} {props.page}
          </span>
          {props.hasNext && (
            <a rel="next" href={`${base}${withPage(query, props.page + 1)}`}>
              {a.berikutnya}
            </a>
          )}
        </nav>
      )}
    </Layout>
  );
}

export interface JenisItem {
  slug: string;
  kode: string;
  nama: string;
}

/** Step 1 of a new letter: the type, the most used first, filtered by a simple GET search. */
export function PilihJenisPage(props: {
  ctx: PageCtx;
  desa: DesaRef;
  q: string;
  sering: readonly JenisItem[];
  semua: readonly JenisItem[];
}) {
  const { ctx, desa } = props;
  const j = ctx.m.surat.ui.jenis;
  const base = `/desa/${desa.kode}/surat/baru`;
  const list = (items: readonly JenisItem[]) => (
    <ul class="jenis-list">
      {items.map((x) => (
        <li key={x.slug}>
          <a href={`${base}/${x.slug}`}>{x.nama}</a> <span class="muted">{x.kode}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <Layout ctx={ctx} title={j.judul} above={<SuratCrumbs desa={desa} />}>
      <form method="get" action={base} class="filters" aria-label={j.cari}>
        <div class="field wide">
          <label for="q-q">{j.cari}</label>
          <input id="q-q" name="q" type="search" value={props.q} maxLength={100} />
        </div>
        <div class="field buttons">
          <button type="submit">{j.tombolCari}</button>
        </div>
      </form>
      {props.sering.length > 0 && (
        <section aria-labelledby="sering">
          <h2 id="sering">{j.sering}</h2>
          {list(props.sering)}
        </section>
      )}
      <section aria-labelledby="semua">
        <h2 id="semua">{j.semua}</h2>
        {props.semua.length === 0 ? <p>{j.kosong}</p> : list(props.semua)}
      </section>
    </Layout>
  );
}
