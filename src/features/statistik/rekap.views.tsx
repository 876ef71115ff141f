import type { Mutasi } from '#src/domain/laporan-mutasi.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { BulanForm, BulanNav, TabelSusulan } from './laporan-bulanan.views.js';
import {
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
import { keteranganRekap, kolomRekap, type Rekap } from './rekap.service.js';

/** Column 33: what "Pindah" holds besides moves out, and persons without a recorded sex. */
export function teksKeterangan(m: Mutasi, t: Teks): string {
  const k = keteranganRekap(m);
  return [
    k.hilang > 0 ? t.rekap.ketHilang(k.hilang) : null,
    k.pergi > 0 ? t.rekap.ketPergi(k.pergi) : null,
    k.tanpaJk > 0 ? t.rekap.ketTanpaJk(k.tanpaJk) : null,
  ]
    .filter(Boolean)
    .join('; ');
}

/** The book's header in three rows, then the column numbers 1–33 as the printed book has them. */
function KepalaRekap({ t }: { t: Teks }) {
  const r = t.rekap;
  const k = t.kolom;
  const lp = [k.laki, k.perempuan];
  const wargaJk = [`${k.wna} ${k.laki}`, `${k.wna} ${k.perempuan}`, `${k.wni} ${k.laki}`, `${k.wni} ${k.perempuan}`];
  const keadaan = (
    <>
      <th scope="colgroup" colSpan={2}>
        {k.wna}
      </th>
      <th scope="colgroup" colSpan={2}>
        {k.wni}
      </th>
      <th scope="col" rowSpan={2}>
        {r.jumlahKk}
      </th>
      <th scope="col" rowSpan={2}>
        {r.anggota}
      </th>
      <th scope="col" rowSpan={2}>
        {r.jiwa}
      </th>
    </>
  );
  return (
    <thead>
      <tr>
        <th scope="col" rowSpan={3}>
          {k.no}
        </th>
        <th scope="col" rowSpan={3}>
          {r.nama}
        </th>
        <th scope="colgroup" colSpan={7}>
          {r.awal}
        </th>
        <th scope="colgroup" colSpan={8}>
          {r.tambahan}
        </th>
        <th scope="colgroup" colSpan={8}>
          {r.pengurangan}
        </th>
        <th scope="colgroup" colSpan={7}>
          {r.akhir}
        </th>
        <th scope="col" rowSpan={3}>
          {r.keterangan}
        </th>
      </tr>
      <tr>
        {keadaan}
        {[r.lahir, r.datang, r.meninggal, r.pindah].map((h) => (
          <th scope="colgroup" colSpan={4} key={h}>
            {h}
          </th>
        ))}
        {keadaan}
      </tr>
      <tr>
        {[...lp, ...lp].map((h, i) => (
          <th scope="col" key={`a${i}`}>
            {h}
          </th>
        ))}
        {[0, 1, 2, 3].flatMap((g) =>
          wargaJk.map((h) => (
            <th scope="col" key={`${g}${h}`}>
              {h}
            </th>
          )),
        )}
        {[...lp, ...lp].map((h, i) => (
          <th scope="col" key={`z${i}`}>
            {h}
          </th>
        ))}
      </tr>
      <tr class="nomor-kolom">
        {Array.from({ length: 33 }, (_, i) => (
          <th scope="col" key={i}>
            {i + 1}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function RekapPage(props: {
  ctx: PageCtx;
  desa: DesaRef;
  bulan: string;
  rekap: Rekap | null;
  galat: string | null;
}) {
  const { ctx, desa, rekap } = props;
  const t = teksUntuk(ctx.lang);
  const base = `/desa/${desa.kode}/laporan/rekap`;
  const title = rekap
    ? `${t.judul.rekap} — ${desa.nama} — ${namaBulan(rekap.rentang.bulan, ctx.lang)}`
    : `${t.judul.rekap} — ${desa.nama}`;
  return (
    <Layout ctx={ctx} title={title} above={<LaporanCrumbs desa={desa} />}>
      <LaporanMenu kode={desa.kode} aktif="rekap" />
      <BulanForm action={base} bulan={props.bulan} t={t} />
      <Galat pesan={props.galat} />
      {rekap && (
        <div class="laporan-cetak laporan-lebar">
          <BulanNav base={base} bulan={rekap.rentang.bulan} t={t} berjalan={rekap.rentang.berjalan} />
          <UnduhCetak xlsx={`${base}.xlsx?bulan=${rekap.rentang.bulan}`} />
          <div class="table-wrap">
            <table class="laporan rekap">
              <KepalaRekap t={t} />
              <tbody>
                {[...rekap.baris, rekap.total].map((b) => (
                  <tr key={b.no ?? 'total'} class={b.no === null ? 'pokok' : undefined}>
                    <td>{b.no ?? ''}</td>
                    <th scope="row">{b.no === null ? t.rekap.jumlah : b.nama || t.tanpaDusun}</th>
                    {kolomRekap(b.mutasi).map((n, i) => (
                      <Td key={i} n={n} />
                    ))}
                    <td>{teksKeterangan(b.mutasi, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="hint">{t.rekap.catatan}</p>
          <TabelSusulan rows={rekap.susulan} ctx={ctx} t={t} />
        </div>
      )}
    </Layout>
  );
}
