import { Field, Select } from '#src/lib/views/components.js';
import { usePage } from '#src/lib/views/page-context.js';
import { OP } from './keluarga.schema.js';
import type { KeluargaTable } from './keluarga.table.js';
import { codeOptions, type FailedForm, formKey, NumberText, OpForm, stateFor } from './keluarga-ui.js';
import type { MemberDetail, ResidentCandidate } from './keluarga-view.repository.js';
import type { UnitOption } from './keluarga-view.service.js';

/** What the operation forms of a family's page need besides the family and its members. */
export interface OpsData {
  cari: string;
  candidates: ResidentCandidate[];
  units: UnitOption[];
}

interface Props {
  family: Pick<KeluargaTable, 'no_kk' | 'alamat' | 'lingkungan_id' | 'kelas_sosial' | 'tgl_cetak_kk' | 'kepala_id'> & {
    id: number;
    versi: number;
  };
  members: MemberDetail[];
  ops: OpsData;
  failed: FailedForm | null;
}

/** The operation forms of an open family (only for those with write:penduduk). */
export function FamilyOps({ family, members, ops, failed }: Props) {
  const { m } = usePage();
  const k = m.keluarga;
  const action = `/keluarga/${family.id}`;
  const others = members.filter((p) => p.id !== family.kepala_id);
  const shdkNoHead = codeOptions(k.shdkLabel, [1]);
  const otherOptions = others.map((p) => ({ value: String(p.id), label: p.nama }));
  return (
    <section>
      <h2>{k.kelola}</h2>
      {members.map((p) => {
        const isHead = p.id === family.kepala_id;
        const open = failed?.key === formKey('ubah-shdk', p.id) || failed?.key === formKey('keluarkan', p.id);
        return (
          <details key={p.id} class="manage card" open={open}>
            <summary>
              {p.nama} — {k.shdkLabel[p.kk_level ?? 0] ?? '—'}
            </summary>
            {!isHead && (
              <OpForm
                action={action}
                intent="ubah-shdk"
                refId={p.id}
                label={`${k.ubahShdk}: ${p.nama}`}
                failed={failed}
                hidden={{ penduduk_id: p.id }}
              >
                {(state, id) => (
                  <>
                    <Select
                      name="kk_level"
                      label={k.ubahShdk}
                      state={state}
                      idPrefix={id}
                      options={shdkNoHead}
                      value={String(p.kk_level ?? '')}
                      placeholder={k.pilih}
                    />
                    <button type="submit" class="small">
                      {k.simpan}
                    </button>
                  </>
                )}
              </OpForm>
            )}
            <OpForm
              action={action}
              intent="keluarkan"
              refId={p.id}
              label={`${k.keluarkan}: ${p.nama}`}
              failed={failed}
              hidden={{ penduduk_id: p.id }}
            >
              {(state, id) => (
                <>
                  <h3>{k.keluarkan}</h3>
                  <p class="hint">{k.keluarkanHint}</p>
                  <Field
                    name="no_kk"
                    label={k.nomorKkBaru}
                    hint={k.nomorKkBaruHint}
                    state={state}
                    idPrefix={id}
                    inputMode="numeric"
                    schema={OP.keluarkan}
                  />
                  {isHead && others.length > 0 && (
                    <Select
                      name="kepala_baru_id"
                      label={k.kepalaBaru}
                      hint={k.kepalaBaruHint}
                      state={state}
                      idPrefix={id}
                      options={otherOptions}
                      placeholder={k.pilih}
                    />
                  )}
                  <button type="submit" class="small danger">
                    {k.keluarkan}
                  </button>
                </>
              )}
            </OpForm>
          </details>
        );
      })}

      <AddMember action={action} family={family} ops={ops} failed={failed} />

      {others.length > 0 && (
        <section class="card">
          <h3>{k.gantiKepala}</h3>
          <OpForm action={action} intent="ganti-kepala" label={k.gantiKepala} failed={failed}>
            {(state, id) => (
              <>
                <Select
                  name="kepala_baru_id"
                  label={k.calonKepala}
                  state={state}
                  idPrefix={id}
                  options={otherOptions}
                  placeholder={k.pilih}
                />
                <Select
                  name="shdk_kepala_lama"
                  label={k.shdkKepalaLama}
                  state={state}
                  idPrefix={id}
                  options={shdkNoHead}
                  placeholder={k.pilih}
                />
                <button type="submit">{k.gantiKepala}</button>
              </>
            )}
          </OpForm>
        </section>
      )}

      <Split action={action} family={family} members={members} failed={failed} />

      <section class="card">
        <h3>{k.pindahWilayah}</h3>
        <OpForm action={action} intent="pindah-wilayah" label={k.pindahWilayah} failed={failed}>
          {(state, id) => (
            <>
              <p class="hint">{k.pindahHint}</p>
              <Select
                name="lingkungan_id"
                label={k.wilayah}
                state={state}
                idPrefix={id}
                options={ops.units}
                value={family.lingkungan_id === null ? '' : String(family.lingkungan_id)}
                placeholder={k.pilih}
              />
              <Field name="alamat" label={k.alamatBaru} state={state} idPrefix={id} schema={OP.pindahWilayah} />
              <button type="submit">{k.pindahWilayah}</button>
            </>
          )}
        </OpForm>
      </section>

      <section class="card">
        <h3>{k.ubahNomor}</h3>
        <OpForm action={action} intent="ubah-no-kk" label={k.ubahNomor} failed={failed}>
          {(state, id) => (
            <>
              <p class="hint">{k.ubahNomorHint}</p>
              <Field
                name="no_kk"
                label={k.nomorKkBaru}
                state={state}
                idPrefix={id}
                inputMode="numeric"
                schema={OP.ubahNoKk}
              />
              <Field name="alasan" label={k.alasan} state={state} idPrefix={id} schema={OP.ubahNoKk} />
              <button type="submit">{k.ubahNomor}</button>
            </>
          )}
        </OpForm>
      </section>

      <section class="card">
        <h3>{k.ubahData}</h3>
        <OpForm action={action} intent="ubah-data" label={k.ubahData} failed={failed} hidden={{ versi: family.versi }}>
          {(state, id) => (
            <>
              <Field
                name="alamat"
                label={k.alamat}
                state={state}
                idPrefix={id}
                schema={OP.ubahData}
                value={family.alamat}
              />
              <Select
                name="kelas_sosial"
                label={k.kelasSosial}
                state={state}
                idPrefix={id}
                options={codeOptions(k.sejahteraLabel)}
                value={family.kelas_sosial === null ? '' : String(family.kelas_sosial)}
                placeholder={k.pilih}
              />
              <Field
                name="tgl_cetak_kk"
                label={k.tglCetak}
                type="date"
                state={state}
                idPrefix={id}
                schema={OP.ubahData}
                value={family.tgl_cetak_kk}
              />
              <button type="submit">{k.simpan}</button>
            </>
          )}
        </OpForm>
      </section>
    </section>
  );
}

/** Find a resident (a GET search, no JavaScript) and add them with an SHDK. */
function AddMember({
  action,
  family,
  ops,
  failed,
}: {
  action: string;
  family: Props['family'];
  ops: OpsData;
  failed: FailedForm | null;
}) {
  const { m } = usePage();
  const k = m.keluarga;
  return (
    <section class="card" id="tambah">
      <h3>{k.tambahAnggota}</h3>
      <p class="hint">{k.tambahAnggotaIntro}</p>
      <form method="get" action={`${action}#tambah`} class="row">
        <label for="cari-anggota">{k.cariPenduduk}</label>
        <input id="cari-anggota" name="cari" type="search" value={ops.cari} maxLength={100} />
        <button type="submit" class="small secondary">
          {k.tombolCari}
        </button>
      </form>
      {ops.cari && ops.candidates.length === 0 && <p class="muted">{k.tidakAdaHasil}</p>}
      {ops.candidates.length > 0 && (
        <ul class="plain">
          {ops.candidates.map((c) => {
            const key = formKey('tambah-anggota', c.id);
            const state = stateFor(failed, key);
            const status =
              c.keluarga_id === null
                ? k.tanpaKk
                : c.kepala_id === c.id
                  ? k.kepalaKkLain(c.no_kk ?? '')
                  : k.diKk(c.no_kk ?? '');
            return (
              <li key={c.id}>
                <strong>{c.nama}</strong> — <NumberText value={c.nik ?? c.nik_sementara} full /> — {status}
                {c.keluarga_id === family.id ? (
                  <span class="muted"> ({k.sudahDiKkIni})</span>
                ) : (
                  <OpForm
                    action={action}
                    intent="tambah-anggota"
                    refId={c.id}
                    label={`${k.tambahAnggota}: ${c.nama}`}
                    failed={failed}
                    class="row"
                    hidden={{ penduduk_id: c.id }}
                  >
                    {(_s, id) => (
                      <>
                        {c.kepala_id === c.id && (
                          <p class="hint">
                            {k.kepalaKkLainHint} <a href={`/keluarga/${c.keluarga_id}`}>{k.judulKk(c.nama)}</a>
                          </p>
                        )}
                        <Select
                          name="kk_level"
                          label={k.shdk}
                          state={state}
                          idPrefix={id}
                          options={codeOptions(k.shdkLabel, [1])}
                          placeholder={k.pilih}
                        />
                        <button type="submit" class="small">
                          {k.masukkan}
                        </button>
                      </>
                    )}
                  </OpForm>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Pecah KK: tick who leaves, choose the new head, each other leaver's SHDK in the new KK. */
function Split({
  action,
  family,
  members,
  failed,
}: {
  action: string;
  family: Props['family'];
  members: MemberDetail[];
  failed: FailedForm | null;
}) {
  const { m } = usePage();
  const k = m.keluarga;
  const state = stateFor(failed, formKey('pecah'));
  const ticked = new Set((state.values.anggota ?? '').split(',').filter(Boolean));
  const others = members.filter((p) => p.id !== family.kepala_id);
  return (
    <section class="card">
      <h3>{k.pecah}</h3>
      <OpForm action={action} intent="pecah" label={k.pecah} failed={failed}>
        {(s, id) => (
          <>
            <p class="hint">{k.pecahIntro}</p>
            {(['anggota', 'kepala_id'] as const).map(
              (f) =>
                s.errors[f] && (
                  <p key={f} class="error" id={`${id}-${f}`}>
                    {s.errors[f]}
                  </p>
                ),
            )}
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{k.nama}</th>
                    <th scope="col">{k.ikut}</th>
                    <th scope="col">{k.jadiKepala}</th>
                    <th scope="col">{k.shdkBaru}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((p) => {
                    const err = s.errors[`shdk_${p.id}`];
                    const current = s.values[`shdk_${p.id}`] ?? (p.kk_level === 1 ? '' : String(p.kk_level ?? ''));
                    return (
                      <tr key={p.id}>
                        <th scope="row">{p.nama}</th>
                        <td>
                          <input
                            type="checkbox"
                            name="anggota"
                            value={String(p.id)}
                            checked={ticked.has(String(p.id))}
                            aria-label={`${k.ikut}: ${p.nama}`}
                            id={`${id}-anggota-${p.id}`}
                          />
                        </td>
                        <td>
                          <input
                            type="radio"
                            name="kepala_id"
                            value={String(p.id)}
                            checked={s.values.kepala_id === String(p.id)}
                            aria-label={`${k.jadiKepala}: ${p.nama}`}
                            id={`${id}-kepala-${p.id}`}
                          />
                        </td>
                        <td class={err ? 'has-error' : undefined}>
                          {err && (
                            <p class="error" id={`${id}-shdk_${p.id}-error`}>
                              {err}
                            </p>
                          )}
                          <select
                            name={`shdk_${p.id}`}
                            id={`${id}-shdk_${p.id}`}
                            aria-label={`${k.shdkBaru}: ${p.nama}`}
                            aria-invalid={err ? 'true' : undefined}
                            aria-describedby={err ? `${id}-shdk_${p.id}-error` : undefined}
                          >
                            <option value="">{k.pilih}</option>
                            {codeOptions(k.shdkLabel, [1]).map((o) => (
                              <option key={o.value} value={o.value} selected={o.value === current}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Field
              name="no_kk"
              label={k.nomorKkBaru}
              hint={k.nomorKkBaruHint}
              state={s}
              idPrefix={id}
              inputMode="numeric"
              schema={OP.keluarkan}
            />
            {others.length > 0 && (
              <Select
                name="kepala_baru_id"
                label={k.kepalaBaru}
                hint={k.kepalaBaruHint}
                state={s}
                idPrefix={id}
                options={others.map((p) => ({ value: String(p.id), label: p.nama }))}
                placeholder={k.pilih}
              />
            )}
            <button type="submit">{k.pecah}</button>
          </>
        )}
      </OpForm>
    </section>
  );
}
