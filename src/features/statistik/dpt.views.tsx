import { ALASAN_BUKAN_PEMILIH } from '#src/domain/laporan-dpt.js';
import { formatDate } from '#src/features/penduduk/penduduk-display.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { Dpt, Hitung } from './dpt.service.js';
import {
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

export const jkSingkat = (sex: number | null, t: Teks) =>
  sex === 1 ? t.kolom.laki : sex === 2 ? t.kolom.perempuan : '';

function TabelHitung({ judul, rows, t }: { judul: string; rows: { nama: string; hitung: Hitung }[]; t: Teks }) {
  return (
    <section>
      <h2>{judul}</h2>
      <div class="table-wrap">
        <table class="laporan">
          <thead>
            <tr>
              <th scope="col">{t.kolom.wilayah}</th>
              <th scope="col">{t.kolom.laki}</th>
              <th scope="col">{t.kolom.perempuan}</th>
              <th scope="col">{t.kolom.jumlah}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.nama} class={r.nama === t.kolom.jumlah ? 'pokok' : undefined}>
                <th scope="row">{r.nama}</th>
                <Td n={r.hitung.laki} />
                <Td n={r.hitung.perempuan} />
                <Td n={r.hitung.jumlah} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * DPT of a desa for an election date: the counts per dusun and RT, who was left out and why, and the list
 * (NIK masked unless the user may read NIKs; the download with full NIKs only for them).
 */
export function DptPage(props: {
  ctx: PageCtx;
  desa: DesaRef;
  pemilu: string;
  dpt: Dpt | null;
  nikPenuh: boolean;
  galat: string | null;
}) {
  const { ctx, desa, dpt } = props;
  const t = teksUntuk(ctx.lang);
  const d = t.dpt;
  const base = `/desa/${desa.kode}/laporan/dpt`;
  const title = dpt
    ? `${t.judul.dpt} — ${desa.nama} — ${formatDate(dpt.tanggalPemilu, ctx.lang)}`
    : `${t.judul.dpt} — ${desa.nama}`;
  return (
    <Layout ctx={ctx} title={title} above={<LaporanCrumbs desa={desa} />}>
      <LaporanMenu kode={desa.kode} aktif="dpt" />
      <form method="get" action={base} class="filters">
        <div class="field">
          <label for="q-pemilu">{d.tanggal}</label>
          <p class="hint" id="q-pemilu-hint">
            {d.tanggalHint}
          </p>
          <input
            id="q-pemilu"
            name="pemilu"
            type="date"
            value={props.pemilu}
            required
            aria-describedby="q-pemilu-hint"
          />
        </div>
        <div class="field buttons">
          <button type="submit">{t.tampilkan}</button>
        </div>
      </form>
      <Galat pesan={props.galat} />
      <ul class="hint">
        {d.syarat.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {!dpt && !props.galat && <p>{d.isiTanggal}</p>}
      {dpt && (
        <div class="laporan-cetak">
          <UnduhCetak xlsx={props.nikPenuh ? `${base}.xlsx?pemilu=${dpt.tanggalPemilu}` : null}>
            {!props.nikPenuh && <span class="hint">{d.unduhPerluNik} </span>}
          </UnduhCetak>
          <p class="hint">{d.perHariIni(formatDate(dpt.per, ctx.lang))}</p>
          <TabelHitung
            judul={d.rekapDusun}
            t={t}
            rows={[
              ...dpt.perDusun.map((r) => ({ nama: r.dusun?.nama ?? t.tanpaDusun, hitung: r.hitung })),
              { nama: t.kolom.jumlah, hitung: dpt.total },
            ]}
          />
          <TabelHitung
            judul={d.rekapRt}
            t={t}
            rows={dpt.perRt.map((r) => ({ nama: namaWilayah(r.wilayah, t), hitung: r.hitung }))}
          />
          <section>
            <h2>{d.bukan}</h2>
            <ul>
              {ALASAN_BUKAN_PEMILIH.map((a) => (
                <li key={a}>
                  {d.alasan[a]}: {dpt.bukan[a]}
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h2>{d.daftar}</h2>
            <p class="notice">{d.rahasia}</p>
            {!props.nikPenuh && <p class="hint">{d.nikSamar}</p>}
            {dpt.daftar.length === 0 ? (
              <p>{d.kosong}</p>
            ) : (
              <div class="table-wrap">
                <table class="laporan">
                  <thead>
                    <tr>
                      <th scope="col">{t.kolom.no}</th>
                      <th scope="col">{d.nama}</th>
                      <th scope="col">{d.nik}</th>
                      <th scope="col">{d.jk}</th>
                      <th scope="col">{d.umur}</th>
                      <th scope="col">{d.alamat}</th>
                      <th scope="col">{t.kolom.wilayah}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dpt.daftar.map((p, i) => (
                      <tr key={p.id}>
                        <td>{i + 1}</td>
                        <td>{p.nama}</td>
                        <td>
                          <code>{p.nik}</code>
                        </td>
                        <td>{jkSingkat(p.sex, t)}</td>
                        <td class="angka">{p.umur ?? ''}</td>
                        <td>{p.alamat}</td>
                        <td>{namaWilayah(p.wilayah, t)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      )}
    </Layout>
  );
}
