import { Breadcrumbs, Select } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { DesaInfo } from './keluarga.views.js';
import { type FailedForm, FailedSummary, formKey, NumberText, OpForm } from './keluarga-ui.js';
import type { ResidentCandidate } from './keluarga-view.repository.js';
import type { RumahTanggaMember, RumahTanggaRow } from './rumah-tangga.repository.js';
import { desaCrumbs, HouseholdFacts, HouseholdFields } from './rumah-tangga.views.js';

interface Props {
  ctx: PageCtx;
  desa: DesaInfo;
  rtm: RumahTanggaRow;
  members: RumahTanggaMember[];
  unit: string | null;
  fullNumbers: boolean;
  canList: boolean;
  /** operation forms, for those who may change the register */
  ops: { cari: string; candidates: ResidentCandidate[] } | null;
  failed: FailedForm | null;
}

export function RumahTanggaDetailPage({ ctx, desa, rtm, members, unit, fullNumbers, canList, ops, failed }: Props) {
  const { m } = ctx;
  const k = m.keluarga;
  const r = k.rt;
  const action = `/rumah-tangga/${rtm.id}`;
  const head = members.find((p) => p.id === rtm.kepala_id);
  const others = members.filter((p) => p.id !== rtm.kepala_id);
  const open = rtm.ditutup_pada === null;
  const crumbs = canList ? [...desaCrumbs(desa), { href: `/desa/${desa.kode}/rumah-tangga`, label: r.judul }] : [];
  return (
    <Layout ctx={ctx} title={r.judulRt(rtm.nomor)} above={<Breadcrumbs items={crumbs} />}>
      {!open && <p class="notice">{r.ditutup}</p>}
      <FailedSummary failed={failed} />
      <HouseholdFacts rtm={rtm} kepala={head} unit={unit} fullNumbers={fullNumbers} />
      <section>
        <h2 id="anggota">{r.anggota}</h2>
        <div class="table-wrap">
          <table aria-labelledby="anggota">
            <thead>
              <tr>
                <th scope="col">{k.nama}</th>
                <th scope="col">{k.nik}</th>
                <th scope="col">{r.hubungan}</th>
                <th scope="col">{r.nomorKk}</th>
                {open && ops && <th scope="col">{m.common.aksi}</th>}
              </tr>
            </thead>
            <tbody>
              {members.map((p) => {
                const isHead = p.id === rtm.kepala_id;
                return (
                  <tr key={p.id}>
                    <td>
                      <a href={`/penduduk/${p.id}`}>{p.nama}</a>
                    </td>
                    <td>
                      <NumberText value={p.nik ?? p.nik_sementara} full={fullNumbers} />
                    </td>
                    <td>{p.rtm_level === null ? '—' : (k.rtmLabel[p.rtm_level] ?? p.rtm_level)}</td>
                    <td>
                      {p.keluarga_id ? (
                        <a href={`/keluarga/${p.keluarga_id}`}>
                          <NumberText value={p.no_kk} full={fullNumbers} />
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                    {open && ops && (
                      <td>
                        <OpForm
                          action={action}
                          intent="keluarkan"
                          refId={p.id}
                          label={`${r.keluarkan}: ${p.nama}`}
                          failed={failed}
                          hidden={{ penduduk_id: p.id }}
                        >
                          {(state, id) => (
                            <>
                              {isHead && others.length > 0 && (
                                <Select
                                  name="kepala_baru_id"
                                  label={r.kepalaBaru}
                                  hint={r.kepalaBaruHint}
                                  state={state}
                                  idPrefix={id}
                                  options={others.map((o) => ({ value: String(o.id), label: o.nama }))}
                                  placeholder={k.pilih}
                                />
                              )}
                              <button type="submit" class="small danger">
                                {r.keluarkan}
                              </button>
                            </>
                          )}
                        </OpForm>
                        {!isHead && (
                          <OpForm
                            action={action}
                            intent="ganti-kepala"
                            refId={p.id}
                            label={`${r.jadikanKepala}: ${p.nama}`}
                            failed={failed}
                            hidden={{ kepala_baru_id: p.id }}
                          >
                            {() => (
                              <button type="submit" class="small secondary">
                                {r.jadikanKepala}
                              </button>
                            )}
                          </OpForm>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      {open && ops && (
        <>
          <section class="card" id="tambah">
            <h2>{r.tambahAnggota}</h2>
            <form method="get" action={`${action}#tambah`} class="row">
              <label for="cari-anggota">{k.cariPenduduk}</label>
              <input id="cari-anggota" name="cari" type="search" value={ops.cari} maxLength={100} />
              <button type="submit" class="small secondary">
                {k.tombolCari}
              </button>
            </form>
            {ops.cari && ops.candidates.length === 0 && <p class="muted">{k.tidakAdaHasil}</p>}
            <ul class="plain">
              {ops.candidates.map((c) => (
                <li key={c.id}>
                  <strong>{c.nama}</strong> — <NumberText value={c.nik ?? c.nik_sementara} full />
                  {c.rumah_tangga_id !== null && failed?.key !== formKey('tambah-anggota', c.id) ? (
                    <span class="muted"> ({r.sudahDiRt})</span>
                  ) : (
                    <OpForm
                      action={action}
                      intent="tambah-anggota"
                      refId={c.id}
                      label={`${r.tambahAnggota}: ${c.nama}`}
                      failed={failed}
                      class="row"
                      hidden={{ penduduk_id: c.id }}
                    >
                      {() => (
                        <button type="submit" class="small">
                          {k.masukkan}
                        </button>
                      )}
                    </OpForm>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <section class="card">
            <h2>{r.ubahData}</h2>
            <OpForm action={action} intent="ubah-data" label={r.ubahData} failed={failed} hidden={{ versi: rtm.versi }}>
              {(state, id) => (
                <>
                  <HouseholdFields state={state} idPrefix={id} current={rtm} />
                  <button type="submit">{k.simpan}</button>
                </>
              )}
            </OpForm>
          </section>
        </>
      )}
    </Layout>
  );
}
