import type { FormState } from '#src/lib/forms/form.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { ErrorSummary, Field, PostForm, Select } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { CADANGAN_MAKS } from './nomor/nomor.service.js';
import { CadanganFormSchema } from './surat-setelan.schema.js';
import { teksSurat } from './surat-setelan.views.js';

interface CadanganBaris {
  id: number;
  lingkup: string;
  urut: number;
  nomor: string;
  keterangan: string;
  dibuat_oleh: string;
  dibuat_pada: string;
}

export function CadanganPage(props: {
  ctx: PageCtx;
  kode: string;
  tahun: number;
  jenis: { slug: string; kode: string; nama: string }[];
  cadangan: CadanganBaris[];
  urut: { lingkup: string; terakhir: number }[];
  state: FormState;
}) {
  const { ctx, state } = props;
  const t = teksSurat(ctx).cadangan;
  const base = `/desa/${props.kode}/surat/nomor-cadangan`;
  const urutan = (l: string) => (l === '*' ? t.semuaSurat : l);
  return (
    <Layout ctx={ctx} title={t.judul}>
      <p>{t.intro}</p>
      <ErrorSummary state={state} />
      <PostForm action={base} label={t.judul}>
        <Select
          name="jenis"
          label={t.jenisLabel}
          state={state}
          placeholder={t.jenisPilih}
          options={props.jenis.map((j) => ({ value: j.slug, label: `${j.kode} · ${j.nama}` }))}
        />
        <Field
          name="kode_lain"
          label={t.kodeLainLabel}
          hint={t.kodeLainHint}
          state={state}
          schema={CadanganFormSchema}
        />
        <div class="field">
          <label for="f-jumlah">{t.jumlahLabel}</label>
          <p class="hint" id="f-jumlah-hint">
            {t.jumlahHint(CADANGAN_MAKS)}
          </p>
          {state.errors.jumlah && <p class="error">{state.errors.jumlah}</p>}
          <input
            id="f-jumlah"
            name="jumlah"
            type="number"
            min={1}
            max={CADANGAN_MAKS}
            required
            value={state.values.jumlah ?? '1'}
            aria-describedby="f-jumlah-hint"
          />
        </div>
        <Field
          name="tanggal"
          type="date"
          label={t.tanggalLabel}
          hint={t.tanggalHint}
          state={state}
          schema={CadanganFormSchema}
        />
        <Field
          name="mulai"
          label={t.mulaiLabel}
          hint={t.mulaiHint}
          state={state}
          schema={CadanganFormSchema}
          inputMode="numeric"
        />
        <Field
          name="keterangan"
          label={t.keteranganLabel}
          hint={t.keteranganHint}
          state={state}
          schema={CadanganFormSchema}
        />
        <button type="submit">{t.tombol}</button>
      </PostForm>

      <h2>{t.daftarJudul(props.tahun)}</h2>
      {props.cadangan.length === 0 ? (
        <p>{t.kosong}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.kolomNomor}</th>
              <th scope="col">{t.kolomUrutan}</th>
              <th scope="col">{t.kolomKeterangan}</th>
              <th scope="col">{t.kolomOleh}</th>
            </tr>
          </thead>
          <tbody>
            {props.cadangan.map((c) => (
              <tr key={c.id}>
                <td>
                  <strong>{c.nomor}</strong>
                </td>
                <td>
                  {urutan(c.lingkup)} #{c.urut}
                </td>
                <td>{c.keterangan}</td>
                <td>
                  {c.dibuat_oleh} · {formatDateTime(c.dibuat_pada, ctx.lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t.urutJudul}</h2>
      {props.urut.length === 0 ? (
        <p>{t.urutKosong}</p>
      ) : (
        <ul>
          {props.urut.map((u) => (
            <li key={u.lingkup}>
              {urutan(u.lingkup)}: <strong>{u.terakhir}</strong>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`${base}?tahun=${props.tahun - 1}`}>{t.tahunLalu}</a> ·{' '}
        <a href={`${base}?tahun=${props.tahun + 1}`}>{t.tahunBerikut}</a>
      </p>
    </Layout>
  );
}
