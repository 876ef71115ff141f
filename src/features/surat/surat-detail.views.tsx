import { Fragment } from 'preact';
import { formatDate } from '#src/features/penduduk/penduduk-display.js';
import type { FormState } from '#src/lib/forms/form.js';
import { PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { usePage } from '#src/lib/views/page-context.js';
import type { SuratRow } from './surat.repository.js';
import type { JenisSurat } from './surat-jenis.schema.js';
import { type DesaRef, StatusText, SuratCrumbs } from './surat-list.views.js';

export interface OrangSurat {
  judul: string;
  nama: string;
  /** whole or masked (last 4 digits), as the viewer may see it */
  nik: string;
  luar: boolean;
}

export interface RiwayatRow {
  id: number;
  aksi: string;
  langkah: string | null;
  oleh: string;
  alasan: string | null;
  pada: string;
}

/** What the viewer may do to the letter now (the buttons shown). */
export interface Boleh {
  ubah: boolean;
  ajukan: boolean;
  /** approving at the current step: as whom, and whether it issues the letter */
  setujui: { sebagai: string; terbit: boolean } | null;
  batalkan: boolean;
}

export interface SuratDetailProps {
  ctx: PageCtx;
  desa: DesaRef;
  surat: SuratRow;
  jenis: JenisSurat;
  orang: OrangSurat[];
  isian: Record<string, string>;
  riwayat: RiwayatRow[];
  penandatangan: { atasNama?: string | null; jabatan?: string; nama?: string } | null;
  boleh: Boleh;
  verifyUrl: string | null;
  /** a failed reject/cancel: which form, and its message */
  gagal?: { form: 'tolak' | 'batalkan'; state: FormState } | null;
}

const waktu = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function AlasanForm(props: {
  action: string;
  id: string;
  label: string;
  hint: string;
  tombol: string;
  state: FormState | null;
}) {
  const error = props.state?.errors.alasan ?? props.state?.message;
  const described = [`${props.id}-hint`, error && `${props.id}-error`].filter(Boolean).join(' ');
  return (
    <PostForm action={props.action} label={props.tombol}>
      <div class={error ? 'field has-error' : 'field'}>
        <label for={props.id}>{props.label}</label>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
        {error && (
          <p class="error" id={`${props.id}-error`}>
            {error}
          </p>
        )}
        <textarea
          id={props.id}
          name="alasan"
          rows={3}
          required
          maxLength={500}
          aria-describedby={described}
          {...(error ? { 'aria-invalid': 'true' as const } : {})}
        >
          {props.state?.values.alasan ?? ''}
        </textarea>
      </div>
      <button type="submit">{props.tombol}</button>
    </PostForm>
  );
}

function Tindakan(props: SuratDetailProps) {
  const { m } = usePage();
  const d = m.surat.ui.detail;
  const { surat, boleh } = props;
  const base = `/desa/${props.desa.kode}/surat/${surat.id}`;
  const gagal = (form: 'tolak' | 'batalkan') => (props.gagal?.form === form ? props.gagal.state : null);
  return (
    <section class="actions-block" aria-label={m.common.aksi}>
      <p class="actions">
        <a class="button" href={`${base}/pdf`} target="_blank" rel="noopener">
          {surat.pdf_berkas ? d.unduhPdf : d.pratinjau}
        </a>{' '}
        {boleh.ubah && <a href={`${base}/ubah`}>{d.ubah}</a>}
      </p>
      {boleh.ajukan && (
        <PostForm action={`${base}/ajukan`} label={d.ajukan}>
          <button type="submit">{d.ajukan}</button>
        </PostForm>
      )}
      {boleh.setujui && (
        <>
          <PostForm action={`${base}/setujui`} label={d.setujui}>
            <p class="hint">
              {d.setujuiHint(boleh.setujui.sebagai)} {boleh.setujui.terbit ? d.terbitHint : ''}
            </p>
            <button type="submit">{boleh.setujui.terbit ? d.setujuiTerbit : d.setujui}</button>
          </PostForm>
          <AlasanForm
            action={`${base}/tolak`}
            id="tolak-alasan"
            label={d.alasanTolak}
            hint={d.alasanTolakHint}
            tombol={d.tolak}
            state={gagal('tolak')}
          />
        </>
      )}
      {boleh.batalkan && (
        <details class="manage" open={gagal('batalkan') !== null}>
          <summary>{d.batalkan}</summary>
          <AlasanForm
            action={`${base}/batalkan`}
            id="batal-alasan"
            label={d.alasanBatal}
            hint={surat.nomor ? d.batalTerbitHint : d.batalDrafHint}
            tombol={d.batalkan}
            state={gagal('batalkan')}
          />
        </details>
      )}
    </section>
  );
}

/** One letter: what it says, where it stands in the chain, its history, and what the viewer may do now. */
export function SuratDetailPage(props: SuratDetailProps) {
  const { ctx, surat, jenis } = props;
  const u = ctx.m.surat.ui;
  const d = u.detail;
  const title = surat.nomor ? `${jenis.nama} ${surat.nomor}` : `${jenis.nama} #${surat.id}`;
  const ttd = props.penandatangan;
  return (
    <Layout ctx={ctx} title={title} above={<SuratCrumbs desa={props.desa} />}>
      <dl class="facts">
        <dt>{d.status}</dt>
        <dd>
          <StatusText status={surat.status} langkah={surat.langkah} />
        </dd>
        {surat.alasan && (
          <>
            <dt>{surat.status === 'dibatalkan' ? d.dibatalkanKarena : d.ditolakKarena}</dt>
            <dd>{surat.alasan}</dd>
          </>
        )}
        <dt>{d.jenis}</dt>
        <dd>
          {jenis.nama} <span class="muted">({jenis.kode})</span>
        </dd>
        <dt>{d.nomor}</dt>
        <dd>{surat.nomor ?? <span class="muted">{d.belumBernomor}</span>}</dd>
        {surat.tanggal && (
          <>
            <dt>{d.tanggal}</dt>
            <dd>{formatDate(surat.tanggal, ctx.lang)}</dd>
          </>
        )}
        {surat.berlaku_sampai && (
          <>
            <dt>{d.berlaku}</dt>
            <dd>{formatDate(surat.berlaku_sampai, ctx.lang)}</dd>
          </>
        )}
        {ttd && (
          <>
            <dt>{d.penandatangan}</dt>
            <dd>
              {ttd.nama} — {[ttd.atasNama, ttd.jabatan].filter(Boolean).join(' ')}
            </dd>
          </>
        )}
        {props.verifyUrl && (
          <>
            <dt>{d.verifikasi}</dt>
            <dd>
              <a href={props.verifyUrl}>{props.verifyUrl}</a>
            </dd>
          </>
        )}
        <dt>{d.dibuat}</dt>
        <dd>
          {waktu(surat.dibuat_pada)} · {surat.dibuat_oleh}
        </dd>
      </dl>
      <Tindakan {...props} />
      <h2>{d.orang}</h2>
      <dl class="facts">
        {props.orang.map((o, i) => (
          <Fragment key={`${o.judul}-${i}`}>
            <dt>{o.judul}</dt>
            <dd>
              <strong>{o.nama}</strong>
              {o.nik && (
                <>
                  {' '}
                  · {d.nik} <code>{o.nik}</code>
                </>
              )}
              {o.luar && <span class="badge">{d.luarDesa}</span>}
            </dd>
          </Fragment>
        ))}
      </dl>
      {jenis.isian.length > 0 && (
        <>
          <h2>{d.isian}</h2>
          <dl class="facts">
            {jenis.isian.map((f) => (
              <Fragment key={f.kode}>
                <dt>{f.nama}</dt>
                <dd>{props.isian[f.kode] || '—'}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      )}
      <h2>{d.riwayat}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{d.waktu}</th>
              <th scope="col">{d.aksi}</th>
              <th scope="col">{d.oleh}</th>
              <th scope="col">{d.alasan}</th>
            </tr>
          </thead>
          <tbody>
            {props.riwayat.map((r) => (
              <tr key={r.id}>
                <td>{waktu(r.pada)}</td>
                <td>
                  {u.riwayatAksi[r.aksi] ?? r.aksi}
                  {r.langkah && r.aksi !== 'ajukan' ? ` (${u.langkahNama[r.langkah] ?? r.langkah})` : ''}
                </td>
                <td>{r.oleh}</td>
                <td>{r.alasan ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
