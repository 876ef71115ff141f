import { WargaLayout } from '#src/features/mandiri/warga-layout.js';
import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { megabita } from '#src/lib/gambar/ditolak.js';
import { fill } from '#src/lib/i18n/messages.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { ErrorSummary, Field, PostForm, Select } from '#src/lib/views/components.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { JENIS_DOKUMEN } from './dokumen.service.js';

export interface DokumenItem {
  id: number;
  jenis: number;
  nama: string;
  mime: string;
  ukuran: number;
  dibuat_pada: string;
}

export const labelJenisDokumen = (jenis: number) => JENIS_DOKUMEN().find((j) => j.code === jenis)?.label ?? '';

export function DokumenPage(props: {
  ctx: PageCtx;
  desa: string;
  dokumen: DokumenItem[];
  batasByte: number;
  state?: FormState;
}) {
  const { ctx } = props;
  const state = props.state ?? emptyForm();
  const t = ctx.m.permohonan.dokumen;
  return (
    <WargaLayout ctx={ctx} title={t.judul} signedIn desa={props.desa}>
      <p>{fill(t.intro, { mb: megabita(props.batasByte) })}</p>
      <ErrorSummary state={state} />
      <PostForm action="/layanan-mandiri/dokumen" multipart label={t.unggah}>
        <Select
          name="jenis"
          label={t.jenis}
          state={state}
          options={JENIS_DOKUMEN().map((j) => ({ value: String(j.code), label: j.label }))}
        />
        <Field name="nama" label={t.nama} hint={t.namaHint} state={state} />
        <div class={state.errors.berkas ? 'field has-error' : 'field'}>
          <label for="f-berkas">{t.berkas}</label>
          {state.errors.berkas && (
            <p class="error" id="f-berkas-error">
              {state.errors.berkas}
            </p>
          )}
          <input
            id="f-berkas"
            name="berkas"
            type="file"
            required
            accept="image/jpeg,image/png,application/pdf"
            aria-describedby={state.errors.berkas ? 'f-berkas-error' : undefined}
          />
        </div>
        <button type="submit">{t.unggah}</button>
      </PostForm>
      <h2>{t.judul}</h2>
      {props.dokumen.length === 0 ? (
        <p>{t.kosong}</p>
      ) : (
        <ul class="daftar-item">
          {props.dokumen.map((d) => (
            <li key={d.id}>
              <p>
                <strong>{labelJenisDokumen(d.jenis)}</strong>
                {d.nama ? ` · ${d.nama}` : ''} · {formatDateTime(String(d.dibuat_pada), ctx.lang)} ·{' '}
                {megabita(d.ukuran)} MB
              </p>
              <p>
                <a href={`/layanan-mandiri/dokumen/${d.id}`}>{t.lihat}</a>{' '}
                <PostForm action={`/layanan-mandiri/dokumen/${d.id}/hapus`} class="inline">
                  <button type="submit" class="link">
                    {t.hapus}
                  </button>
                </PostForm>
              </p>
            </li>
          ))}
        </ul>
      )}
    </WargaLayout>
  );
}
