import type { ComponentChildren } from 'preact';
import { Breadcrumbs } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { capitalise } from '#src/lib/views/region-title.js';
import { formatDate } from './penduduk-display.js';
import type { QualityWarnings } from './penduduk-kualitas.service.js';
import { unitLabels } from './penduduk-units.js';

interface Props {
  ctx: PageCtx;
  desa: { kode: string; nama: string; sebutan: string };
  warnings: QualityWarnings;
  /** the duplicate review queue of this desa, rendered by the duplicates feature (lead) */
  duplicates?: ComponentChildren;
}

/** Data quality of a desa: residents with warnings by kind, and (below) the duplicate review queue. */
export function KualitasPage({ ctx, desa, warnings, duplicates }: Props) {
  const { m } = ctx;
  const k = m.pendudukUi.kualitas;
  const labels = unitLabels(warnings.units, m);
  const desaName = `${capitalise(desa.sebutan)} ${desa.nama}`;
  return (
    <Layout
      ctx={ctx}
      title={k.title(desaName)}
      above={
        <Breadcrumbs
          items={[
            { href: `/desa/${desa.kode}`, label: desaName },
            { href: `/desa/${desa.kode}/penduduk`, label: m.pendudukUi.nav },
          ]}
        />
      }
    >
      <p>{k.intro}</p>
      {warnings.groups.length === 0 && <p class="flash">{k.kosong}</p>}
      {warnings.groups.map((g) => (
        <section key={g.kode} class="card" aria-labelledby={`w-${g.kode}`}>
          <h2 id={`w-${g.kode}`}>
            {m.registry.peringatan[g.kode] ?? g.kode} <span class="muted">({k.jumlah(g.total)})</span>
          </h2>
          <ul class="plain">
            {g.people.map((p) => (
              <li key={p.id}>
                <a href={`/penduduk/${p.id}`}>{p.nama}</a>
                <span class="muted">
                  {' '}
                  {[formatDate(p.tanggallahir, ctx.lang), p.lingkungan_id === null ? '' : labels.get(p.lingkungan_id)]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
          {g.total > g.people.length && <p class="muted">{k.lainnya(g.total - g.people.length)}</p>}
        </section>
      ))}

      {/* ——— duplicate review queue (added by the lead): pass `duplicates` to fill this section ——— */}
      {duplicates !== undefined && (
        <section id="duplikat" aria-labelledby="duplikat-judul">
          <h2 id="duplikat-judul">{k.duplikat}</h2>
          {duplicates}
        </section>
      )}
      {/* ——— end duplicate review queue ——— */}
    </Layout>
  );
}
