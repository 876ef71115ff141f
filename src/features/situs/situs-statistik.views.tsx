import type { BarisTabel, TabelStatistik } from '#src/domain/statistik-hitung.js';
import type { KategoriDef } from '#src/domain/statistik-kategori.js';
import { formatDate } from '#src/features/penduduk/penduduk-display.js';
import { SEMUA_KATEGORI } from '#src/features/statistik/statistik.service.js';
import type { AngkaPokok } from '#src/features/statistik/statistik-rincian.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { BarChart } from '#src/lib/views/charts/bar-chart.js';
import { DonutChart } from '#src/lib/views/charts/donut-chart.js';
import { AngkaKunci, angkaPublik } from './situs-bagian.js';
import { bahasa, type Situs, situsHref } from './situs-context.js';
import { SitusLayout } from './situs-layout.js';

/** Categories with this many rows or fewer are drawn as a donut, longer ones as bars (as on the office pages). */
const MAKS_DONAT = 6;

interface Umum {
  situs: Situs;
  m: Messages;
  canonical: string;
  min: number;
  tanggal: string;
}

function DaftarKategori({ situs, m, aktif }: { situs: Situs; m: Messages; aktif?: string }) {
  return (
    <nav class="kategori" aria-labelledby="h-kategori">
      <h2 id="h-kategori">{m.situs.statistik.semua}</h2>
      <ul>
        {SEMUA_KATEGORI.map((k) => (
          <li key={k.slug}>
            <a href={situsHref(situs, `/statistik/${k.slug}`)} aria-current={k.slug === aktif ? 'page' : undefined}>
              {k.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function StatistikIndexPage(p: Umum & { angka: AngkaPokok }) {
  const { situs, m } = p;
  const t = m.situs.statistik;
  return (
    <SitusLayout
      situs={situs}
      m={m}
      title={t.judul}
      description={t.deskripsi(situs.nama)}
      canonical={p.canonical}
      aktif="/statistik"
    >
      <h1>
        {t.judul} {situs.nama}
      </h1>
      <AngkaKunci angka={p.angka} min={p.min} m={m} />
      <p class="muted">{t.perTanggal(formatDate(p.tanggal, bahasa(m)))}</p>
      <DaftarKategori situs={situs} m={m} />
    </SitusLayout>
  );
}

/**
 * The chart draws only what may be published exactly: groups of at least `min` residents (the table shows the
 * others as "<min"), one series (the total), so that no drawn bar or slice stands for one or two people.
 */
function Grafik({ def, tabel, min, m }: { def: KategoriDef; tabel: TabelStatistik; min: number; m: Messages }) {
  const judul = m.situs.statistik.judulKategori(def.label);
  const bm = tabel.belumMengisi;
  const rows = [...tabel.baris, { ...bm, label: m.situs.statistik.belumMengisi }].filter(
    (b) => b.jumlah >= Math.max(1, min),
  );
  const label = rows.map((b) => b.label);
  const nilai = rows.map((b) => b.jumlah);
  if (def.baris !== 'dinamis' && def.baris.length <= MAKS_DONAT) {
    return <DonutChart id="g-kategori" judul={judul} label={label} nilai={nilai} />;
  }
  return (
    <BarChart
      id="g-kategori"
      judul={judul}
      label={label}
      seri={[{ nama: m.situs.statistik.jumlah, nilai, kelas: 'seri-1' }]}
    />
  );
}

function Baris({ b, total, min, kepala }: { b: BarisTabel; total: number; min: number; kepala?: boolean }) {
  const sel = (n: number) => {
    const v = angkaPublik(n, min);
    // a share of a hidden count would give the count away
    const share = v.startsWith('<') ? '–' : total === 0 ? '0' : ((n / total) * 100).toFixed(1).replace('.', ',');
    return [v, share] as const;
  };
  const cells = [sel(b.jumlah), sel(b.laki), sel(b.perempuan)];
  return (
    <tr class={kepala ? 'ringkasan' : undefined}>
      <th scope="row">{b.label}</th>
      {cells.flatMap(([v, s], i) => [
        <td key={`n${i}`} class="angka">
          {v}
        </td>,
        <td key={`p${i}`} class="angka">
          {s}
        </td>,
      ])}
    </tr>
  );
}

function Tabel({ def, tabel, min, m }: { def: KategoriDef; tabel: TabelStatistik; min: number; m: Messages }) {
  const t = m.situs.statistik;
  const total = tabel.total.jumlah;
  return (
    <div class="table-wrap">
      <table class="statistik">
        <caption>{t.judulKategori(def.label)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.kelompok}</th>
            <th scope="col" class="angka">
              {t.jumlah}
            </th>
            <th scope="col" class="angka">
              {t.persen}
            </th>
            <th scope="col" class="angka">
              {t.laki}
            </th>
            <th scope="col" class="angka">
              {t.persen}
            </th>
            <th scope="col" class="angka">
              {t.perempuan}
            </th>
            <th scope="col" class="angka">
              {t.persen}
            </th>
          </tr>
        </thead>
        <tbody>
          {tabel.baris.map((b) => (
            <Baris key={b.kode} b={b} total={total} min={min} />
          ))}
        </tbody>
        <tfoot>
          <Baris b={tabel.jumlah} total={total} min={min} kepala />
          <Baris b={tabel.belumMengisi} total={total} min={min} kepala />
          <Baris b={tabel.total} total={total} min={min} kepala />
        </tfoot>
      </table>
    </div>
  );
}

export function StatistikKategoriPage(p: Umum & { def: KategoriDef; tabel: TabelStatistik }) {
  const { situs, m, def, tabel } = p;
  const t = m.situs.statistik;
  return (
    <SitusLayout
      situs={situs}
      m={m}
      title={t.judulKategori(def.label)}
      description={`${t.judulKategori(def.label)} · ${situs.nama}`}
      canonical={p.canonical}
      aktif="/statistik"
    >
      <p class="jejak">
        <a href={situsHref(situs, '/statistik')}>{t.judul}</a>
      </p>
      <h1>{t.judulKategori(def.label)}</h1>
      <p class="muted">
        {t.perTanggal(formatDate(p.tanggal, bahasa(m)))} {p.min > 1 ? t.sel(p.min) : ''}
      </p>
      <Grafik def={def} tabel={tabel} min={p.min} m={m} />
      <Tabel def={def} tabel={tabel} min={p.min} m={m} />
      <DaftarKategori situs={situs} m={m} aktif={def.slug} />
    </SitusLayout>
  );
}
