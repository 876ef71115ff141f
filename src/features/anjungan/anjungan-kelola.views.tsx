import type { FormState } from '#src/lib/forms/form.js';
import { fill } from '#src/lib/i18n/messages.js';
import { ErrorSummary, PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { BarisAnjungan } from './anjungan.repository.js';
import { KODE_BERLAKU_MENIT } from './anjungan-perangkat.service.js';

const waktu = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

/** The office's kiosk page: list, add (code shown once), rename, switch off/on, new code; unlink a card. */
export function KelolaAnjunganPage(p: {
  ctx: PageCtx;
  kode: string;
  rows: BarisAnjungan[];
  /** the code just made, shown on this response only */
  kodeBaru?: { nama: string; kode: string; tautan: string; alamat: string };
  state?: FormState;
}) {
  const t = p.ctx.m.anjungan.kelola;
  const action = `/desa/${p.kode}/anjungan`;
  return (
    <Layout ctx={p.ctx} title={t.judul}>
      <p>{t.intro}</p>
      {p.kodeBaru && (
        <section class="notice" role="status" aria-labelledby="h-kode">
          <h2 id="h-kode">{fill(t.kodeJudul, { nama: p.kodeBaru.nama })}</h2>
          <p class="kode-pasang" data-kode={p.kodeBaru.kode}>
            <strong>{p.kodeBaru.kode}</strong>
          </p>
          <p>{fill(t.kodePetunjuk, { alamat: p.kodeBaru.alamat, menit: KODE_BERLAKU_MENIT })}</p>
          <p>
            <a href={p.kodeBaru.tautan}>{p.kodeBaru.tautan}</a>
          </p>
        </section>
      )}
      {p.state && <ErrorSummary state={p.state} />}
      {p.rows.length === 0 ? (
        <p>{t.kosong}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.nama}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.terakhir}</th>
              <th scope="col">
                <span class="visually-hidden">{t.terbitkan}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <PostForm action={action} class="inline" label={`${t.simpanNama}: ${r.nama}`}>
                    <input type="hidden" name="id" value={String(r.id)} />
                    <label class="visually-hidden" for={`nama-${r.id}`}>
                      {`${t.simpanNama} — ${r.nama}`}
                    </label>
                    <input id={`nama-${r.id}`} name="nama" value={r.nama} maxLength={100} required />
                    <button type="submit" name="intent" value="ubah">
                      {t.simpanNama}
                    </button>
                  </PostForm>
                </td>
                <td>
                  {r.aktif !== 1 ? t.nonaktif : r.terakhir_terlihat ? t.aktif : t.belumTerpasang}
                  {r.kode_sampai && r.aktif === 1 ? (
                    <>
                      <br />
                      {fill(t.kodeMenunggu, { jam: waktu(r.kode_sampai) })}
                    </>
                  ) : null}
                </td>
                <td>{waktu(r.terakhir_terlihat)}</td>
                <td>
                  <PostForm action={action} class="inline">
                    <input type="hidden" name="id" value={String(r.id)} />
                    {r.aktif === 1 ? (
                      <>
                        <button type="submit" name="intent" value="terbitkan">
                          {t.terbitkan}
                        </button>{' '}
                        <button type="submit" name="intent" value="matikan">
                          {t.matikan}
                        </button>
                      </>
                    ) : (
                      <button type="submit" name="intent" value="hidupkan">
                        {t.hidupkan}
                      </button>
                    )}
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t.tambahJudul}</h2>
      <PostForm action={action}>
        <div class={p.state?.errors.nama ? 'field has-error' : 'field'}>
          <label for="f-nama">{t.nama}</label>
          {p.state?.errors.nama && <p class="error">{p.state.errors.nama}</p>}
          <input id="f-nama" name="nama" maxLength={100} required value={p.state?.values.nama ?? ''} />
        </div>
        <button type="submit" name="intent" value="tambah">
          {t.tambah}
        </button>
      </PostForm>
      <h2>{t.lepasKartuJudul}</h2>
      <p>{t.lepasKartuIntro}</p>
      <PostForm action={action}>
        <div class={p.state?.errors.nik ? 'field has-error' : 'field'}>
          <label for="f-nik">NIK</label>
          {p.state?.errors.nik && <p class="error">{p.state.errors.nik}</p>}
          <input id="f-nik" name="nik" inputMode="numeric" maxLength={16} autocomplete="off" required />
        </div>
        <button type="submit" name="intent" value="lepas-kartu">
          {t.lepasKartu}
        </button>
      </PostForm>
    </Layout>
  );
}
