import type { FormState } from '#src/lib/forms/form.js';
import { Breadcrumbs, ErrorSummary, Field, PostForm, Select } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import { type PageCtx, usePage } from '#src/lib/views/page-context.js';
import { capitalise } from '#src/lib/views/region-title.js';
import type { DesaInfo } from './keluarga.views.js';
import { codeOptions, NumberText, Pager, shownNumber } from './keluarga-ui.js';
import type { ResidentCandidate } from './keluarga-view.repository.js';
import type { RumahTanggaRow } from './rumah-tangga.repository.js';
import { NewRumahTanggaSchema } from './rumah-tangga.schema.js';

interface ListRow {
  id: number;
  nomor: string;
  lingkungan_id: number | null;
  terdaftar_dtks: number;
  kelas_sosial: number | null;
  kepala_nama: string | null;
  jumlah: number | string | null;
}

interface ListProps {
  ctx: PageCtx;
  desa: DesaInfo;
  q: string;
  result: { rows: ListRow[]; total: number; page: number; pageSize: number };
  units: ReadonlyMap<number, string>;
  /** the create form, for those who may change the register */
  create: { cari: string; candidates: ResidentCandidate[]; chosen: ResidentCandidate | null; state: FormState } | null;
}

export const desaCrumbs = (desa: DesaInfo) => [
  { href: `/desa/${desa.kode}`, label: `${capitalise(desa.sebutan)} ${desa.nama}` },
];

/** Households of a desa, and (for operators) creating one for a chosen head. */
export function RumahTanggaListPage({ ctx, desa, q, result, units, create }: ListProps) {
  const { m } = ctx;
  const r = m.keluarga.rt;
  const base = `/desa/${desa.kode}/rumah-tangga`;
  return (
    <Layout ctx={ctx} title={r.judul} above={<Breadcrumbs items={desaCrumbs(desa)} />}>
      <p>{r.intro}</p>
      <form method="get" action={base} class="filters">
        <div class="field">
          <label for="f-q">{r.cari}</label>
          <input id="f-q" name="q" type="search" value={q} maxLength={100} />
        </div>
        <div class="field">
          <button type="submit">{m.keluarga.tombolCari}</button>
        </div>
      </form>
      <p class="muted" role="status">
        {r.jumlah(result.total)}
      </p>
      {result.rows.length === 0 ? (
        <p class="muted">{r.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{r.nomor}</th>
                <th scope="col">{r.kepala}</th>
                <th scope="col">{m.keluarga.jumlahAnggota}</th>
                <th scope="col">{m.keluarga.wilayah}</th>
                <th scope="col">{r.dtks}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <a href={`/rumah-tangga/${row.id}`}>
                      <code>{row.nomor}</code>
                    </a>
                  </td>
                  <td>{row.kepala_nama ?? '—'}</td>
                  <td>{Number(row.jumlah ?? 0)}</td>
                  <td>{row.lingkungan_id === null ? '—' : (units.get(row.lingkungan_id) ?? '—')}</td>
                  <td>{row.terdaftar_dtks ? m.common.ya : m.common.tidak}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager base={base} params={{ q }} page={result.page} more={result.page * result.pageSize < result.total} />
      {create && <CreateHousehold base={base} create={create} />}
    </Layout>
  );
}

function CreateHousehold({ base, create }: { base: string; create: NonNullable<ListProps['create']> }) {
  const { m } = usePage();
  const r = m.keluarga.rt;
  const k = m.keluarga;
  const { chosen, state } = create;
  return (
    <section class="card" id="buat">
      <h2>{r.buat}</h2>
      <p class="hint">{r.buatIntro}</p>
      {!chosen && (
        <>
          <form method="get" action={`${base}#buat`} class="row">
            <label for="cari">{k.cariPenduduk}</label>
            <input id="cari" name="cari" type="search" value={create.cari} maxLength={100} />
            <button type="submit" class="small secondary">
              {k.tombolCari}
            </button>
          </form>
          <ErrorSummary state={state} />
          {create.cari && create.candidates.length === 0 && <p class="muted">{k.tidakAdaHasil}</p>}
          <ul class="plain">
            {create.candidates.map((c) => (
              <li key={c.id}>
                <strong>{c.nama}</strong> — <NumberText value={c.nik ?? c.nik_sementara} full />
                {c.rumah_tangga_id !== null ? (
                  <span class="muted"> ({r.sudahDiRt})</span>
                ) : (
                  <>
                    {' '}
                    <a href={`${base}?penduduk=${c.id}#buat`}>{k.pilihIni}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {chosen && (
        <>
          <p>
            {r.kepala}: <strong>{chosen.nama}</strong> <a href={`${base}#buat`}>{k.pilihLain}</a>
          </p>
          <ErrorSummary state={state} />
          <PostForm action={base} label={r.buat} class="narrow">
            <input type="hidden" name="kepala_id" value={String(chosen.id)} />
            <HouseholdFields state={state} />
            <button type="submit">{r.buat}</button>
          </PostForm>
        </>
      )}
    </section>
  );
}

/** Welfare class, BDT id and DTKS flag (create and edit forms). */
export function HouseholdFields({
  state,
  idPrefix,
  current,
}: {
  state: FormState;
  idPrefix?: string;
  current?: Pick<RumahTanggaRow, 'kelas_sosial' | 'bdt' | 'terdaftar_dtks'>;
}) {
  const { m } = usePage();
  const r = m.keluarga.rt;
  const prefix = idPrefix ?? 'f';
  // a form shown again after a failed submit keeps what was sent (an unticked box sends nothing)
  const submitted = Object.keys(state.values).length > 0;
  const dtks = submitted ? state.values.terdaftar_dtks === '1' : current?.terdaftar_dtks === 1;
  return (
    <>
      <Select
        name="kelas_sosial"
        label={m.keluarga.kelasSosial}
        state={state}
        idPrefix={prefix}
        options={codeOptions(m.keluarga.sejahteraLabel)}
        value={current?.kelas_sosial ? String(current.kelas_sosial) : ''}
        placeholder={m.keluarga.pilih}
      />
      <Field
        name="bdt"
        label={r.bdt}
        hint={r.bdtHint}
        state={state}
        idPrefix={prefix}
        inputMode="numeric"
        schema={NewRumahTanggaSchema}
        value={current?.bdt ?? null}
      />
      <div class="field">
        <label for={`${prefix}-terdaftar_dtks`}>
          <input type="checkbox" id={`${prefix}-terdaftar_dtks`} name="terdaftar_dtks" value="1" checked={dtks} />{' '}
          {r.dtks}
        </label>
      </div>
    </>
  );
}

/** The household page's facts block. */
export function HouseholdFacts({
  rtm,
  kepala,
  unit,
  fullNumbers,
}: {
  rtm: RumahTanggaRow;
  kepala: { id: number; nama: string } | undefined;
  unit: string | null;
  fullNumbers: boolean;
}) {
  const { m } = usePage();
  const r = m.keluarga.rt;
  return (
    <section class="card">
      <h2>{r.data}</h2>
      <dl class="facts">
        <dt>{r.nomor}</dt>
        <dd>
          <code>{rtm.nomor}</code>
        </dd>
        <dt>{r.kepala}</dt>
        <dd>{kepala ? <a href={`/penduduk/${kepala.id}`}>{kepala.nama}</a> : '—'}</dd>
        <dt>{m.keluarga.wilayah}</dt>
        <dd>{unit ?? '—'}</dd>
        <dt>{m.keluarga.kelasSosial}</dt>
        <dd>{rtm.kelas_sosial === null ? '—' : (m.keluarga.sejahteraLabel[rtm.kelas_sosial] ?? rtm.kelas_sosial)}</dd>
        <dt>{r.dtks}</dt>
        <dd>{rtm.terdaftar_dtks ? m.common.ya : m.common.tidak}</dd>
        <dt>{r.bdt}</dt>
        <dd>
          <code>{shownNumber(rtm.bdt, fullNumbers)}</code>
        </dd>
      </dl>
    </section>
  );
}
