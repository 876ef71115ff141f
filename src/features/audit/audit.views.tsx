import { formatDateTime } from '#src/lib/time-zone.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { AuditFilter } from './audit.schema.js';
import type { AuditRow } from './audit.service.js';

interface Props {
  ctx: PageCtx;
  rows: AuditRow[];
  next: number | null;
  filter: AuditFilter;
  entities: string[];
}

const show = (v: unknown) => (v === null || v === undefined ? '∅' : typeof v === 'string' ? v : JSON.stringify(v));

export function AuditPage({ ctx, rows, next, filter, entities }: Props) {
  const { m } = ctx;
  const params = new URLSearchParams();
  for (const key of ['desa', 'pengguna', 'entitas', 'dari', 'sampai'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (next) params.set('sebelum', String(next));
  return (
    <Layout ctx={ctx} title={m.audit.title}>
      <p>{m.audit.intro}</p>
      <form method="get" action="/audit" class="filters" aria-label={m.common.tampilkan}>
        <div class="field">
          <label for="a-desa">{m.audit.desa}</label>
          <input id="a-desa" name="desa" value={filter.desa ?? ''} inputMode="numeric" maxLength={13} />
        </div>
        <div class="field">
          <label for="a-pengguna">{m.audit.siapa}</label>
          <input id="a-pengguna" name="pengguna" value={filter.pengguna ?? ''} maxLength={40} />
        </div>
        <div class="field">
          <label for="a-entitas">{m.audit.entitas}</label>
          <select id="a-entitas" name="entitas">
            <option value="">{m.audit.semua}</option>
            {entities.map((e) => (
              <option key={e} value={e} selected={filter.entitas === e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="a-dari">{m.audit.dari}</label>
          <input id="a-dari" name="dari" type="date" value={filter.dari ?? ''} />
        </div>
        <div class="field">
          <label for="a-sampai">{m.audit.sampai}</label>
          <input id="a-sampai" name="sampai" type="date" value={filter.sampai ?? ''} />
        </div>
        <div class="field buttons">
          <button type="submit">{m.common.tampilkan}</button> <a href="/audit">{m.common.reset}</a>
        </div>
      </form>
      {rows.length === 0 ? (
        <p class="muted">{m.common.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table class="audit">
            <thead>
              <tr>
                <th scope="col">{m.audit.waktu}</th>
                <th scope="col">{m.audit.siapa}</th>
                <th scope="col">{m.audit.aksi}</th>
                <th scope="col">{m.audit.entitas}</th>
                <th scope="col">{m.audit.desa}</th>
                <th scope="col">{m.audit.perubahan}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.waktu, ctx.lang)}</td>
                  <td>
                    {r.username ?? '—'}
                    {r.peran && <span class="muted"> ({m.roles[r.peran] ?? r.peran})</span>}
                  </td>
                  <td>{r.aksi}</td>
                  <td>
                    {r.entitas}
                    {r.entitas_id && <span class="muted"> #{r.entitas_id}</span>}
                  </td>
                  <td>{r.desa_kode ?? '—'}</td>
                  <td>
                    {r.perubahan &&
                      Object.entries(r.perubahan).map(([field, [before, after]]) => (
                        <div key={field}>
                          <code>{field}</code>: {show(before)} → {show(after)}
                        </div>
                      ))}
                    {r.alasan && <div class="muted">{r.alasan}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <p>
          <a href={`/audit?${params.toString()}`}>{m.common.berikutnya}</a>
        </p>
      )}
    </Layout>
  );
}
