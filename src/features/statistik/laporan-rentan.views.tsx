import { codeLabel } from '#src/domain/codes.js';
import { KODE_CACAT, type Rentan, UMUR_RENTAN } from '#src/domain/laporan-rentan.js';
import { formatDate } from '#src/features/penduduk/penduduk-display.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { LaporanRentan } from './laporan-rentan.service.js';
import type { Tingkat } from './laporan-tempat.js';
import {
  BarisAngka,
  type DesaRef,
  Galat,
  LaporanCrumbs,
  LaporanMenu,
  namaWilayah,
  Td,
  type Teks,
  teksUntuk,
  UnduhCetak,
} from './laporan-ui.js';

/** Column headings after the area, shared by the page and the workbook. */
export function kepalaRentan(t: Teks): string[] {
  return [
    t.rentan.kk,
    t.rentan.jiwa,
    ...UMUR_RENTAN.map((u) => t.rentan.umur[u.kode] ?? u.kode),
    ...KODE_CACAT.map((c) => codeLabel('cacat', c) ?? String(c)),
    t.rentan.sakit,
    t.rentan.hamil,
  ];
}

export function selRentan(r: Rentan): number[] {
  return [
    r.kk,
    r.jiwa,
    ...UMUR_RENTAN.map((u) => r.umur[u.kode] ?? 0),
    ...KODE_CACAT.map((c) => r.cacat[c] ?? 0),
    r.sakitMenahun,
    r.hamil,
  ];
}

function RentanForm(props: { action: string; per: string; tingkat: Tingkat; t: Teks }) {
  const { t } = props;
  return (
    <form method="get" action={props.action} class="filters">
      <div class="field">
        <label for="q-per">{t.per}</label>
        <input id="q-per" name="per" type="date" value={props.per} />
      </div>
      <div class="field">
        <label for="q-tingkat">{t.tingkat}</label>
        <select id="q-tingkat" name="tingkat">
          {(['dusun', 'rw', 'rt'] as const).map((x) => (
            <option key={x} value={x} selected={x === props.tingkat}>
              {t.tingkatNama[x]}
            </option>
          ))}
        </select>
      </div>
      <div class="field buttons">
        <button type="submit">{t.tampilkan}</button>
      </div>
    </form>
  );
}

export function RentanPage(props: {
  ctx: PageCtx;
  desa: DesaRef;
  per: string;
  tingkat: Tingkat;
  laporan: LaporanRentan | null;
  galat: string | null;
}) {
  const { ctx, desa, laporan } = props;
  const t = teksUntuk(ctx.lang);
  const base = `/desa/${desa.kode}/laporan/rentan`;
  const heads = kepalaRentan(t);
  const nUmur = UMUR_RENTAN.length;
  const title = laporan
    ? `${t.judul.rentan} — ${desa.nama} — ${formatDate(laporan.tanggal, ctx.lang)}`
    : `${t.judul.rentan} — ${desa.nama}`;
  return (
    <Layout ctx={ctx} title={title} above={<LaporanCrumbs desa={desa} />}>
      <LaporanMenu kode={desa.kode} aktif="rentan" />
      <RentanForm action={base} per={props.per} tingkat={props.tingkat} t={t} />
      <Galat pesan={props.galat} />
      {laporan && (
        <div class="laporan-cetak laporan-lebar">
          <UnduhCetak xlsx={`${base}.xlsx?per=${laporan.tanggal}&tingkat=${laporan.tingkat}`} />
          <div class="table-wrap">
            <table class="laporan">
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>
                    {t.kolom.wilayah}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {heads[0]}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {heads[1]}
                  </th>
                  <th scope="colgroup" colSpan={nUmur}>
                    {t.rentan.kelompokUmur}
                  </th>
                  <th scope="colgroup" colSpan={KODE_CACAT.length}>
                    {t.rentan.kelompokCacat}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {t.rentan.sakit}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {t.rentan.hamil}
                  </th>
                </tr>
                <tr>
                  {heads.slice(2, 2 + nUmur + KODE_CACAT.length).map((h) => (
                    <th scope="col" key={h}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {laporan.baris.map((b) => (
                  <tr key={b.wilayah.kunci}>
                    <th scope="row">{namaWilayah(b.wilayah, t)}</th>
                    {selRentan(b.rentan).map((n, i) => (
                      <Td key={i} n={n} />
                    ))}
                  </tr>
                ))}
                <BarisAngka judul={t.rentan.jumlah} sel={selRentan(laporan.total)} pokok />
              </tbody>
            </table>
          </div>
          <ul class="hint">
            {t.rentan.catatan.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    </Layout>
  );
}
