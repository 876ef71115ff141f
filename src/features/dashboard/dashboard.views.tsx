import { isRole, roleHas } from '#src/lib/auth/roles.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { regionTitle } from '#src/lib/views/region-title.js';
import type { ScopeSummary } from './dashboard.service.js';

/** The resident list is offered where one of the user's roles reads residents. */
const readsPenduduk = (peran: readonly string[]) => peran.some((p) => isRole(p) && roleHas(p, 'read:penduduk'));

export function DashboardPage({ ctx, summaries }: { ctx: PageCtx; summaries: ScopeSummary[] }) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.dashboard.title}>
      {summaries.length === 0 && <p class="notice">{m.dashboard.tanpaPeran}</p>}
      <div class="cards">
        {summaries.map((s) => {
          const village = s.tingkat === 'desa' || s.tingkat === 'kelurahan';
          return (
            <section class="card" key={`${s.kode}-${s.lingkungan?.id ?? ''}`} aria-labelledby={`k-${s.kode}`}>
              <h2 id={`k-${s.kode}`}>{regionTitle(m, s.tingkat, s.nama)}</h2>
              <p class="muted">
                {m.dashboard.peranAnda}: {s.peran.map((p) => m.roles[p] ?? p).join(', ')}
              </p>
              {s.lingkungan ? (
                <>
                  <p>
                    {m.lingkungan.wilayahKerja}:{' '}
                    <strong>{`${m.tingkat[s.lingkungan.tingkat]} ${s.lingkungan.nama}`}</strong>
                  </p>
                  <p class="links">
                    <a href={`/lingkungan/${s.lingkungan.id}`}>{m.dashboard.bukaUnit}</a>{' '}
                    {readsPenduduk(s.peran) && <a href={`/desa/${s.kode}/penduduk`}>{m.pendudukUi.nav}</a>}
                  </p>
                </>
              ) : (
                <>
                  <dl class="stats">
                    {!village && (
                      <div>
                        <dt>{m.dashboard.desaAktif}</dt>
                        <dd>
                          {s.desaAktif}{' '}
                          <span class="muted">
                            {m.dashboard.dari} {s.desaTotal}
                          </span>
                        </dd>
                      </div>
                    )}
                    <div>
                      <dt>{m.dashboard.dusun}</dt>
                      <dd>{s.dusun}</dd>
                    </div>
                    <div>
                      <dt>{m.dashboard.rw}</dt>
                      <dd>{s.rw}</dd>
                    </div>
                    <div>
                      <dt>{m.dashboard.rt}</dt>
                      <dd>{s.rt}</dd>
                    </div>
                    <div>
                      <dt>{m.dashboard.pengguna}</dt>
                      <dd>{s.pengguna}</dd>
                    </div>
                  </dl>
                  <p class="links">
                    {village ? (
                      <>
                        {s.desaAktif > 0 && <a href={`/desa/${s.kode}`}>{m.dashboard.bukaDesa}</a>}{' '}
                        {s.desaAktif > 0 && s.peran.some((p) => p !== 'editor-web') && (
                          <a href={`/desa/${s.kode}/lingkungan`}>{m.dashboard.bukaLingkungan}</a>
                        )}{' '}
                        {s.desaAktif > 0 && readsPenduduk(s.peran) && (
                          <a href={`/desa/${s.kode}/penduduk`}>{m.pendudukUi.nav}</a>
                        )}
                      </>
                    ) : (
                      <a href={`/wilayah/${s.kode}`}>{m.dashboard.bukaWilayah}</a>
                    )}
                  </p>
                </>
              )}
            </section>
          );
        })}
      </div>
    </Layout>
  );
}
