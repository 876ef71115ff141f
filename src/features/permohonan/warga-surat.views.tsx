import { WargaLayout } from '#src/features/mandiri/warga-layout.js';
import { isianHintSchema } from '#src/features/surat/surat.schema.js';
import { type InputType, Isi } from '#src/features/surat/surat-form-kontrol.views.js';
import type { Isian, JenisSurat } from '#src/features/surat/surat-jenis.schema.js';
import { HARI } from '#src/features/surat/surat-nilai-tanggal.js';
import type { DokumenItem } from '#src/features/warga-portal/dokumen.views.js';
import { labelJenisDokumen } from '#src/features/warga-portal/dokumen.views.js';
import { emptyForm, type FormState, fieldAttrs } from '#src/lib/forms/form.js';
import { fill } from '#src/lib/i18n/messages.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { ErrorSummary, Field, PostForm, TextArea } from '#src/lib/views/components.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { PermohonanRow } from './permohonan.repository.js';
import { PermohonanFormSchema } from './permohonan.schema.js';

interface Base {
  ctx: PageCtx;
  desa: string;
}

const BASE = '/layanan-mandiri/surat';

export function StatusLabel({ ctx, status }: { ctx: PageCtx; status: number }) {
  return <span class={`status status-${status}`}>{ctx.m.permohonan.status[status] ?? String(status)}</span>;
}

export function DaftarSuratWargaPage({ ctx, desa, rows }: Base & { rows: PermohonanRow[] }) {
  const t = ctx.m.permohonan.warga;
  return (
    <WargaLayout ctx={ctx} title={t.judul} signedIn desa={desa}>
      <p>
        <a href={`${BASE}/baru`}>{t.buat}</a>
      </p>
      {rows.length === 0 ? (
        <p>{t.kosong}</p>
      ) : (
        <ul class="daftar-item">
          {rows.map((r) => (
            <li key={r.id}>
              <p>
                <a href={`${BASE}/${r.id}`}>{r.jenis_nama}</a>
              </p>
              <p>
                <StatusLabel ctx={ctx} status={r.status} /> · {t.antrian} {r.nomor_antrian} ·{' '}
                {formatDateTime(String(r.dibuat_pada), ctx.lang)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </WargaLayout>
  );
}

export function PilihJenisPage({ ctx, desa, jenis }: Base & { jenis: { slug: string; nama: string }[] }) {
  const t = ctx.m.permohonan.warga;
  return (
    <WargaLayout ctx={ctx} title={t.pilihJudul} signedIn desa={desa}>
      <p>{jenis.length === 0 ? t.pilihKosong : t.pilihIntro}</p>
      <ul class="daftar-item">
        {jenis.map((j) => (
          <li key={j.slug}>
            <a href={`${BASE}/baru/${j.slug}`}>{j.nama}</a>
          </li>
        ))}
      </ul>
    </WargaLayout>
  );
}

const INPUT_TYPE: Partial<Record<Isian['tipe'], InputType>> = {
  email: 'email',
  url: 'url',
  date: 'date',
  'hari-tanggal': 'date',
  time: 'time',
};

export function FormPermohonanPage(
  props: Base & { nama: string; jenis: JenisSurat; dokumen: DokumenItem[]; state?: FormState },
) {
  const { ctx, jenis } = props;
  const state = props.state ?? emptyForm();
  const t = ctx.m.permohonan.warga;
  const hints = isianHintSchema(jenis);
  const dipilih = new Set((state.values.dokumen ?? '').split(',').filter(Boolean));
  const syarat = jenis.syarat.map(labelJenisDokumen).filter(Boolean);
  return (
    <WargaLayout ctx={ctx} title={jenis.nama} signedIn desa={props.desa}>
      <p>{fill(t.formIntro, { nama: props.nama })}</p>
      {syarat.length > 0 && (
        <>
          <h2>{t.syarat}</h2>
          <ul>
            {syarat.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      )}
      <ErrorSummary state={state} />
      <PostForm action={`${BASE}/baru/${jenis.slug}`} label={jenis.nama}>
        {jenis.isian.map((f) => {
          const name = `isian.${f.kode}`;
          const attrs = fieldAttrs(hints, name);
          const pilihan =
            f.tipe === 'select'
              ? (f.pilihan ?? []).map((p) => ({ value: p, label: p }))
              : f.tipe === 'hari'
                ? HARI.map((x) => ({ value: x, label: x }))
                : undefined;
          return (
            <Isi
              key={f.kode}
              name={name}
              label={f.nama}
              hint={f.deskripsi}
              value={state.values[name] ?? ''}
              error={state.errors[name]}
              required={attrs.required === true}
              maxLength={attrs.maxLength}
              type={INPUT_TYPE[f.tipe] ?? 'text'}
              inputMode={f.tipe === 'number' ? 'decimal' : 'text'}
              textarea={f.tipe === 'textarea'}
              {...(pilihan ? { pilihan } : {})}
            />
          );
        })}
        <fieldset class={state.errors.dokumen ? 'group has-error' : 'group'}>
          <legend>{t.dokumen}</legend>
          {state.errors.dokumen && (
            <p class="error" id="f-dokumen">
              {state.errors.dokumen}
            </p>
          )}
          {props.dokumen.length === 0 ? (
            <p>
              {t.dokumenKosong} <a href="/layanan-mandiri/dokumen">{t.unggahDulu}</a>
            </p>
          ) : (
            <>
              <p class="hint">{t.dokumenHint}</p>
              {props.dokumen.map((d) => (
                <div key={d.id} class="check">
                  <input
                    type="checkbox"
                    id={`dok-${d.id}`}
                    name="dokumen"
                    value={String(d.id)}
                    checked={dipilih.has(String(d.id))}
                  />
                  <label for={`dok-${d.id}`}>
                    {labelJenisDokumen(d.jenis)}
                    {d.nama ? ` · ${d.nama}` : ''}
                  </label>
                </div>
              ))}
            </>
          )}
        </fieldset>
        <Field
          name="telepon"
          label={t.telepon}
          hint={t.teleponHint}
          type="tel"
          inputMode="tel"
          autocomplete="tel"
          state={state}
          schema={PermohonanFormSchema}
        />
        <TextArea name="catatan" label={t.catatan} state={state} />
        <button type="submit">{t.kirim}</button>
      </PostForm>
    </WargaLayout>
  );
}
