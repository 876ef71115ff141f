import { WargaLayout } from '#src/features/mandiri/warga-layout.js';
import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { fill } from '#src/lib/i18n/messages.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { ErrorSummary, PostForm, TextArea } from '#src/lib/views/components.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { AksesBaris } from './akses.service.js';
import type { Biodata } from './biodata.service.js';

interface Base {
  ctx: PageCtx;
  desa: string;
}

export function BiodataPage({ ctx, desa, b }: Base & { b: Biodata }) {
  const t = ctx.m.permohonan.biodata;
  const baris: [string, string][] = [
    [t.nama, b.nama],
    [t.nik, b.nik],
    [t.noKk, b.noKk],
    [t.ttl, [b.tempatLahir, b.tanggalLahir].filter(Boolean).join(', ')],
    [t.sex, b.sex],
    [t.agama, b.agama],
    [t.pendidikan, b.pendidikan],
    [t.pekerjaan, b.pekerjaan],
    [t.kawin, b.kawin],
    [t.alamat, b.alamat],
  ];
  return (
    <WargaLayout ctx={ctx} title={t.judul} signedIn desa={desa}>
      <p>{t.intro}</p>
      <dl class="identitas">
        {baris.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v || '–'}</dd>
          </div>
        ))}
      </dl>
      <h2>{t.keluarga}</h2>
      {b.anggota.length === 0 ? (
        <p>{t.tanpaKeluarga}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.nama}</th>
                <th scope="col">{t.hubungan}</th>
                <th scope="col">{t.umur}</th>
              </tr>
            </thead>
            <tbody>
              {b.anggota.map((a) => (
                <tr key={a.nama}>
                  <td>{a.sendiri ? <strong>{a.nama}</strong> : a.nama}</td>
                  <td>{a.hubungan}</td>
                  <td>{a.umur === null ? '–' : fill(t.tahun, { n: a.umur })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </WargaLayout>
  );
}

type Pesan = { id: number; arah: string; isi: string; permohonan_id: number | null; dibuat_pada: string };

/** A conversation, oldest first; `saya` is the side reading it. */
export function Percakapan({ ctx, pesan, saya }: { ctx: PageCtx; pesan: Pesan[]; saya: 'warga' | 'desa' }) {
  const t = ctx.m.permohonan.pesan;
  if (pesan.length === 0) return <p>{ctx.m.permohonan.pesan.kosong}</p>;
  const siapa = (arah: string) =>
    saya === 'warga' ? (arah === 'warga' ? t.dariAnda : t.dariDesa) : arah === 'desa' ? t.dariDesa : t.dariAnda;
  return (
    <ol class="daftar-item pesan">
      {pesan.map((p) => (
        <li key={p.id}>
          <p>
            <strong>
              {saya === 'desa' && p.arah === 'warga' ? ctx.m.permohonan.kantor.kolomPemohon : siapa(p.arah)}
            </strong>
            {' · '}
            <time dateTime={String(p.dibuat_pada)}>{formatDateTime(String(p.dibuat_pada), ctx.lang)}</time>
            {p.permohonan_id !== null && <> · {fill(t.tentang, { id: p.permohonan_id })}</>}
          </p>
          <p>{p.isi}</p>
        </li>
      ))}
    </ol>
  );
}

export function PesanPage({ ctx, desa, pesan, state = emptyForm() }: Base & { pesan: Pesan[]; state?: FormState }) {
  const t = ctx.m.permohonan.pesan;
  return (
    <WargaLayout ctx={ctx} title={t.judul} signedIn desa={desa}>
      <p>{t.intro}</p>
      <Percakapan ctx={ctx} pesan={pesan} saya="warga" />
      <ErrorSummary state={state} />
      <PostForm action="/layanan-mandiri/pesan" label={t.judul}>
        <TextArea name="isi" label={t.isi} state={state} rows={4} />
        <button type="submit">{t.kirim}</button>
      </PostForm>
    </WargaLayout>
  );
}

export function AksesPage({ ctx, desa, baris }: Base & { baris: AksesBaris[] }) {
  const t = ctx.m.permohonan.akses;
  return (
    <WargaLayout ctx={ctx} title={t.judul} signedIn desa={desa}>
      <p>{t.intro}</p>
      {baris.length === 0 ? (
        <p>{t.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.waktu}</th>
                <th scope="col">{t.petugas}</th>
                <th scope="col">{t.peran}</th>
                <th scope="col">{t.apa}</th>
              </tr>
            </thead>
            <tbody>
              {baris.map((r, i) => (
                <tr key={i}>
                  <td>{formatDateTime(r.waktu, ctx.lang)}</td>
                  <td>{r.petugas}</td>
                  <td>{r.peran ? ((ctx.m.roles as Record<string, string>)[r.peran] ?? r.peran) : '–'}</td>
                  <td>
                    {t.data[r.entitas]} ({(t.aksi as Record<string, string>)[r.aksi] ?? r.aksi})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </WargaLayout>
  );
}

export function BantuanPage({ ctx, desa }: Base) {
  const t = ctx.m.permohonan.bantuan;
  return (
    <WargaLayout ctx={ctx} title={t.judul} signedIn desa={desa}>
      <p>{t.belumAda}</p>
    </WargaLayout>
  );
}
