import type { KioskCtx } from '#src/features/anjungan/anjungan-layout.js';
import { WargaLayout } from '#src/features/mandiri/warga-layout.js';
import type { Isian } from '#src/features/surat/surat-jenis.schema.js';
import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { fill } from '#src/lib/i18n/messages.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { ErrorSummary, PostForm, Select, TextArea } from '#src/lib/views/components.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { PermohonanRow } from './permohonan.repository.js';
import { bolehDibatalkan, DIBATALKAN, LANGKAH_LINIMASA, SIAP_DIAMBIL, SUDAH_DIAMBIL } from './permohonan-status.js';
import { StatusLabel } from './warga-surat.views.js';

/** The steps done, the current one and those ahead; a cancelled request shows the reason instead. */
export function Linimasa({ ctx, row }: { ctx: PageCtx; row: PermohonanRow }) {
  const t = ctx.m.permohonan;
  if (row.status === DIBATALKAN)
    return <p class="notice">{fill(t.warga.dibatalkanKarena, { alasan: row.alasan ?? '' })}</p>;
  return (
    <ol class="linimasa">
      {LANGKAH_LINIMASA.map((s) => (
        <li key={s} aria-current={s === row.status ? 'step' : undefined} class={s <= row.status ? 'selesai' : ''}>
          {s <= row.status ? '✓ ' : '○ '}
          {t.status[s]}
        </li>
      ))}
    </ol>
  );
}

export function IsianList({ fields, isian }: { fields: readonly Isian[]; isian: Record<string, string> }) {
  const shown = fields.filter((f) => isian[f.kode]);
  if (shown.length === 0) return null;
  return (
    <dl class="identitas">
      {shown.map((f) => (
        <div key={f.kode}>
          <dt>{f.nama}</dt>
          <dd>{isian[f.kode]}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DetailSuratWargaPage(props: {
  ctx: PageCtx;
  desa: string;
  row: PermohonanRow;
  fields: readonly Isian[];
  isian: Record<string, string>;
  penilaian: { nilai: number; komentar: string | null } | null;
  state?: FormState;
}) {
  const { ctx, row } = props;
  const t = ctx.m.permohonan.warga;
  const state = props.state ?? emptyForm();
  const base = `/layanan-mandiri/surat/${row.id}`;
  return (
    <WargaLayout ctx={ctx} title={fill(t.detailJudul, { jenis: row.jenis_nama })} signedIn desa={props.desa}>
      <p>
        <StatusLabel ctx={ctx} status={row.status} /> · {t.antrian} <strong>{row.nomor_antrian}</strong> ·{' '}
        {formatDateTime(String(row.dibuat_pada), ctx.lang)}
      </p>
      {(ctx as PageCtx & KioskCtx).anjungan && row.status <= SIAP_DIAMBIL && (
        <p>
          <a class="tombol" href={`/anjungan/tiket/${row.id}`}>
            {ctx.m.anjungan.tiket.cetak}
          </a>
        </p>
      )}
      <h2>{t.linimasa}</h2>
      <Linimasa ctx={ctx} row={row} />
      <ErrorSummary state={state} />
      {(row.status === SIAP_DIAMBIL || row.status === SUDAH_DIAMBIL) && row.surat_id !== null && (
        <>
          {row.status === SIAP_DIAMBIL && <p>{t.siapInfo}</p>}
          <p>
            <a href={`${base}/pdf`}>{t.unduh}</a>
          </p>
        </>
      )}
      {bolehDibatalkan(row.status) && (
        <PostForm action={`${base}/batal`} label={t.batalkan}>
          <button type="submit">{t.batalkan}</button>
        </PostForm>
      )}
      {row.status === SUDAH_DIAMBIL &&
        (props.penilaian ? (
          <p>{fill(t.nilaiAnda, { nilai: props.penilaian.nilai })}</p>
        ) : (
          <>
            <h2>{t.nilaiJudul}</h2>
            <PostForm action={`${base}/nilai`} label={t.nilaiJudul}>
              <Select
                name="nilai"
                label={t.nilai}
                state={state}
                placeholder=""
                options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: String(n) }))}
              />
              <TextArea name="komentar" label={t.komentar} state={state} />
              <button type="submit">{t.nilaiKirim}</button>
            </PostForm>
          </>
        ))}
      <h2>{t.isianJudul}</h2>
      <IsianList fields={props.fields} isian={props.isian} />
      <p>
        <a href="/layanan-mandiri/pesan">{t.pesanKantor}</a>
      </p>
      <p>
        <a href="/layanan-mandiri/surat">{t.kembali}</a>
      </p>
    </WargaLayout>
  );
}
