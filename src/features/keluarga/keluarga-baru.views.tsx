import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { Breadcrumbs, ErrorSummary, Field, PostForm, Select } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { capitalise } from '#src/lib/views/region-title.js';
import { NewKkSchema } from './keluarga.schema.js';
import type { DesaInfo } from './keluarga.views.js';
import { codeOptions, NumberText } from './keluarga-ui.js';
import type { ResidentCandidate } from './keluarga-view.repository.js';
import type { UnitOption } from './keluarga-view.service.js';

interface Props {
  ctx: PageCtx;
  desa: DesaInfo;
  cari: string;
  candidates: ResidentCandidate[];
  /** the resident chosen for the new KK */
  chosen: ResidentCandidate | null;
  /** when the chosen resident heads a family with other members: who may take over */
  successors: { id: number; nama: string }[];
  units: UnitOption[];
  state?: FormState;
}

/** New KK for an existing resident: find them (GET search), then the form. */
export function KeluargaBaruPage({
  ctx,
  desa,
  cari,
  candidates,
  chosen,
  successors,
  units,
  state = emptyForm(),
}: Props) {
  const { m } = ctx;
  const k = m.keluarga;
  const base = `/desa/${desa.kode}/keluarga/baru`;
  return (
    <Layout
      ctx={ctx}
      title={k.judulBaru}
      above={
        <Breadcrumbs
          items={[
            { href: `/desa/${desa.kode}`, label: `${capitalise(desa.sebutan)} ${desa.nama}` },
            { href: `/desa/${desa.kode}/keluarga`, label: k.daftarKeluarga },
          ]}
        />
      }
    >
      <p>{k.baruIntro}</p>
      {!chosen && (
        <>
          <form method="get" action={base} class="row">
            <label for="cari">{k.cariPenduduk}</label>
            <input id="cari" name="cari" type="search" value={cari} maxLength={100} />
            <button type="submit" class="small secondary">
              {k.tombolCari}
            </button>
          </form>
          <ErrorSummary state={state} />
          {cari && candidates.length === 0 && <p class="muted">{k.tidakAdaHasil}</p>}
          <ul class="plain">
            {candidates.map((c) => (
              <li key={c.id}>
                <strong>{c.nama}</strong> — <NumberText value={c.nik ?? c.nik_sementara} full /> —{' '}
                {c.keluarga_id === null
                  ? k.tanpaKk
                  : c.kepala_id === c.id
                    ? k.kepalaKkLain(c.no_kk ?? '')
                    : k.diKk(c.no_kk ?? '')}{' '}
                <a href={`${base}?penduduk=${c.id}`}>{k.pilihIni}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {chosen && (
        <section class="card">
          <h2>{k.terpilih}</h2>
          <p>
            <strong>{chosen.nama}</strong> — <NumberText value={chosen.nik ?? chosen.nik_sementara} full /> —{' '}
            {chosen.keluarga_id === null ? k.tanpaKk : k.diKk(chosen.no_kk ?? '')} <a href={base}>{k.pilihLain}</a>
          </p>
          <ErrorSummary state={state} />
          <PostForm action={base} label={k.judulBaru} class="narrow">
            <input type="hidden" name="penduduk_id" value={String(chosen.id)} />
            <Field
              name="no_kk"
              label={k.nomorKk}
              hint={k.nomorKkBaruHint}
              state={state}
              schema={NewKkSchema}
              inputMode="numeric"
            />
            <Field name="alamat" label={k.alamat} state={state} schema={NewKkSchema} />
            <Select
              name="lingkungan_id"
              label={k.wilayahKkBaru}
              hint={k.wilayahKkBaruHint}
              state={state}
              options={units}
              placeholder={k.pilih}
            />
            <Select
              name="kelas_sosial"
              label={k.kelasSosial}
              state={state}
              options={codeOptions(k.sejahteraLabel)}
              placeholder={k.pilih}
            />
            {successors.length > 0 && (
              <Select
                name="kepala_baru_id"
                label={k.kepalaBaru}
                hint={k.kepalaLamaPerluPengganti(chosen.no_kk ?? '')}
                state={state}
                options={successors.map((s) => ({ value: String(s.id), label: s.nama }))}
                placeholder={k.pilih}
              />
            )}
            <button type="submit">{k.buat}</button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
