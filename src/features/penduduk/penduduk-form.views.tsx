import type { LingkunganRow } from '#src/features/lingkungan/lingkungan.repository.js';
import type { FormState } from '#src/lib/forms/form.js';
import { Breadcrumbs, Field, PostForm, TextArea } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import { type PageCtx, usePage } from '#src/lib/views/page-context.js';
import { capitalise } from '#src/lib/views/region-title.js';
import { ArrivalFamily, FamilyChooser, UnitSelect } from './penduduk-form-family.views.js';
import { FormErrors, PersonFieldsets } from './penduduk-form-fields.views.js';
import type { FamilyOption } from './penduduk-screens.repository.js';

type Desa = { kode: string; nama: string; sebutan: string };

export interface CreatePageProps {
  ctx: PageCtx;
  desa: Desa;
  jenis: 'lahir' | 'masuk' | null;
  state: FormState;
  families: readonly FamilyOption[];
  familiesTruncated: boolean;
  units: readonly LingkunganRow[];
  fullNumbers: boolean;
}

function desaCrumbs(desa: Desa, label: string) {
  const name = `${capitalise(desa.sebutan)} ${desa.nama}`;
  return (
    <Breadcrumbs
      items={[
        { href: `/desa/${desa.kode}`, label: name },
        { href: `/desa/${desa.kode}/penduduk`, label },
      ]}
    />
  );
}

/** Report date and note of the event that brings the person in. */
function Reporting({ state, withEventDate }: { state: FormState; withEventDate: boolean }) {
  const { m } = usePage();
  const f = m.pendudukUi.form;
  return (
    <>
      <div class="grid2">
        {withEventDate && <Field name="tgl_peristiwa" label={f.tglDatang} state={state} type="date" />}
        <Field name="tgl_lapor" label={f.tglLapor} hint={f.tglLaporHint} state={state} type="date" />
      </div>
      <TextArea name="catatan" label={f.catatan} state={state} />
    </>
  );
}

/**
 * A birth's event date is the date of birth, which is the only date on the birth form: a refusal of the event
 * date (e.g. in the future) is shown by that field, so the summary's link has a target and the field is marked.
 */
/** GET /desa/:kode/penduduk/baru: the birth or arrival form (or the choice between them). */
export function CreatePendudukPage(props: CreatePageProps) {
  const { ctx, desa, jenis } = props;
  const { state } = props;
  const { m } = ctx;
  const f = m.pendudukUi.form;
  const base = `/desa/${desa.kode}/penduduk`;
  const title = jenis === 'lahir' ? f.lahirTitle : jenis === 'masuk' ? f.masukTitle : f.baruTitle;
  const family = {
    state,
    families: props.families,
    truncated: props.familiesTruncated,
    fullNumbers: props.fullNumbers,
  };
  return (
    <Layout ctx={ctx} title={title} above={desaCrumbs(desa, m.pendudukUi.nav)}>
      {jenis === null && (
        <>
          <p>{f.pilihJenis}</p>
          <div class="actions">
            <a class="button" href={`${base}/baru?jenis=lahir`}>
              {f.lahirTitle}
            </a>
            <a class="button" href={`${base}/baru?jenis=masuk`}>
              {f.masukTitle}
            </a>
          </div>
        </>
      )}
      {jenis === 'lahir' && (
        <>
          <p>{f.lahirIntro}</p>
          <FormErrors state={state} />
          <PostForm action={`${base}/lahir`} label={title}>
            <PersonFieldsets
              state={state}
              fold
              hints={{ nik: f.nikHint }}
              extra={{
                keluarga: <FamilyChooser {...family} />,
                tempat: <UnitSelect state={state} units={props.units} empty={f.lingkunganSamaKeluarga} />,
              }}
            />
            <fieldset class="group">
              <legend>{f.pelaporan}</legend>
              <Reporting state={state} withEventDate={false} />
            </fieldset>
            <button type="submit">{f.simpanLahir}</button>
          </PostForm>
        </>
      )}
      {jenis === 'masuk' && (
        <>
          <p>{f.masukIntro}</p>
          <FormErrors state={state} />
          <PostForm action={`${base}/masuk`} label={title}>
            <ArrivalFamily {...family} />
            <PersonFieldsets
              state={state}
              fold
              hints={{ nik: f.nikHint }}
              extra={{ tempat: <UnitSelect state={state} units={props.units} empty={f.lingkunganSamaKeluarga} /> }}
            />
            <fieldset class="group">
              <legend>{f.asal}</legend>
              <div class="grid2">
                <Field name="alamat_asal" label={f.alamatAsal} state={state} />
                <Field name="maksud_tujuan_kedatangan" label={f.maksud} state={state} />
              </div>
              <Reporting state={state} withEventDate />
            </fieldset>
            <button type="submit">{f.simpanMasuk}</button>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

export interface EditPageProps {
  ctx: PageCtx;
  person: { id: number; nama: string; desa_kode: string; nik_sementara: string | null };
  versi: number;
  state: FormState;
  units: readonly LingkunganRow[];
  /** after a refused save: fields where the record as saved now differs from the operator's input */
  differences?: readonly { label: string; stored: string }[];
}

/** GET/POST /penduduk/:id/ubah: every field, the version the operator started from kept hidden. */
export function EditPendudukPage({ ctx, person, versi, state, units, differences = [] }: EditPageProps) {
  const { m } = ctx;
  const f = m.pendudukUi.form;
  const hints: Record<string, string> = person.nik_sementara
    ? { nik: f.nikSementaraSekarang(person.nik_sementara) }
    : {};
  return (
    <Layout
      ctx={ctx}
      title={f.ubahTitle(person.nama)}
      above={<Breadcrumbs items={[{ href: `/penduduk/${person.id}`, label: person.nama }]} />}
    >
      <FormErrors state={state} />
      {differences.length > 0 && (
        <section class="notice" aria-labelledby="beda">
          <p id="beda">{f.bedaTersimpan}</p>
          <ul>
            {differences.map((d) => (
              <li key={d.label}>
                <strong>{d.label}</strong>: {d.stored || f.kosong}
              </li>
            ))}
          </ul>
        </section>
      )}
      <PostForm action={`/penduduk/${person.id}/ubah`} label={f.ubahTitle(person.nama)}>
        <input type="hidden" name="versi" value={String(versi)} />
        <PersonFieldsets
          state={state}
          hints={hints}
          extra={{ tempat: <UnitSelect state={state} units={units} empty={f.pilih} /> }}
        />
        <button type="submit">{f.simpanUbah}</button>
      </PostForm>
    </Layout>
  );
}
