import { type Angka, jiwa, laki, perempuan } from '#src/domain/laporan-angka.js';
import { geserBulan } from '#src/domain/laporan-bulan.js';
import { GARIS_KELUAR, GARIS_MASUK, JENIS_PINDAH, type Mutasi } from '#src/domain/laporan-mutasi.js';
import { formatDate } from '#src/features/penduduk/penduduk-display.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { LaporanBulanan, Susulan } from './laporan-bulanan.service.js';
import {
  BarisAngka,
  type DesaRef,
  Galat,
  LaporanCrumbs,
  LaporanMenu,
  namaBulan,
  Td,
  type Teks,
  teksUntuk,
  UnduhCetak,
} from './laporan-ui.js';

/** The cells of one line, shared by the page and the workbook: WNI L/P, WNA L/P, L, P, jiwa, KK. */
export function selBulanan(a: Angka): number[] {
  return [a.wni.l, a.wni.p, a.wna.l, a.wna.p, laki(a), perempuan(a), jiwa(a), a.kk];
}

/** The report's lines in order: start, the additions, the removals (moves out with their kinds), end. */
export function barisBulanan(m: Mutasi, t: Teks): { label: string; angka: Angka; sub?: boolean; kunci: string }[] {
  const out: { label: string; angka: Angka; sub?: boolean; kunci: string }[] = [
    { kunci: 'awal', label: t.garis.awal, angka: m.awal },
  ];
  for (const g of GARIS_MASUK) out.push({ kunci: g, label: `+ ${t.garis[g]}`, angka: m.garis[g] });
  for (const g of GARIS_KELUAR) {
    out.push({ kunci: g, label: `− ${t.garis[g]}`, angka: m.garis[g] });
    if (g === 'pindah')
      for (const j of JENIS_PINDAH)
        if (jiwa(m.pindahJenis[j]) > 0 || j !== '0')
          out.push({ kunci: `pindah-${j}`, label: t.jenisPindah[j], angka: m.pindahJenis[j], sub: true });
  }
  out.push({ kunci: 'akhir', label: t.garis.akhir, angka: m.akhir });
  return out;
}

function TabelUtama({ m, t }: { m: Mutasi; t: Teks }) {
  const k = t.kolom;
  return (
    <div class="table-wrap">
      <table class="laporan">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {k.rincian}
            </th>
            <th scope="colgroup" colSpan={2}>
              {k.wni}
            </th>
            <th scope="colgroup" colSpan={2}>
              {k.wna}
            </th>
            <th scope="colgroup" colSpan={3}>
              {k.jumlah}
            </th>
            <th scope="col" rowSpan={2}>
              {k.kk}
            </th>
          </tr>
          <tr>
            {[k.laki, k.perempuan, k.laki, k.perempuan, k.laki, k.perempuan, k.jiwa].map((h, i) => (
              <th scope="col" key={i}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {barisBulanan(m, t).map((b) => (
            <tr key={b.kunci} class={b.sub ? 'sub' : b.kunci === 'awal' || b.kunci === 'akhir' ? 'pokok' : undefined}>
              <th scope="row">{b.sub ? `  ↳ ${b.label}` : b.label}</th>
              {selBulanan(b.angka).map((n, i) => (
                <Td key={i} n={n} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One row per dusun (desa report) or per desa (kecamatan/kabupaten): persons per line, families start/end. */
export function selRingkas(m: Mutasi): number[] {
  return [
    jiwa(m.awal),
    ...GARIS_MASUK.map((g) => jiwa(m.garis[g])),
    ...GARIS_KELUAR.map((g) => jiwa(m.garis[g])),
    jiwa(m.akhir),
    m.awal.kk,
    m.akhir.kk,
  ];
}

function TabelBaris({ laporan, t, desa }: { laporan: LaporanBulanan; t: Teks; desa: boolean }) {
  const heads = [
    t.garis.awal,
    ...GARIS_MASUK.map((g) => t.garis[g]),
    ...GARIS_KELUAR.map((g) => t.garis[g]),
    t.garis.akhir,
    t.kolom.kkAwal,
    t.kolom.kkAkhir,
  ];
  return (
    <section>
      <h2>{desa ? t.perDusun : t.perDesa}</h2>
      <div class="table-wrap">
        <table class="laporan">
          <thead>
            <tr>
              <th scope="col">{desa ? t.kolom.dusun : t.kolom.desa}</th>
              {heads.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {laporan.baris.map((b) => (
              <tr key={b.kode ?? '-'}>
                <th scope="row">{b.nama || t.tanpaDusun}</th>
                {selRingkas(b.mutasi).map((n, i) => (
                  <Td key={i} n={n} />
                ))}
              </tr>
            ))}
            <BarisAngka judul={t.kolom.jumlah} sel={selRingkas(laporan.total)} pokok />
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function TabelSusulan({ rows, ctx, t }: { rows: readonly Susulan[]; ctx: PageCtx; t: Teks }) {
  const s = t.susulan;
  return (
    <section>
      <h2>{s.judul}</h2>
      <p class="hint">{s.intro}</p>
      {rows.length === 0 ? (
        <p>{s.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table class="laporan">
            <thead>
              <tr>
                <th scope="col">{s.nama}</th>
                <th scope="col">{s.peristiwa}</th>
                <th scope="col">{s.tglPeristiwa}</th>
                <th scope="col">{s.tglLapor}</th>
                <th scope="col">{s.jenis}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td>{r.nama}</td>
                  <td>{t.peristiwa[r.kode] ?? r.kode}</td>
                  <td>{formatDate(r.tglPeristiwa, ctx.lang)}</td>
                  <td>{formatDate(r.tglLapor, ctx.lang)}</td>
                  <td>{s[r.jenis]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function BulanForm({ action, bulan, t }: { action: string; bulan: string; t: Teks }) {
  return (
    <form method="get" action={action} class="filters">
      <div class="field">
        <label for="q-bulan">{t.bulan}</label>
        <p class="hint" id="q-bulan-hint">
          {t.bulanHint}
        </p>
        <input
          id="q-bulan"
          name="bulan"
          type="month"
          value={bulan}
          pattern="\d{4}-\d{2}"
          aria-describedby="q-bulan-hint"
        />
      </div>
      <div class="field buttons">
        <button type="submit">{t.tampilkan}</button>
      </div>
    </form>
  );
}

export function BulanNav({ base, bulan, t, berjalan }: { base: string; bulan: string; t: Teks; berjalan: boolean }) {
  return (
    <p class="actions">
      <a href={`${base}?bulan=${geserBulan(bulan, -1)}`}>{t.bulanSebelumnya}</a>
      {!berjalan && (
        <>
          {' · '}
          <a href={`${base}?bulan=${geserBulan(bulan, 1)}`}>{t.bulanBerikutnya}</a>
        </>
      )}
    </p>
  );
}

/**
 * Laporan Bulanan of a desa (`desa` given: with the report menu, rows per dusun) or of a kecamatan/kabupaten
 * (rows per desa). Printable: the browser's print leaves out menus and forms.
 */
export function BulananPage(props: {
  ctx: PageCtx;
  base: string;
  desa: DesaRef | null;
  judulWilayah: string;
  bulan: string;
  laporan: LaporanBulanan | null;
  galat: string | null;
}) {
  const { ctx, laporan, desa } = props;
  const t = teksUntuk(ctx.lang);
  const title = laporan
    ? `${t.judul.bulanan} — ${props.judulWilayah} — ${namaBulan(laporan.rentang.bulan, ctx.lang)}`
    : `${t.judul.bulanan} — ${props.judulWilayah}`;
  return (
    <Layout ctx={ctx} title={title} above={desa ? <LaporanCrumbs desa={desa} /> : undefined}>
      {desa && <LaporanMenu kode={desa.kode} aktif="bulanan" />}
      <BulanForm action={props.base} bulan={props.bulan} t={t} />
      <Galat pesan={props.galat} />
      {laporan && (
        <div class="laporan-cetak">
          <BulanNav base={props.base} bulan={laporan.rentang.bulan} t={t} berjalan={laporan.rentang.berjalan} />
          <UnduhCetak xlsx={`${props.base}.xlsx?bulan=${laporan.rentang.bulan}`} />
          {laporan.rentang.berjalan && (
            <p class="hint">{t.sedangBerjalan(formatDate(laporan.rentang.akhir, ctx.lang))}</p>
          )}
          <TabelUtama m={laporan.total} t={t} />
          <p class="hint">{t.identitasCocok}</p>
          <TabelBaris laporan={laporan} t={t} desa={desa !== null} />
          <TabelSusulan rows={laporan.susulan} ctx={ctx} t={t} />
          {laporan.tanpaPengaruh > 0 && <p class="notice">{t.tanpaPengaruh(laporan.tanpaPengaruh)}</p>}
          <ul class="hint">
            {t.catatanBulanan.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    </Layout>
  );
}
