import type { Grant } from '#src/lib/auth/grants.js';
import { findGrant } from '#src/lib/auth/grants.js';
import { Breadcrumbs, PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { regionTitle } from '#src/lib/views/region-title.js';
import type { RegionDetail } from './wilayah.service.js';

interface Props {
  ctx: PageCtx;
  region: RegionDetail & { ancestors: { kode: string; nama: string; tingkat: string }[] };
  grants: readonly Grant[];
}

/** Region browser: a region's children with their activation state, and activation actions where allowed. */
export function RegionPage({ ctx, region, grants }: Props) {
  const { m } = ctx;
  const can = (
    permission: 'activate:desa' | 'read:wilayah' | 'read:desa' | 'export:penduduk' | 'read:nik',
    kode: string,
  ) => findGrant(grants, permission, { kode }) !== null;
  const isKecamatan = region.tingkat === 'kecamatan';
  // the OpenSID-format export of every active desa inside (full numbers: export and read:nik)
  const canExport =
    region.tingkat !== 'provinsi' &&
    region.anak.some((a) => a.aktif) &&
    can('export:penduduk', region.kode) &&
    can('read:nik', region.kode);
  const inactive = region.anak.filter((a) => !a.aktif).length;
  const crumbs = region.ancestors
    .filter((a) => can('read:wilayah', a.kode))
    .map((a) => ({ href: `/wilayah/${a.kode}`, label: regionTitle(m, a.tingkat, a.nama) }));
  return (
    <Layout ctx={ctx} title={regionTitle(m, region.tingkat, region.nama)} above={<Breadcrumbs items={crumbs} />}>
      <p class="muted">
        {m.common.kode} <code>{region.kode}</code>
      </p>
      {isKecamatan && can('activate:desa', region.kode) && (
        <section class="card">
          <p>{m.wilayah.aktifkanIntro}</p>
          {inactive > 0 ? (
            <PostForm action={`/wilayah/${region.kode}/aktifkan`}>
              <button type="submit">{m.wilayah.aktifkanSemua(region.anak.length)}</button>
            </PostForm>
          ) : (
            <p>
              <strong>{m.wilayah.sudahAktifSemua}</strong>
            </p>
          )}
        </section>
      )}
      {canExport && (
        <p>
          <a class="button secondary" href={`/wilayah/${region.kode}/penduduk/ekspor-opensid`}>
            {m.ekspor.unduhWilayah(regionTitle(m, region.tingkat, region.nama))}
          </a>{' '}
          <span class="muted">{m.ekspor.unduhWilayahHint}</span>
        </p>
      )}
      <h2>{m.wilayah.anak}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{m.common.kode}</th>
              <th scope="col">{m.common.nama}</th>
              <th scope="col">{m.common.tingkat}</th>
              <th scope="col">{m.common.status}</th>
              <th scope="col">{m.common.aksi}</th>
            </tr>
          </thead>
          <tbody>
            {region.anak.map((child) => {
              const village = child.tingkat === 'desa' || child.tingkat === 'kelurahan';
              return (
                <tr key={child.kode}>
                  <td>
                    <code>{child.kode}</code>
                  </td>
                  <td>
                    {!village && can('read:wilayah', child.kode) ? (
                      <a href={`/wilayah/${child.kode}`}>{child.nama}</a>
                    ) : (
                      child.nama
                    )}
                  </td>
                  <td>{m.tingkat[child.tingkat]}</td>
                  <td>
                    {village
                      ? child.aktif
                        ? m.common.aktif
                        : m.common.belumAktif
                      : `${child.desaAktif} ${m.wilayah.desaAktif.toLowerCase()}`}
                  </td>
                  <td>
                    {village && child.aktif && can('read:desa', child.kode) && (
                      <a href={`/desa/${child.kode}`}>{m.wilayah.bukaProfil}</a>
                    )}
                    {village && !child.aktif && can('activate:desa', child.kode) && (
                      <PostForm action={`/wilayah/${child.kode}/aktifkan`} class="inline">
                        <button type="submit" class="small" aria-label={`${m.wilayah.aktifkan} ${child.nama}`}>
                          {m.wilayah.aktifkan}
                        </button>
                      </PostForm>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
