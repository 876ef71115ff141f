import type { z } from 'zod';
import { type CodeListName, codeList } from '#src/domain/codes.js';
import { HilangSchema, MatiSchema, PergiSchema, PindahKeluarSchema } from '#src/features/peristiwa/peristiwa.schema.js';
import type { FormState } from '#src/lib/forms/form.js';
import { Breadcrumbs, Field, PostForm, Select, TextArea } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import { type PageCtx, usePage } from '#src/lib/views/page-context.js';
import { FormErrors } from './penduduk-form-fields.views.js';

/** The leaving events recorded from a person's page: URL word → event code and form schema. */
export const LEAVING_EVENTS = {
  mati: { kode: 2, schema: MatiSchema },
  'pindah-keluar': { kode: 3, schema: PindahKeluarSchema },
  hilang: { kode: 4, schema: HilangSchema },
  pergi: { kode: 6, schema: PergiSchema },
} as const;
export type JenisKepergian = keyof typeof LEAVING_EVENTS;

export function isJenisKepergian(value: string): value is JenisKepergian {
  return Object.hasOwn(LEAVING_EVENTS, value);
}

function CodeField({ name, list, state }: { name: string; list: CodeListName; state: FormState }) {
  const { m } = usePage();
  return (
    <Select
      name={name}
      label={m.pendudukUi.peristiwaField[name] ?? name}
      state={state}
      placeholder={m.pendudukUi.form.pilih}
      options={codeList(list).map((c) => ({ value: String(c.code), label: c.label }))}
    />
  );
}

interface Props {
  ctx: PageCtx;
  person: { id: number; nama: string };
  jenis: JenisKepergian;
  state: FormState;
  /** living members who may become head (the person heads an open family with other members) */
  candidates: readonly { id: number; nama: string }[];
  /** the person is the last member of the family they head: the KK closes */
  closesFamily: boolean;
}

/** GET/POST /penduduk/:id/peristiwa/:jenis — death, move out, missing or gone, with the head rule. */
export function EventFormPage({ ctx, person, jenis, state, candidates, closesFamily }: Props) {
  const { m } = ctx;
  const e = m.pendudukUi.events;
  const label = m.pendudukUi.peristiwaField;
  const schema: z.ZodType = LEAVING_EVENTS[jenis].schema;
  const title = `${e.judul[jenis]}: ${person.nama}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      above={<Breadcrumbs items={[{ href: `/penduduk/${person.id}`, label: person.nama }]} />}
    >
      <FormErrors state={state} />
      <PostForm action={`/penduduk/${person.id}/peristiwa/${jenis}`} label={title}>
        {candidates.length > 0 && (
          <fieldset class="group">
            <legend>{label.kepala_baru_id}</legend>
            <Select
              name="kepala_baru_id"
              label={label.kepala_baru_id ?? ''}
              hint={e.kepalaBaruHint(person.nama)}
              state={state}
              placeholder={m.pendudukUi.form.pilih}
              options={candidates.map((c) => ({ value: String(c.id), label: c.nama }))}
            />
          </fieldset>
        )}
        {closesFamily && <p class="notice">{e.kkAkanDitutup}</p>}
        <fieldset class="group">
          <legend>{e.judul[jenis]}</legend>
          <div class="grid2">
            <Field name="tgl_peristiwa" label={label.tgl_peristiwa ?? ''} state={state} schema={schema} type="date" />
            <Field
              name="tgl_lapor"
              label={label.tgl_lapor ?? ''}
              hint={m.pendudukUi.form.tglLaporHint}
              state={state}
              schema={schema}
              type="date"
            />
          </div>
          {jenis === 'mati' && (
            <div class="grid2">
              <Field name="meninggal_di" label={label.meninggal_di ?? ''} state={state} schema={schema} />
              <Field
                name="jam_mati"
                label={label.jam_mati ?? ''}
                hint={m.pendudukUi.form.jamHint}
                state={state}
                schema={schema}
              />
              <CodeField name="sebab" list="sebab_kematian" state={state} />
              <CodeField name="penolong_mati" list="penolong_kematian" state={state} />
              <Field name="akta_mati" label={label.akta_mati ?? ''} state={state} schema={schema} />
            </div>
          )}
          {jenis === 'pindah-keluar' && (
            <div class="grid2">
              <CodeField name="ref_pindah" list="jenis_pindah" state={state} />
              <Field name="alamat_tujuan" label={label.alamat_tujuan ?? ''} state={state} schema={schema} />
            </div>
          )}
          <TextArea name="catatan" label={label.catatan ?? ''} state={state} />
        </fieldset>
        <button type="submit">{e.simpan}</button>
      </PostForm>
    </Layout>
  );
}
