import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { Breadcrumbs, NumberLookupForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { capitalise } from '#src/lib/views/region-title.js';
import { KkLookupSchema } from './keluarga.schema.js';
import { FamilyOps, type OpsData } from './keluarga-ops.views.js';
import { type FailedForm, FailedSummary, formatDate, NumberText, Pager } from './keluarga-ui.js';
import type { FamilyListResult, FamilyPage } from './keluarga-view.service.js';

export interface DesaInfo {
  kode: string;
  nama: string;
  sebutan: string;
  sebutan_dusun: string;
}

const desaCrumb = (desa: DesaInfo) => ({
  href: `/desa/${desa.kode}`,
  label: `${capitalise(desa.sebutan)} ${desa.nama}`,
});

interface ListProps {
  ctx: PageCtx;
  desa: DesaInfo;
  /** the name searched (never a number: those are looked up by POST) */
  q: string;
  result: FamilyListResult;
  fullNumbers: boolean;
  canWrite: boolean;
  units: ReadonlyMap<number, string>;
  /** the "Cari nomor KK" form after a look-up: the typed number and its errors, and the outcome */
  lookup: { state: FormState; message?: string } | null;
}

export function KeluargaListPage({ ctx, desa, q, result, fullNumbers, canWrite, units, lookup }: ListProps) {
  const { m } = ctx;
  const k = m.keluarga;
  const base = `/desa/${desa.kode}/keluarga`;
  return (
    <Layout ctx={ctx} title={k.judul} above={<Breadcrumbs items={[desaCrumb(desa)]} />}>
      <p>{k.intro}</p>
      <p class="actions">
        {canWrite && (
          <a class="button" href={`${base}/baru`}>
            {k.kkBaru}
          </a>
        )}
        <a href={`/desa/${desa.kode}/rumah-tangga`}>{k.rt.judul}</a>
      </p>
      <form method="get" action={base} class="filters" aria-label={k.cari}>
        <div class="field">
          <label for="f-q">{k.cari}</label>
          <p class="hint" id="f-q-hint">
            {k.cariHint}
          </p>
          <input id="f-q" name="q" type="search" value={q} maxLength={100} aria-describedby="f-q-hint" />
        </div>
        <div class="field">
          <button type="submit">{k.tombolCari}</button>
        </div>
      </form>
      {result.numberIgnored && (
        <p class="notice" role="status">
          {fullNumbers ? k.nomorDiKotakNama : k.nomorHanyaBerhak}
        </p>
      )}
      {fullNumbers && (
        <NumberLookupForm
          action={`${base}/cari-kk`}
          name="no_kk"
          idPrefix="cari-kk"
          title={k.cariKk.judul}
          label={k.cariKk.label}
          hint={k.cariKk.hint}
          button={k.cariKk.tombol}
          schema={KkLookupSchema}
          state={lookup?.state ?? emptyForm()}
          message={lookup?.message}
        />
      )}
      <p class="muted" role="status">
        {k.jumlah(result.total)}
      </p>
      {result.rows.length === 0 ? (
        <p class="muted">{k.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{k.nomorKk}</th>
                <th scope="col">{k.kepala}</th>
                <th scope="col">{k.jumlahAnggota}</th>
                <th scope="col">{k.wilayah}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <NumberText value={r.no_kk} full={fullNumbers} />
                  </td>
                  <td>
                    <a href={`/keluarga/${r.id}`}>{r.kepala_nama ?? '—'}</a>
                  </td>
                  <td>{Number(r.jumlah ?? 0)}</td>
                  <td>{r.lingkungan_id === null ? '—' : (units.get(r.lingkungan_id) ?? '—')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager base={base} params={{ q }} page={result.page} more={result.page * result.pageSize < result.total} />
    </Layout>
  );
}

interface DetailProps {
  ctx: PageCtx;
  desa: DesaInfo;
  data: FamilyPage;
  fullNumbers: boolean;
  /** may open the desa's family list (desa-wide reading) */
  canList: boolean;
  units: ReadonlyMap<number, string>;
  /** operation forms, for those who may change the register */
  ops: OpsData | null;
  failed: FailedForm | null;
}

export function KeluargaDetailPage({ ctx, desa, data, fullNumbers, canList, units, ops, failed }: DetailProps) {
  const { m, lang } = ctx;
  const k = m.keluarga;
  const { family, members, history, events } = data;
  const head = members.find((p) => p.id === family.kepala_id);
  const crumbs = canList ? [desaCrumb(desa), { href: `/desa/${desa.kode}/keluarga`, label: k.daftarKeluarga }] : [];
  const open = family.ditutup_pada === null;
  return (
    <Layout ctx={ctx} title={k.judulKk(head ? head.nama : `#${family.id}`)} above={<Breadcrumbs items={crumbs} />}>
      {!open && <p class="notice">{k.ditutup}</p>}
      <FailedSummary failed={failed} />
      <section class="card">
        <h2>{k.data}</h2>
        <dl class="facts">
          <dt>{k.nomorKk}</dt>
          <dd>
            <NumberText value={family.no_kk} full={fullNumbers} />
          </dd>
          <dt>{k.kepala}</dt>
          <dd>{head ? <a href={`/penduduk/${head.id}`}>{head.nama}</a> : '—'}</dd>
          <dt>{k.alamat}</dt>
          <dd>{family.alamat ?? '—'}</dd>
          <dt>{k.wilayah}</dt>
          <dd>{family.lingkungan_id === null ? '—' : (units.get(family.lingkungan_id) ?? '—')}</dd>
          <dt>{k.kelasSosial}</dt>
          <dd>{family.kelas_sosial === null ? '—' : (k.sejahteraLabel[family.kelas_sosial] ?? family.kelas_sosial)}</dd>
          <dt>{k.tglCetak}</dt>
          <dd>{formatDate(family.tgl_cetak_kk, lang)}</dd>
          <dt>{k.tglDaftar}</dt>
          <dd>{formatDate(family.tgl_daftar, lang)}</dd>
        </dl>
        <p>
          <a href={`/keluarga/${family.id}/cetak`}>{k.cetak}</a>
        </p>
      </section>

      <section>
        <h2 id="anggota">{k.anggota}</h2>
        {members.length === 0 ? (
          <p class="muted">{k.tanpaAnggota}</p>
        ) : (
          <div class="table-wrap">
            <table aria-labelledby="anggota">
              <thead>
                <tr>
                  <th scope="col">{k.nama}</th>
                  <th scope="col">{k.nik}</th>
                  <th scope="col">{k.shdk}</th>
                  <th scope="col">{k.jk}</th>
                  <th scope="col">{k.lahir}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <a href={`/penduduk/${p.id}`}>{p.nama}</a>
                    </td>
                    <td>
                      <NumberText value={p.nik ?? p.nik_sementara} full={fullNumbers} />
                    </td>
                    <td>{p.kk_level === null ? '—' : (k.shdkLabel[p.kk_level] ?? p.kk_level)}</td>
                    <td>{p.sex === null ? '—' : (k.jkLabel[p.sex] ?? '—')}</td>
                    <td>
                      {p.tempatlahir ? `${p.tempatlahir}, ` : ''}
                      {formatDate(p.tanggallahir, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {open && ops && <FamilyOps family={family} members={members} ops={ops} failed={failed} />}

      <section>
        <h2 id="riwayat-nomor">{k.riwayatNomor}</h2>
        <div class="table-wrap">
          <table aria-labelledby="riwayat-nomor">
            <thead>
              <tr>
                <th scope="col">{k.nomorKk}</th>
                <th scope="col">{k.berlakuSejak}</th>
                <th scope="col">{k.alasan}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={`${h.no_kk}-${h.berlaku_sejak}`}>
                  <td>
                    <NumberText value={h.no_kk} full={fullNumbers} />
                  </td>
                  <td>{formatDateTime(h.berlaku_sejak, lang)}</td>
                  <td>{h.alasan ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section>
        <h2 id="peristiwa">{k.peristiwa}</h2>
        {events.length === 0 ? (
          <p class="muted">{m.common.kosong}</p>
        ) : (
          <div class="table-wrap">
            <table aria-labelledby="peristiwa">
              <thead>
                <tr>
                  <th scope="col">{k.tanggal}</th>
                  <th scope="col">{k.jenisPeristiwa}</th>
                  <th scope="col">{k.penduduk}</th>
                  <th scope="col">{k.catatan}</th>
                  <th scope="col">{k.dicatatOleh}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDate(e.tgl_peristiwa, lang)}</td>
                    <td>{k.peristiwaLabel[e.kode] ?? e.kode}</td>
                    <td>{e.penduduk_id ? <a href={`/penduduk/${e.penduduk_id}`}>{e.nama ?? '—'}</a> : '—'}</td>
                    <td>{e.catatan ?? '—'}</td>
                    <td>{e.dicatat_oleh ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  );
}
