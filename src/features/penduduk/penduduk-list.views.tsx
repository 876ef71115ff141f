import { codeLabel } from '#src/domain/codes.js';
import type { LingkunganRow } from '#src/features/lingkungan/lingkungan.repository.js';
import { Breadcrumbs } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { capitalise } from '#src/lib/views/region-title.js';
import { ageText, formatDate, KkText, NikText } from './penduduk-display.js';
import type { PendudukListRow } from './penduduk-list.repository.js';
import { ListFilters, NikLookup, type NikLookupState } from './penduduk-list-filters.views.js';
import { unitLabels } from './penduduk-units.js';

export interface ListPageProps {
  ctx: PageCtx;
  desa: { kode: string; nama: string; sebutan: string };
  /** the query string as given, for the filter form and the page links */
  query: Record<string, string>;
  rows: readonly PendudukListRow[];
  total: number;
  page: number;
  pageSize: number;
  units: readonly LingkunganRow[];
  /** a dusun/RW/RT operator's own unit: only it (and below) is listed */
  ownUnit: number | null;
  fullNumbers: boolean;
  canExport: boolean;
  /** the OpenSID-format download (full numbers: export:penduduk and read:nik) */
  canExportOpenSid?: boolean;
  /** may import OpenSID workbooks into this desa */
  canImport?: boolean;
  /** residents of this list without a KK, left out of the OpenSID-format download */
  tanpaKk?: number;
  canRecord: boolean;
  canReview: boolean;
  /** a 16-digit `q` came in the URL: not searched (numbers are looked up by POST, "Cari NIK") */
  numberIgnored: boolean;
  /** the "Cari NIK" form after a look-up (shown to those who may see NIKs) */
  lookup: NikLookupState | null;
}

const nf = new Intl.NumberFormat('id-ID');

function withPage(query: Record<string, string>, page: number): string {
  const params = new URLSearchParams(Object.entries(query).filter(([k, v]) => v !== '' && k !== 'halaman'));
  if (page > 1) params.set('halaman', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function PendudukListPage(props: ListPageProps) {
  const { ctx, desa, rows, total, page, pageSize, query } = props;
  const { m } = ctx;
  const u = m.pendudukUi;
  const labels = unitLabels(props.units, m);
  const desaName = `${capitalise(desa.sebutan)} ${desa.nama}`;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const exportQuery = withPage(query, 1);
  return (
    <Layout
      ctx={ctx}
      title={u.list.title(desaName)}
      above={<Breadcrumbs items={[{ href: `/desa/${desa.kode}`, label: desaName }]} />}
    >
      <div class="actions">
        {props.canRecord && (
          <>
            <a class="button" href={`/desa/${desa.kode}/penduduk/baru?jenis=lahir`}>
              {u.list.tambahLahir}
            </a>
            <a class="button" href={`/desa/${desa.kode}/penduduk/baru?jenis=masuk`}>
              {u.list.tambahMasuk}
            </a>
          </>
        )}
        {props.canExport && (
          <a class="button secondary" href={`/desa/${desa.kode}/penduduk/ekspor.xlsx${exportQuery}`}>
            {u.list.ekspor}
          </a>
        )}
        {props.canExportOpenSid && (
          <a
            class="button secondary"
            href={`/desa/${desa.kode}/penduduk/ekspor-opensid${exportQuery}`}
            title={m.ekspor.unduhOpenSidHint}
          >
            {m.ekspor.unduhOpenSid}
          </a>
        )}
      </div>
      {props.canExportOpenSid && (props.tanpaKk ?? 0) > 0 && (
        <p class="muted">{m.ekspor.tanpaKk(nf.format(props.tanpaKk ?? 0))}</p>
      )}
      <nav aria-label={u.list.registerDesa} class="subnav">
        <ul>
          {props.ownUnit === null && (
            <>
              <li>
                <a href={`/desa/${desa.kode}/keluarga`}>{m.keluarga.judul}</a>
              </li>
              <li>
                <a href={`/desa/${desa.kode}/rumah-tangga`}>{m.keluarga.rt.judul}</a>
              </li>
              <li>
                <a href={`/desa/${desa.kode}/pindah`}>{m.registry.antrian.pindahJudul}</a>
              </li>
            </>
          )}
          <li>
            <a href={`/desa/${desa.kode}/kualitas-data`}>{u.list.kualitas}</a>
          </li>
          {props.canReview && (
            <li>
              <a href={`/desa/${desa.kode}/duplikat`}>{m.registry.antrian.duplikatJudul}</a>
            </li>
          )}
          {props.canImport && (
            <li>
              <a href={`/desa/${desa.kode}/impor`}>{m.impor.tautan}</a>
            </li>
          )}
        </ul>
      </nav>
      {props.ownUnit !== null && <p class="notice">{u.list.wilayahAnda(labels.get(props.ownUnit) ?? '')}</p>}
      <ListFilters desaKode={desa.kode} query={query} units={props.units} ownUnit={props.ownUnit} />
      {props.numberIgnored && (
        <p class="notice" role="status">
          {props.fullNumbers ? u.list.nikDiKotakNama : u.list.cariNikDitolak}
        </p>
      )}
      {props.fullNumbers && <NikLookup action={`/desa/${desa.kode}/penduduk/cari-nik`} lookup={props.lookup} />}
      {!props.fullNumbers && <p class="muted">{u.list.nikDisamarkan}</p>}
      {rows.length === 0 ? (
        <p class="muted">{u.list.kosong}</p>
      ) : (
        <>
          <p role="status">{u.list.ringkasan(nf.format(first), nf.format(last), nf.format(total))}</p>
          <div class="table-wrap">
            <table class="penduduk">
              <caption class="visually-hidden">{u.list.tabel}</caption>
              <thead>
                <tr>
                  <th scope="col">{u.kolom.nik}</th>
                  <th scope="col">{u.kolom.nama}</th>
                  <th scope="col">{u.kolom.noKk}</th>
                  <th scope="col">{u.kolom.jk}</th>
                  <th scope="col">{u.kolom.lahir}</th>
                  <th scope="col">{u.kolom.wilayah}</th>
                  <th scope="col">{u.kolom.status}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <NikText nik={r.nik} sementara={r.nik_sementara} full={props.fullNumbers} />
                    </td>
                    <td>
                      <a href={`/penduduk/${r.id}`}>{r.nama}</a>
                    </td>
                    <td>
                      <KkText noKk={r.no_kk} full={props.fullNumbers} />
                    </td>
                    <td>{r.sex === 1 ? 'L' : r.sex === 2 ? 'P' : ''}</td>
                    <td>
                      {[r.tempatlahir, formatDate(r.tanggallahir, ctx.lang)].filter(Boolean).join(', ')}
                      {r.tanggallahir && <span class="muted"> ({ageText(r.tanggallahir, m)})</span>}
                    </td>
                    <td>{r.lingkungan_id === null ? '' : (labels.get(r.lingkungan_id) ?? '')}</td>
                    <td>{codeLabel('status_dasar', r.status_dasar)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav class="pager" aria-label={u.list.halaman}>
            {page > 1 && (
              <a rel="prev" href={`/desa/${desa.kode}/penduduk${withPage(query, page - 1)}`}>
                {u.list.sebelumnya}
              </a>
            )}
            <span>
              {u.list.halaman} {nf.format(page)} / {nf.format(Math.max(1, Math.ceil(total / pageSize)))}
            </span>
            {last < total && (
              <a rel="next" href={`/desa/${desa.kode}/penduduk${withPage(query, page + 1)}`}>
                {u.list.berikutnya}
              </a>
            )}
          </nav>
        </>
      )}
    </Layout>
  );
}
