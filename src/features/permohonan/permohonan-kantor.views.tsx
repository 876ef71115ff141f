import type { Isian } from '#src/features/surat/surat-jenis.schema.js';
import { labelJenisDokumen } from '#src/features/warga-portal/dokumen.views.js';
import { Percakapan } from '#src/features/warga-portal/warga-portal.views.js';
import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { fill } from '#src/lib/i18n/messages.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { ErrorSummary, PostForm, TextArea } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { PermohonanRow } from './permohonan.repository.js';
import { bolehDibatalkan, SEMUA_STATUS, SIAP_DIAMBIL } from './permohonan-status.js';
import { StatusLabel } from './warga-surat.views.js';
import { IsianList, Linimasa } from './warga-surat-detail.views.js';

export function AntrianPage(props: { ctx: PageCtx; kode: string; rows: PermohonanRow[]; status: number | null }) {
  const { ctx, kode } = props;
  const t = ctx.m.permohonan.kantor;
  const base = `/desa/${kode}/permohonan`;
  return (
    <Layout ctx={ctx} title={t.judul}>
      <p>
        <a href={`${base}/pesan`}>{t.kotakPesan}</a>
      </p>
      <form method="get" action={base} class="inline">
        <label for="f-status">{t.filter}</label>{' '}
        <select id="f-status" name="status">
          <option value="">{t.semua}</option>
          {SEMUA_STATUS.map((s) => (
            <option key={s} value={String(s)} selected={props.status === s}>
              {ctx.m.permohonan.status[s]}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t.tampilkan}</button>
      </form>
      {props.rows.length === 0 ? (
        <p>{t.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{ctx.m.permohonan.warga.kolomTanggal}</th>
                <th scope="col">{ctx.m.permohonan.warga.kolomAntrian}</th>
                <th scope="col">{t.kolomPemohon}</th>
                <th scope="col">{ctx.m.permohonan.warga.kolomJenis}</th>
                <th scope="col">{ctx.m.permohonan.warga.kolomStatus}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`${base}/${r.id}`}>{r.id}</a>
                  </td>
                  <td>{formatDateTime(String(r.dibuat_pada), ctx.lang)}</td>
                  <td>{r.nomor_antrian}</td>
                  <td>{r.pemohon}</td>
                  <td>{r.jenis_nama}</td>
                  <td>
                    <StatusLabel ctx={ctx} status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

type Pesan = Parameters<typeof Percakapan>[0]['pesan'];

export function PermohonanKantorPage(props: {
  ctx: PageCtx;
  kode: string;
  row: PermohonanRow;
  fields: readonly Isian[];
  isian: Record<string, string>;
  dokumen: { id: number; jenis: number; nama: string }[];
  pesan: Pesan;
  penilaian: { nilai: number; komentar: string | null } | null;
  state?: FormState;
}) {
  const { ctx, row, kode } = props;
  const t = ctx.m.permohonan.kantor;
  const state = props.state ?? emptyForm();
  const base = `/desa/${kode}/permohonan/${row.id}`;
  return (
    <Layout ctx={ctx} title={fill(t.detailJudul, { id: row.id })}>
      <p>
        <a href={`/desa/${kode}/permohonan`}>{t.judul}</a>
      </p>
      <ErrorSummary state={state} />
      <dl class="identitas">
        <div>
          <dt>{t.kolomPemohon}</dt>
          <dd>{row.pemohon}</dd>
        </div>
        <div>
          <dt>{ctx.m.permohonan.warga.kolomJenis}</dt>
          <dd>{row.jenis_nama}</dd>
        </div>
        <div>
          <dt>{ctx.m.permohonan.warga.antrian}</dt>
          <dd>
            {row.nomor_antrian} · {formatDateTime(String(row.dibuat_pada), ctx.lang)}
          </dd>
        </div>
        <div>
          <dt>{ctx.m.permohonan.warga.kolomStatus}</dt>
          <dd>
            <StatusLabel ctx={ctx} status={row.status} />
          </dd>
        </div>
        {row.telepon && (
          <div>
            <dt>{t.telepon}</dt>
            <dd>{row.telepon}</dd>
          </div>
        )}
        {row.catatan && (
          <div>
            <dt>{t.catatan}</dt>
            <dd>{row.catatan}</dd>
          </div>
        )}
      </dl>
      <Linimasa ctx={ctx} row={row} />
      {props.penilaian && <p>{fill(t.penilaian, { nilai: props.penilaian.nilai })}</p>}
      <IsianList fields={props.fields} isian={props.isian} />
      <h2>{t.dokumen}</h2>
      {props.dokumen.length === 0 ? (
        <p>{t.tanpaDokumen}</p>
      ) : (
        <ul>
          {props.dokumen.map((dk) => (
            <li key={dk.id}>
              <a href={`${base}/dokumen/${dk.id}`}>
                {labelJenisDokumen(dk.jenis)}
                {dk.nama ? ` · ${dk.nama}` : ''}
              </a>
            </li>
          ))}
        </ul>
      )}
      {row.surat_id !== null && (
        <p>
          <a href={`/desa/${kode}/surat/${row.surat_id}`}>{t.lihatSurat}</a>
        </p>
      )}
      {bolehDibatalkan(row.status) && (
        <>
          <PostForm action={base} label={t.terima}>
            <p class="hint">{t.terimaInfo}</p>
            <button type="submit" name="intent" value="terima">
              {t.terima}
            </button>
          </PostForm>
          <PostForm action={base} label={t.tolak}>
            <TextArea name="alasan" label={t.alasan} state={state} />
            <button type="submit" name="intent" value="tolak">
              {t.tolak}
            </button>
          </PostForm>
        </>
      )}
      {row.status === SIAP_DIAMBIL && (
        <PostForm action={base} label={t.serahkan}>
          <button type="submit" name="intent" value="serahkan">
            {t.serahkan}
          </button>
        </PostForm>
      )}
      <h2>{t.pesanJudul}</h2>
      <Percakapan ctx={ctx} pesan={props.pesan} saya="desa" />
      <PostForm action={base} label={t.pesan}>
        <TextArea name="isi" label={t.pesan} state={state} />
        <button type="submit" name="intent" value="pesan">
          {t.kirimPesan}
        </button>
      </PostForm>
    </Layout>
  );
}

export function KotakPesanPage(props: {
  ctx: PageCtx;
  kode: string;
  rows: { penduduk_id: number; nama: string; pada: unknown; belum: unknown }[];
}) {
  const { ctx, kode } = props;
  const t = ctx.m.permohonan.kantor;
  return (
    <Layout ctx={ctx} title={t.kotakPesan}>
      <p>
        <a href={`/desa/${kode}/permohonan`}>{t.judul}</a>
      </p>
      {props.rows.length === 0 ? (
        <p>{t.kotakPesanKosong}</p>
      ) : (
        <ul class="daftar-item">
          {props.rows.map((r) => (
            <li key={r.penduduk_id}>
              <a href={`/desa/${kode}/permohonan/pesan/${r.penduduk_id}`}>{r.nama}</a> ·{' '}
              {formatDateTime(String(r.pada), ctx.lang)}
              {Number(r.belum) > 0 && <strong> · {fill(t.belumDibaca, { n: Number(r.belum) })}</strong>}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function PesanKantorPage(props: {
  ctx: PageCtx;
  kode: string;
  nama: string;
  pendudukId: number;
  pesan: Pesan;
  state?: FormState;
}) {
  const { ctx, kode } = props;
  const t = ctx.m.permohonan.kantor;
  const state = props.state ?? emptyForm();
  return (
    <Layout ctx={ctx} title={`${t.pesanJudul}: ${props.nama}`}>
      <p>
        <a href={`/desa/${kode}/permohonan/pesan`}>{t.kotakPesan}</a>
      </p>
      <Percakapan ctx={ctx} pesan={props.pesan} saya="desa" />
      <ErrorSummary state={state} />
      <PostForm action={`/desa/${kode}/permohonan/pesan/${props.pendudukId}`} label={t.pesan}>
        <TextArea name="isi" label={t.pesan} state={state} />
        <button type="submit">{t.kirimPesan}</button>
      </PostForm>
    </Layout>
  );
}
