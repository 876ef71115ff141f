import { type BarisTabel, persen } from '#src/domain/statistik-hitung.js';
import { unitLabels, unitOptions } from '#src/features/penduduk/penduduk-units.js';
import type { Lang } from '#src/lib/i18n/messages.js';
import { BarChart } from '#src/lib/views/charts/bar-chart.js';
import { DonutChart } from '#src/lib/views/charts/donut-chart.js';
import { Breadcrumbs } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import { PageContext, type PageCtx } from '#src/lib/views/page-context.js';
import { regionTitle } from '#src/lib/views/region-title.js';
import type { KategoriHalaman } from './statistik-kategori.service.js';
import {
  basisStatistik,
  DaftarKategori,
  PerForm,
  type Pilihan,
  type TeksStatistik,
  tautan,
  teksStatistik,
  tulisAngka,
  tulisPersen,
  tulisTanggal,
} from './statistik-tampil.js';

/** Categories with this many rows or fewer are drawn as a donut, longer ones as bars. */
const MAKS_DONAT = 6;
const UNIT_KELUARGA = new Set(['keluarga-sejahtera', 'rumah-tangga-dtks']);

function Sel({ n, total }: { n: number; total: number }) {
  return (
    <>
      <td class="angka">{tulisAngka(n)}</td>
      <td class="angka">{tulisPersen(persen(n, total))}</td>
    </>
  );
}

function Baris({ b, no, total }: { b: BarisTabel; no: number | null; total: number }) {
  return (
    <tr class={no === null ? 'ringkasan' : undefined}>
      <td class="angka">{no ?? ''}</td>
      <th scope="row">{b.label}</th>
      <Sel n={b.jumlah} total={total} />
      <Sel n={b.laki} total={total} />
      <Sel n={b.perempuan} total={total} />
    </tr>
  );
}

/**
 * The reference's table: one row per code, then JUMLAH, BELUM MENGISI and TOTAL; count and share (of TOTAL,
 * as the incumbent computes it) for all, men and women.
 */
export function TabelReferensi({ data, t }: { data: KategoriHalaman; t: TeksStatistik }) {
  const { tabel } = data;
  const total = tabel.total.jumlah;
  const k = t.kategori;
  return (
    <div class="table-wrap chart-tabel">
      <table class="statistik referensi">
        <caption>{k.tabel(data.def.label)}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {k.no}
            </th>
            <th scope="col" rowSpan={2}>
              {k.kelompok}
            </th>
            <th scope="colgroup" colSpan={2} class="angka">
              {k.jumlah}
            </th>
            <th scope="colgroup" colSpan={2} class="angka">
              {k.laki}
            </th>
            <th scope="colgroup" colSpan={2} class="angka">
              {k.perempuan}
            </th>
          </tr>
          <tr>
            {[0, 1, 2].flatMap((i) => [
              <th key={`n${i}`} scope="col" class="angka">
                {k.n}
              </th>,
              <th key={`p${i}`} scope="col" class="angka">
                {k.persen}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {tabel.baris.map((b, i) => (
            <Baris key={b.kode} b={b} no={i + 1} total={total} />
          ))}
        </tbody>
        <tfoot>
          <Baris b={tabel.jumlah} no={null} total={total} />
          <Baris b={tabel.belumMengisi} no={null} total={total} />
          <Baris b={tabel.total} no={null} total={total} />
        </tfoot>
      </table>
    </div>
  );
}

function Catatan({ data, t, lang }: { data: KategoriHalaman; t: TeksStatistik; lang: Lang }) {
  return (
    <p class="muted">
      {t.per.keterangan(tulisTanggal(data.tanggal, lang))} {t.per.catatan} {t.kategori.persenKet}{' '}
      {UNIT_KELUARGA.has(data.def.slug) ? t.kategori.keluargaKet : ''}
      {data.def.sumber === 'meninggal' ? t.kategori.meninggalKet : ''}
    </p>
  );
}

function Grafik({ data, t }: { data: KategoriHalaman; t: TeksStatistik }) {
  const { tabel, def } = data;
  const judul = t.kategori.grafikJudul(def.label);
  const bm = tabel.belumMengisi;
  if (def.baris !== 'dinamis' && def.baris.length <= MAKS_DONAT) {
    const rows = bm.jumlah > 0 ? [...tabel.baris, { ...bm, label: t.grafik.belumMengisi }] : tabel.baris;
    return (
      <DonutChart id="g-kategori" judul={judul} label={rows.map((b) => b.label)} nilai={rows.map((b) => b.jumlah)} />
    );
  }
  const rows = [
    ...tabel.baris.filter((b) => b.jumlah > 0),
    ...(bm.jumlah > 0 ? [{ ...bm, label: t.grafik.belumMengisi }] : []),
  ];
  return (
    <BarChart
      id="g-kategori"
      judul={judul}
      label={rows.map((b) => b.label)}
      seri={[
        { nama: t.kategori.laki, nilai: rows.map((b) => b.laki), kelas: 'laki' },
        { nama: t.kategori.perempuan, nilai: rows.map((b) => b.perempuan), kelas: 'perempuan' },
      ]}
    />
  );
}

export interface KategoriProps {
  ctx: PageCtx;
  data: KategoriHalaman;
  hariIni: string;
  perInput: string | undefined;
  galat: string | null;
}

/** The name of the chosen unit ("Dusun Krajan / RW 001"), when the figures cover only part of the desa. */
function namaUnit(data: KategoriHalaman, ctx: PageCtx): string | null {
  const u = data.unit;
  return u && u.dipilih !== null ? (unitLabels(u.units, ctx.m).get(u.dipilih) ?? null) : null;
}

/** A category of a region: the date (and unit) form, the chart, the reference table, downloads, other categories. */
export function KategoriPage({ ctx, data, hariIni, perInput, galat }: KategoriProps) {
  const { m, lang } = ctx;
  const t = teksStatistik(lang);
  const { wilayah, def, unit } = data;
  const basis = basisStatistik(wilayah.kode);
  const pilihan: Pilihan = { per: data.tanggal === hariIni ? undefined : data.tanggal, lingkungan: unit?.dipilih };
  const wilayahNama = regionTitle(m, wilayah.tingkat, wilayah.nama);
  const bagian = namaUnit(data, ctx);
  const jejak =
    unit && !unit.bolehSeluruh
      ? []
      : [{ href: tautan(basis, { per: pilihan.per }), label: t.judulDashboard(wilayahNama) }];
  return (
    <Layout ctx={ctx} title={t.judulKategori(def.label, wilayahNama)} above={<Breadcrumbs items={jejak} />}>
      <PerForm action={`${basis}/${def.slug}`} per={perInput} hariIni={hariIni} galat={galat}>
        {unit && (
          <div class="field">
            <label for="q-lingkungan">{t.kategori.lingkungan}</label>
            <p class="hint" id="q-lingkungan-hint">
              {t.kategori.lingkunganHint}
            </p>
            <select id="q-lingkungan" name="lingkungan" aria-describedby="q-lingkungan-hint">
              {unit.bolehSeluruh && <option value="">{t.kategori.seluruhDesa}</option>}
              {unitOptions(unit.units, m).map((o) => (
                <option key={o.value} value={o.value} selected={String(unit.dipilih) === o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </PerForm>
      {bagian && <p class="notice">{t.kategori.bagian(bagian)}</p>}
      <Catatan data={data} t={t} lang={lang} />
      <p class="actions">
        <a href={tautan(`${basis}/${def.slug}.xlsx`, pilihan)}>{t.kategori.unduh}</a>
        <a href={tautan(`${basis}/${def.slug}/cetak`, pilihan)}>{t.kategori.cetak}</a>
      </p>
      <Grafik data={data} t={t} />
      <TabelReferensi data={data} t={t} />
      <DaftarKategori kode={wilayah.kode} pilihan={pilihan} aktif={def.slug} />
    </Layout>
  );
}

/** The printable version: the table on a clean page (no menu, no forms; print CSS in app.css), no script. */
export function KategoriCetakPage({
  ctx,
  data,
  hariIni,
  dicetak,
}: Omit<KategoriProps, 'perInput' | 'galat'> & { dicetak: string }) {
  const { m, lang } = ctx;
  const t = teksStatistik(lang);
  const { wilayah, def } = data;
  const wilayahNama = regionTitle(m, wilayah.tingkat, wilayah.nama);
  const pilihan: Pilihan = { per: data.tanggal === hariIni ? undefined : data.tanggal, lingkungan: data.unit?.dipilih };
  const bagian = namaUnit(data, ctx);
  return (
    <PageContext.Provider value={ctx}>
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${def.label} · ${wilayahNama}`}</title>
          <link rel="stylesheet" href="/aset/app.css" />
          <link rel="stylesheet" href="/aset/grafik.css" />
        </head>
        <body class="print-page">
          <p class="no-print">
            <a href={tautan(`${basisStatistik(wilayah.kode)}/${def.slug}`, pilihan)}>{t.cetak.kembali}</a> ·{' '}
            {t.cetak.petunjuk}
          </p>
          <main>
            <header class="kop">
              <p>
                <strong>{wilayahNama.toUpperCase()}</strong>
                {bagian && (
                  <>
                    <br />
                    {bagian}
                  </>
                )}
              </p>
            </header>
            <h1>{def.label}</h1>
            <Catatan data={data} t={t} lang={lang} />
            <TabelReferensi data={data} t={t} />
            <p class="muted">{t.cetak.dicetak(dicetak)}</p>
          </main>
        </body>
      </html>
    </PageContext.Provider>
  );
}
