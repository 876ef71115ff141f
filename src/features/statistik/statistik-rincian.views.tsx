import { usePage } from '#src/lib/views/page-context.js';
import type { BarisRincian, Rincian } from './statistik-dashboard.service.js';
import { basisStatistik, type Pilihan, tautan, teksStatistik, tulisAngka } from './statistik-tampil.js';

/** The category a dusun row links to (a dusun has no dashboard of its own). */
const KATEGORI_DUSUN = 'rentang-umur';

function Angka({ n }: { n: number }) {
  return <td class="angka">{tulisAngka(n)}</td>;
}

/**
 * The drill-down table of a dashboard: one row per sub-region (kecamatan, desa or dusun) with KK, men, women
 * and total, each linking to that region's statistics, and a closing row equal to the region's own figures.
 */
export function RincianTabel({ kode, rincian, pilihan }: { kode: string; rincian: Rincian; pilihan: Pilihan }) {
  const { m, lang } = usePage();
  const t = teksStatistik(lang).rincian;
  const tingkat = m.tingkat[rincian.tingkat] ?? rincian.tingkat;
  const href = (b: BarisRincian): string | null => {
    if (!b.aktif) return null;
    if (rincian.tingkat === 'dusun')
      return b.dusunId === undefined || b.dusunId === null
        ? null
        : tautan(`${basisStatistik(kode)}/${KATEGORI_DUSUN}`, { per: pilihan.per, lingkungan: b.dusunId });
    return tautan(basisStatistik(b.kode), { per: pilihan.per });
  };
  const nama = (b: BarisRincian) => (rincian.tingkat === 'dusun' && b.dusunId === null ? t.tanpaDusun : b.nama);
  return (
    <section class="rincian" aria-labelledby="rincian-judul">
      <h2 id="rincian-judul">{t.judul(tingkat)}</h2>
      <div class="table-wrap chart-tabel">
        <table class="statistik rincian">
          <caption class="visually-hidden">{t.judul(tingkat)}</caption>
          <thead>
            <tr>
              <th scope="col">{tingkat}</th>
              <th scope="col" class="angka">
                {t.kk}
              </th>
              <th scope="col" class="angka">
                {t.laki}
              </th>
              <th scope="col" class="angka">
                {t.perempuan}
              </th>
              <th scope="col" class="angka">
                {t.jumlah}
              </th>
            </tr>
          </thead>
          <tbody>
            {rincian.baris.map((b) => {
              const link = href(b);
              return (
                <tr key={b.kode}>
                  <th scope="row">
                    {link ? <a href={link}>{nama(b)}</a> : nama(b)}
                    {!b.aktif && <span class="muted"> ({t.belumAktif})</span>}
                  </th>
                  <Angka n={b.keluarga} />
                  <Angka n={b.laki} />
                  <Angka n={b.perempuan} />
                  <Angka n={b.penduduk} />
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr class="total">
              <th scope="row">{t.total}</th>
              <Angka n={rincian.total.keluarga} />
              <Angka n={rincian.total.laki} />
              <Angka n={rincian.total.perempuan} />
              <Angka n={rincian.total.penduduk} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
