import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { type DesaRef, JENIS_LAPORAN, LaporanCrumbs, teksUntuk } from './laporan-ui.js';

/** The reports of a desa, each with one line on what it holds. */
export function LaporanIndeksPage({ ctx, desa }: { ctx: PageCtx; desa: DesaRef }) {
  const t = teksUntuk(ctx.lang);
  return (
    <Layout ctx={ctx} title={`${t.indeks.judul} — ${desa.nama}`} above={<LaporanCrumbs desa={desa} />}>
      <p>{t.indeks.intro}</p>
      <ul class="laporan-indeks">
        {JENIS_LAPORAN.map((j) => (
          <li key={j}>
            <a href={`/desa/${desa.kode}/laporan/${j}`}>{t.judul[j]}</a>
            <span class="hint"> — {t.ket[j]}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
