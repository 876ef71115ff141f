import { formatDate } from '#src/features/penduduk/penduduk-display.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { AngkaKunci, angkaPublik, DaftarItem } from './situs-bagian.js';
import { bahasa, type Situs, situsHref } from './situs-context.js';
import type { Beranda, Portal } from './situs-halaman.service.js';
import { hrefBeritaPortal } from './situs-halaman.service.js';
import { SitusLayout } from './situs-layout.js';

interface Umum {
  situs: Situs;
  m: Messages;
  canonical: string;
  /** smallest count shown exactly (BALAI_STATISTIK_SEL_MIN) */
  min: number;
}

/** A desa's home page: welcome, key figures, announcements, news, agenda, services. */
export function BerandaDesaPage(p: Umum & { data: Beranda }) {
  const { situs, m, data } = p;
  const t = m.situs.beranda;
  const href = (path: string) => situsHref(situs, path);
  const item = (x: { href: string }) => href(x.href);
  return (
    <SitusLayout
      situs={situs}
      m={m}
      title={m.situs.menu.beranda}
      description={t.deskripsi(situs.nama, situs.induk?.nama ?? '')}
      canonical={p.canonical}
      aktif="/"
    >
      <h1>{t.selamatDatang(situs.nama)}</h1>
      {data.pengumuman.length > 0 ? (
        <section class="pengumuman" aria-labelledby="h-pengumuman">
          <h2 id="h-pengumuman">{t.pengumuman}</h2>
          <DaftarItem items={data.pengumuman} href={item} m={m} />
        </section>
      ) : null}
      <section aria-labelledby="h-angka">
        <h2 id="h-angka">{t.angka}</h2>
        <AngkaKunci angka={data.angka} min={p.min} m={m} />
        <p class="muted">
          {t.perTanggal(formatDate(data.tanggal, bahasa(m)))} <a href={href('/statistik')}>{t.lihatStatistik}</a>
        </p>
      </section>
      <div class="kolom">
        <section aria-labelledby="h-berita">
          <h2 id="h-berita">{t.berita}</h2>
          <DaftarItem items={data.berita} href={item} m={m} gambar />
          {data.berita.length > 0 ? (
            <p>
              <a href={href('/artikel')}>{t.semuaBerita}</a>
            </p>
          ) : null}
        </section>
        <section aria-labelledby="h-agenda">
          <h2 id="h-agenda">{t.agenda}</h2>
          <DaftarItem items={data.agenda} href={item} m={m} jam />
          <h2>{t.layanan}</h2>
          <ul class="layanan">
            <li>
              <a href={href('/pengaduan')}>{m.situs.menu.pengaduan}</a>
            </li>
            <li>
              <a href={href('/kontak#verifikasi')}>{m.situs.kaki.verifikasi}</a>
            </li>
            <li>
              <a href={href('/profil')}>{m.situs.menu.profil}</a>
            </li>
          </ul>
        </section>
      </div>
    </SitusLayout>
  );
}

/** A kecamatan or kabupaten portal: key figures summed over its desa, the desa with their sites, their news. */
export function PortalPage(p: Umum & { data: Portal }) {
  const { situs, m, data } = p;
  const t = m.situs;
  const href = (path: string) => situsHref(situs, path);
  const perKecamatan = situs.level === 'kabupaten';
  return (
    <SitusLayout
      situs={situs}
      m={m}
      title={t.menu.beranda}
      description={t.portal.deskripsi(situs.nama)}
      canonical={p.canonical}
      aktif="/"
    >
      <h1>{situs.nama}</h1>
      <section aria-labelledby="h-angka">
        <h2 id="h-angka">{t.beranda.angka}</h2>
        <AngkaKunci angka={data.angka} min={p.min} m={m} desa={data.desa.length} />
        <p class="muted">
          {t.beranda.perTanggal(formatDate(data.tanggal, bahasa(m)))}{' '}
          <a href={href('/statistik')}>{t.beranda.lihatStatistik}</a>
        </p>
      </section>
      <section aria-labelledby="h-desa">
        <h2 id="h-desa">{t.portal.daftarDesa}</h2>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t.portal.daftarDesa}</caption>
            <thead>
              <tr>
                <th scope="col">{t.statistik.desa}</th>
                {perKecamatan ? <th scope="col">{t.profil.kecamatan}</th> : null}
                <th scope="col" class="angka">
                  {t.beranda.penduduk}
                </th>
                <th scope="col" class="angka">
                  {t.beranda.keluarga}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.desa.map((d) => (
                <tr key={d.kode}>
                  <th scope="row">
                    <a href={d.href}>{d.nama}</a>
                  </th>
                  {perKecamatan ? <td>{d.kecamatan}</td> : null}
                  <td class="angka">{angkaPublik(d.angka.penduduk, p.min)}</td>
                  <td class="angka">{angkaPublik(d.angka.keluarga, p.min)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="h-berita">
        <h2 id="h-berita">{t.portal.beritaDesa}</h2>
        <DaftarItem
          items={data.berita}
          href={(x) => hrefBeritaPortal(x, data.desa)}
          asal={(x) => data.desa.find((d) => d.kode === x.desaKode)?.nama ?? null}
          m={m}
        />
      </section>
      <p>
        <a href={href('/kamera')}>{t.portal.kamera}</a>
      </p>
    </SitusLayout>
  );
}
