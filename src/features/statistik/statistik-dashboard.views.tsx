import type { ComponentChildren } from 'preact';
import type { TabelStatistik } from '#src/domain/statistik-hitung.js';
import { BarChart } from '#src/lib/views/charts/bar-chart.js';
import { formatBulan } from '#src/lib/views/charts/chart-scale.js';
import { DonutChart } from '#src/lib/views/charts/donut-chart.js';
import { LineChart } from '#src/lib/views/charts/line-chart.js';
import { PyramidChart } from '#src/lib/views/charts/pyramid-chart.js';
import { Breadcrumbs } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { regionTitle } from '#src/lib/views/region-title.js';
import type { DashboardData } from './statistik-dashboard.service.js';
import { tabelKategori } from './statistik-rincian.js';
import { RincianTabel } from './statistik-rincian.views.js';
import {
  basisStatistik,
  DaftarKategori,
  PerForm,
  type Pilihan,
  type TeksStatistik,
  tautan,
  teksStatistik,
  tulisAngka,
  tulisTanggal,
} from './statistik-tampil.js';

export interface DashboardProps {
  ctx: PageCtx;
  data: DashboardData;
  hariIni: string;
  /** the date as typed (kept in the form, also when invalid) */
  perInput: string | undefined;
  galat: string | null;
  jejak: { href: string; label: string }[];
}

/** Coded rows, plus "belum mengisi" when someone lacks the value (charts show who is missing too). */
function barisGrafik(tabel: TabelStatistik, t: TeksStatistik, tanpaNol = false) {
  const rows = tabel.baris.filter((b) => !tanpaNol || b.jumlah > 0);
  const out = rows.map((b) => ({ label: b.label, laki: b.laki, perempuan: b.perempuan, jumlah: b.jumlah }));
  const bm = tabel.belumMengisi;
  if (bm.jumlah > 0)
    out.push({ label: t.grafik.belumMengisi, laki: bm.laki, perempuan: bm.perempuan, jumlah: bm.jumlah });
  return out;
}

/** The `n` largest rows, the rest summed as "Lainnya" (occupations: 89 codes). */
function teratas(rows: ReturnType<typeof barisGrafik>, n: number, lainnya: string) {
  if (rows.length <= n) return rows;
  const sorted = [...rows].sort((a, b) => b.jumlah - a.jumlah);
  const rest = sorted.slice(n);
  const sum = (k: 'laki' | 'perempuan' | 'jumlah') => rest.reduce((s, r) => s + r[k], 0);
  return [
    ...sorted.slice(0, n),
    { label: lainnya, laki: sum('laki'), perempuan: sum('perempuan'), jumlah: sum('jumlah') },
  ];
}

function Kartu({ href, label, children }: { href: string; label: string; children: ComponentChildren }) {
  return (
    <section class="card grafik">
      {children}
      <p>
        <a href={href}>{label}</a>
      </p>
    </section>
  );
}

/** A region's dashboard: key figures, charts (with their tables), the monthly trend and the drill-down. */
export function DashboardPage({ ctx, data, hariIni, perInput, galat, jejak }: DashboardProps) {
  const { m, lang } = ctx;
  const t = teksStatistik(lang);
  const { wilayah, hitungan, angka } = data;
  const basis = basisStatistik(wilayah.kode);
  const pilihan: Pilihan = { per: data.tanggal === hariIni ? undefined : data.tanggal };
  const ke = (slug: string) => tautan(`${basis}/${slug}`, pilihan);
  const tabel = (slug: string) => tabelKategori(hitungan, slug);
  const umur = tabel('rentang-umur');
  const jk = barisGrafik(tabel('jenis-kelamin'), t);
  const agama = barisGrafik(tabel('agama'), t, true);
  const pendidikan = barisGrafik(tabel('pendidikan-dalam-kk'), t);
  const kerja = teratas(barisGrafik(tabel('pekerjaan'), t, true), 10, t.grafik.lainnya);
  const sexSeri = (rows: typeof jk) => [
    { nama: t.angka.laki, nilai: rows.map((r) => r.laki), kelas: 'laki' },
    { nama: t.angka.perempuan, nilai: rows.map((r) => r.perempuan), kelas: 'perempuan' },
  ];

  return (
    <Layout
      ctx={ctx}
      title={t.judulDashboard(regionTitle(m, wilayah.tingkat, wilayah.nama))}
      above={<Breadcrumbs items={jejak} />}
    >
      <PerForm action={basis} per={perInput} hariIni={hariIni} galat={galat} />
      <p class="muted">
        {data.tanggal === hariIni
          ? t.per.hariIni(tulisTanggal(data.tanggal, lang))
          : t.per.keterangan(tulisTanggal(data.tanggal, lang))}{' '}
        {t.per.catatan} {t.per.hanyaHidup}
      </p>

      <section aria-labelledby="angka-pokok">
        <h2 id="angka-pokok">{t.angka.judul}</h2>
        <dl class="stats angka-pokok">
          {(['penduduk', 'laki', 'perempuan', 'keluarga', 'rumahTangga'] as const).map((k) => (
            <div key={k}>
              <dt>{t.angka[k]}</dt>
              <dd>{tulisAngka(angka[k])}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div class="cards">
        <Kartu href={ke('rentang-umur')} label={t.lihatKategori}>
          <PyramidChart
            id="g-piramida"
            judul={t.grafik.piramida}
            label={umur.baris.map((b) => b.label)}
            laki={umur.baris.map((b) => b.laki)}
            perempuan={umur.baris.map((b) => b.perempuan)}
          />
          {umur.belumMengisi.jumlah > 0 && (
            <p class="muted">{t.grafik.tanpaUmur(tulisAngka(umur.belumMengisi.jumlah))}</p>
          )}
        </Kartu>
        <Kartu href={ke('jenis-kelamin')} label={t.lihatKategori}>
          <DonutChart
            id="g-jenis-kelamin"
            judul={t.grafik.jenisKelamin}
            label={jk.map((r) => r.label)}
            nilai={jk.map((r) => r.jumlah)}
          />
        </Kartu>
        <Kartu href={ke('agama')} label={t.lihatKategori}>
          <DonutChart
            id="g-agama"
            judul={t.grafik.agama}
            label={agama.map((r) => r.label)}
            nilai={agama.map((r) => r.jumlah)}
          />
        </Kartu>
        <Kartu href={ke('pendidikan-dalam-kk')} label={t.lihatKategori}>
          <BarChart
            id="g-pendidikan"
            judul={t.grafik.pendidikan}
            label={pendidikan.map((r) => r.label)}
            seri={sexSeri(pendidikan)}
            satuan={t.grafik.satuanJiwa}
          />
        </Kartu>
        <Kartu href={ke('pekerjaan')} label={t.lihatKategori}>
          <BarChart
            id="g-pekerjaan"
            judul={t.grafik.pekerjaan}
            label={kerja.map((r) => r.label)}
            seri={[{ nama: t.kategori.jumlah, nilai: kerja.map((r) => r.jumlah) }]}
            satuan={t.grafik.satuanJiwa}
          />
        </Kartu>
      </div>

      <LineChart
        id="g-tren"
        judul={t.grafik.tren}
        label={data.tren.map((p) => formatBulan(p.tanggal))}
        seri={[
          { nama: t.angka.penduduk, nilai: data.tren.map((p) => p.penduduk) },
          { nama: t.angka.laki, nilai: data.tren.map((p) => p.laki), kelas: 'laki' },
          { nama: t.angka.perempuan, nilai: data.tren.map((p) => p.perempuan), kelas: 'perempuan' },
        ]}
      />

      {data.rincian && <RincianTabel kode={wilayah.kode} rincian={data.rincian} pilihan={pilihan} />}
      <DaftarKategori kode={wilayah.kode} pilihan={pilihan} />
    </Layout>
  );
}
