import { codeLabel } from '#src/domain/codes.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { ageText, formatDate, NikText } from './penduduk-display.js';
import type { PendudukListRow } from './penduduk-list.repository.js';
import { NikLookup, type NikLookupState } from './penduduk-list-filters.views.js';

export type CariRow = PendudukListRow & { fullNumbers: boolean };

export interface CariPendudukProps {
  ctx: PageCtx;
  /** the name searched (never a number: those are looked up by POST) */
  q: string;
  rows: CariRow[];
  total: number;
  capped: boolean;
  /** a 16-digit `q` came in the URL and was not searched */
  numberIgnored: boolean;
  /** the user may see NIKs somewhere: the "Cari NIK" form is offered */
  canLookUp: boolean;
  lookup: NikLookupState | null;
}

export function CariPendudukPage({ ctx, q, rows, total, capped, numberIgnored, canLookUp, lookup }: CariPendudukProps) {
  const { m } = ctx;
  const c = m.pendudukUi.cari;
  return (
    <Layout ctx={ctx} title={c.title}>
      <form method="get" action="/penduduk" class="filters" aria-label={c.title}>
        <div class="field">
          <label for="cari-q">{c.label}</label>
          <p class="hint" id="cari-q-hint">
            {c.hint}
          </p>
          <input id="cari-q" name="q" value={q} maxLength={100} aria-describedby="cari-q-hint" autocomplete="off" />
        </div>
        <div class="field buttons">
          <button type="submit">{m.common.tampilkan}</button>
        </div>
      </form>
      {numberIgnored && (
        <p class="notice" role="status">
          {canLookUp ? m.pendudukUi.list.nikDiKotakNama : m.pendudukUi.list.cariNikDitolak}
        </p>
      )}
      {canLookUp && <NikLookup action="/penduduk/cari-nik" lookup={lookup} />}
      {q && <p>{capped ? c.hasilBanyak(rows.length, total) : c.hasil(rows.length, total)}</p>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{m.registry.field.nama}</th>
                <th scope="col">{m.registry.field.nik}</th>
                <th scope="col">{m.registry.field.tanggallahir}</th>
                <th scope="col">{m.registry.field.sex}</th>
                <th scope="col">{m.registry.field.status_dasar}</th>
                <th scope="col">{c.desa}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/penduduk/${r.id}`}>{r.nama}</a>
                  </td>
                  <td>
                    <NikText nik={r.nik} sementara={r.nik_sementara} full={r.fullNumbers} />
                  </td>
                  <td>
                    {formatDate(r.tanggallahir, ctx.lang)} <span class="muted">{ageText(r.tanggallahir, m)}</span>
                  </td>
                  <td>{codeLabel('jenis_kelamin', r.sex) ?? '—'}</td>
                  <td>{codeLabel('status_dasar', r.status_dasar) ?? '—'}</td>
                  <td>
                    <code>{r.desa_kode}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
