import type { FormState } from '#src/lib/forms/form.js';
import { ErrorSummary, Field, PostForm, Select, TextArea } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { JENIS_ARTIKEL, JENIS_HUKUM, KATEGORI_PPID, type StatusArtikel } from './konten.table.js';
import { KontenMenu } from './konten-admin.views.js';
import { KontenLampiran } from './konten-lampiran.views.js';

export interface ArtikelDiForm {
  id: number;
  slug: string;
  status: StatusArtikel;
  terbit_pada: string | null;
  gambar: { berkas: string; varian: unknown } | null;
  lampiran: { berkas: string; nama_asli: string } | null;
}

/** A `datetime-local` input in desa time, with its label and error. */
function WaktuField(p: { name: string; label: string; state: FormState; hint?: string }) {
  const id = `f-${p.name}`;
  const error = p.state.errors[p.name];
  const described = [p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={p.name}
        type="datetime-local"
        value={p.state.values[p.name] ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

/**
 * The article editor: a plain form whose body is a textarea (HTML), turned into a rich-text editor (Trix) by
 * /aset/konten-editor.js when JavaScript runs. Publishing buttons only for those who may publish.
 */
export function KontenFormPage(p: {
  ctx: PageCtx;
  kode: string;
  artikel: ArtikelDiForm | null;
  state: FormState;
  kategori: { id: number; nama: string }[];
  bolehTerbit: boolean;
}) {
  const { ctx, kode, artikel, state } = p;
  const { m } = ctx;
  const f = m.konten.form;
  const action = artikel ? `/desa/${kode}/web/artikel/${artikel.id}` : `/desa/${kode}/web/artikel/baru`;
  const opt = <T extends string>(values: readonly T[], label: (v: T) => string) =>
    values.map((v) => ({ value: v, label: label(v) }));
  return (
    <Layout
      ctx={ctx}
      title={artikel ? m.konten.admin.ubah : m.konten.admin.baru}
      above={<KontenMenu ctx={ctx} kode={kode} />}
    >
      {artikel ? (
        <p>
          <span class={`badge status-${artikel.status}`}>
            {f.status.replace('{status}', m.konten.status[artikel.status])}
          </span>{' '}
          <a href={`/desa/${kode}/web/artikel/${artikel.id}/revisi`}>{f.riwayat}</a>
          {artikel.status === 'terbit' ? (
            <>
              {' · '}
              <a href={`/situs/${kode}/artikel/${artikel.slug}`}>{m.konten.admin.lihatSitus}</a>
            </>
          ) : null}
        </p>
      ) : null}
      {artikel?.status === 'ditahan' ? <p class="notice">{f.ditahanInfo}</p> : null}
      <ErrorSummary state={state} />
      <PostForm action={action} class="konten-form">
        <Select name="jenis" label={f.jenis} state={state} options={opt(JENIS_ARTIKEL, (j) => m.konten.jenis[j])} />
        <Field name="judul" label={f.judul} state={state} />
        <TextArea name="ringkasan" label={f.ringkasan} hint={f.ringkasanHint} state={state} rows={2} />
        <TextArea name="isi" label={f.isi} hint={f.isiHint} state={state} rows={16} />
        <Select
          name="kategori_id"
          label={f.kategori}
          state={state}
          placeholder={f.tanpaKategori}
          options={p.kategori.map((k) => ({ value: String(k.id), label: k.nama }))}
        />
        <fieldset>
          <legend>{m.konten.jenis.agenda}</legend>
          <WaktuField name="agenda_mulai" label={f.agendaMulai} state={state} />
          <WaktuField name="agenda_selesai" label={f.agendaSelesai} state={state} />
          <Field name="agenda_tempat" label={f.agendaTempat} state={state} />
        </fieldset>
        <fieldset>
          <legend>{m.konten.jenis['produk-hukum']}</legend>
          <Select
            name="hukum_jenis"
            label={f.hukumJenis}
            state={state}
            placeholder={f.pilih}
            options={opt(JENIS_HUKUM, (j) => m.konten.hukum[j])}
          />
          <Field name="hukum_nomor" label={f.hukumNomor} state={state} />
          <Field name="hukum_tahun" label={f.hukumTahun} state={state} inputMode="numeric" />
        </fieldset>
        <fieldset>
          <legend>{m.konten.jenis['informasi-publik']}</legend>
          <Select
            name="ppid_kategori"
            label={f.ppid}
            state={state}
            placeholder={f.pilih}
            options={opt(KATEGORI_PPID, (k) => m.konten.ppid[k])}
          />
        </fieldset>
        {p.bolehTerbit ? (
          <WaktuField name="terbit_pada" label={f.terbitPada} hint={f.terbitPadaHint} state={state} />
        ) : null}
        <p class="actions">
          <button type="submit" name="intent" value="simpan" class={p.bolehTerbit ? 'secondary' : undefined}>
            {f.simpanDraf}
          </button>{' '}
          {p.bolehTerbit ? (
            <>
              <button type="submit" name="intent" value="terbit">
                {f.terbitkan}
              </button>{' '}
              <button type="submit" name="intent" value="jadwal" class="secondary">
                {f.jadwalkan}
              </button>
            </>
          ) : null}
        </p>
      </PostForm>
      {artikel ? (
        <KontenLampiran ctx={ctx} kode={kode} artikel={artikel} bolehTerbit={p.bolehTerbit} errors={state.errors} />
      ) : null}
      <link rel="stylesheet" href="/aset/konten-trix.css" />
      <link rel="stylesheet" href="/aset/konten-editor.css" />
      <script src="/aset/konten-trix.js" defer />
      <script src="/aset/konten-editor.js" defer />
    </Layout>
  );
}
