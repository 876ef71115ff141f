import { WargaLayout } from '#src/features/mandiri/warga-layout.js';
import type { FormState } from '#src/lib/forms/form.js';
import { fill } from '#src/lib/i18n/messages.js';
import { ErrorSummary, Field, PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { IdentitasSchema } from './pendaftaran.schema.js';

type Langkah = 'identitas' | 'kk' | 'swafoto' | 'selesai' | 'tutup';

function FileField(p: { ctx: PageCtx; label: string; state?: FormState | undefined; mb: number }) {
  const error = p.state?.errors.berkas;
  const t = p.ctx.m.anjungan.daftar;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for="f-berkas">{p.label}</label>
      <p class="hint" id="f-berkas-hint">
        {fill(t.fotoPetunjuk, { mb: p.mb })}
      </p>
      {error && (
        <p class="error" id="f-berkas-error">
          {error}
        </p>
      )}
      <input
        id="f-berkas"
        name="berkas"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        required
        aria-describedby={error ? 'f-berkas-hint f-berkas-error' : 'f-berkas-hint'}
      />
    </div>
  );
}

/** The public self-registration, one picture per step (works without JavaScript on a phone). */
export function DaftarPage(p: { ctx: PageCtx; langkah: Langkah; token?: string; state?: FormState; mb: number }) {
  const t = p.ctx.m.anjungan.daftar;
  const { ctx, state } = p;
  const empty: FormState = { values: {}, errors: {} };
  if (p.langkah === 'selesai' || p.langkah === 'tutup')
    return (
      <WargaLayout ctx={ctx} title={p.langkah === 'selesai' ? t.selesaiJudul : t.judul} signedIn={false}>
        <p>{p.langkah === 'selesai' ? t.selesai : t.tutup}</p>
      </WargaLayout>
    );
  const n = p.langkah === 'identitas' ? 1 : p.langkah === 'kk' ? 2 : 3;
  return (
    <WargaLayout ctx={ctx} title={t.judul} signedIn={false}>
      <p>{fill(t.langkah, { n })}</p>
      {n === 1 && <p>{t.intro}</p>}
      {state && <ErrorSummary state={state} />}
      <PostForm action="/layanan-mandiri/daftar" multipart>
        <input type="hidden" name="langkah" value={p.langkah} />
        {p.token && <input type="hidden" name="token" value={p.token} />}
        {n === 1 && (
          <>
            <Field
              name="nik"
              label={t.nik}
              state={state ?? empty}
              schema={IdentitasSchema}
              inputMode="numeric"
              autocomplete="off"
            />
            <Field name="nama" label={t.nama} state={state ?? empty} schema={IdentitasSchema} autocomplete="name" />
            <Field
              name="tanggallahir"
              label={t.tanggallahir}
              type="date"
              state={state ?? empty}
              schema={IdentitasSchema}
            />
            <Field
              name="no_kk"
              label={t.noKk}
              state={state ?? empty}
              schema={IdentitasSchema}
              inputMode="numeric"
              autocomplete="off"
            />
            <Field name="email" label={t.email} type="email" state={state ?? empty} autocomplete="email" />
          </>
        )}
        <FileField ctx={ctx} label={n === 1 ? t.fotoKtp : n === 2 ? t.fotoKk : t.swafoto} state={state} mb={p.mb} />
        <button type="submit">{n === 3 ? t.kirim : t.lanjut}</button>
      </PostForm>
    </WargaLayout>
  );
}

export interface BarisPendaftaran {
  id: number;
  nama: string;
  dibuat_pada: string;
}

/** The office's queue of self-registrations (manage:mandiri), the desa's switch, the PIN of an approval once. */
export function PendaftaranKantorPage(p: {
  ctx: PageCtx;
  kode: string;
  rows: BarisPendaftaran[];
  boleh: boolean;
  disetujui?: { nama: string; pin: string };
  state?: FormState;
}) {
  const t = p.ctx.m.anjungan.pendaftaran;
  const action = `/desa/${p.kode}/mandiri/pendaftaran`;
  return (
    <Layout ctx={p.ctx} title={t.judul}>
      {p.disetujui && (
        <p class="notice" role="status" data-pin={p.disetujui.pin}>
          {fill(t.disetujui, p.disetujui)}
        </p>
      )}
      {p.state && <ErrorSummary state={p.state} />}
      <PostForm action={action}>
        <label>
          <input type="checkbox" name="boleh" value="1" checked={p.boleh} /> {t.izin}
        </label>{' '}
        <button type="submit" name="intent" value="izin">
          {t.izinSimpan}
        </button>
      </PostForm>
      {p.rows.length === 0 ? (
        <p>{t.kosong}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.nama}</th>
              <th scope="col">{t.tanggal}</th>
              <th scope="col">{t.berkas}</th>
              <th scope="col">
                <span class="visually-hidden">{t.setujui}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.nama}</td>
                <td>{r.dibuat_pada.slice(0, 16).replace('T', ' ')}</td>
                <td>
                  {(['ktp', 'kk', 'swafoto'] as const).map((j) => (
                    <a key={j} href={`${action}/${r.id}/${j}`}>
                      {`${t[j]} `}
                    </a>
                  ))}
                </td>
                <td>
                  <PostForm action={action} class="inline" label={`${t.setujui}: ${r.nama}`}>
                    <input type="hidden" name="id" value={String(r.id)} />
                    <button type="submit" name="intent" value="setujui">
                      {t.setujui}
                    </button>
                  </PostForm>
                  <PostForm action={action} class="inline" label={`${t.tolak}: ${r.nama}`}>
                    <input type="hidden" name="id" value={String(r.id)} />
                    <label for={`alasan-${r.id}`}>{`${t.alasan} — ${r.nama}`}</label>
                    <input id={`alasan-${r.id}`} name="alasan" maxLength={500} required />
                    <button type="submit" name="intent" value="tolak">
                      {t.tolak}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
