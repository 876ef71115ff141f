import { WargaLayout } from '#src/features/mandiri/warga-layout.js';
import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { fill } from '#src/lib/i18n/messages.js';
import { ErrorSummary, Field, PostForm } from '#src/lib/views/components.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { EmailSchema } from './warga-akun.schema.js';

export interface AkunData {
  desa: string;
  telegramTerhubung: boolean;
  email: string | null;
  emailTerverifikasi: boolean;
  kanal: { telegram: boolean; email: boolean };
}

/** The resident's own account: PIN, Telegram link, email and its verification, installing the app. */
export function AkunPage(p: { ctx: PageCtx; data: AkunData; state?: FormState; kode?: string }) {
  const t = p.ctx.m.notifikasi.akun;
  const { data } = p;
  const state = p.state ?? emptyForm();
  return (
    <WargaLayout ctx={p.ctx} title={t.judul} signedIn desa={data.desa}>
      <ErrorSummary state={state} />
      <section aria-labelledby="akun-pin">
        <h2 id="akun-pin">{t.pinJudul}</h2>
        <p>{t.pinTeks}</p>
        <p>
          <a href="/layanan-mandiri/pin">{t.pinTautan}</a>
        </p>
      </section>

      <section aria-labelledby="akun-telegram">
        <h2 id="akun-telegram">{t.telegramJudul}</h2>
        {p.kode && (
          <p class="notice" role="status" data-kode={p.kode}>
            {fill(t.telegramKode, { kode: p.kode })}
          </p>
        )}
        {!data.kanal.telegram ? (
          <p>{t.telegramMati}</p>
        ) : data.telegramTerhubung ? (
          <>
            <p>{t.telegramTerhubung}</p>
            <PostForm action="/layanan-mandiri/akun">
              <input type="hidden" name="intent" value="telegram-putus" />
              <button type="submit">{t.telegramPutus}</button>
            </PostForm>
          </>
        ) : (
          <>
            <p>{t.telegramBelum}</p>
            <PostForm action="/layanan-mandiri/akun">
              <input type="hidden" name="intent" value="telegram-kode" />
              <button type="submit">{t.telegramBuatKode}</button>
            </PostForm>
          </>
        )}
      </section>

      <section aria-labelledby="akun-email">
        <h2 id="akun-email">{t.emailJudul}</h2>
        {!data.kanal.email ? (
          <p>{t.emailMati}</p>
        ) : (
          <>
            <p>
              {data.email === null
                ? t.emailBelum
                : fill(data.emailTerverifikasi ? t.emailTerverifikasi : t.emailMenunggu, { email: data.email })}
            </p>
            <PostForm action="/layanan-mandiri/akun" class="narrow" label={t.emailJudul}>
              <input type="hidden" name="intent" value="email" />
              <Field
                name="email"
                label={t.emailLabel}
                state={state}
                schema={EmailSchema}
                type="email"
                autocomplete="email"
                value={data.email ?? ''}
              />
              <button type="submit">{t.emailKirim}</button>
            </PostForm>
            {data.email !== null && (
              <PostForm action="/layanan-mandiri/akun">
                <input type="hidden" name="intent" value="email-hapus" />
                <button type="submit" class="link">
                  {t.emailHapus}
                </button>
              </PostForm>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="akun-aplikasi">
        <h2 id="akun-aplikasi">{t.aplikasiJudul}</h2>
        <p>{t.aplikasiTeks}</p>
      </section>
    </WargaLayout>
  );
}

/** The landing page of an email verification link: one button (mail scanners that fetch links do not verify). */
export function VerifikasiEmailPage(p: { ctx: PageCtx; token: string | null; pesan?: string }) {
  const t = p.ctx.m.notifikasi.verifikasi;
  return (
    <WargaLayout ctx={p.ctx} title={t.judul} signedIn={false}>
      {p.pesan ? (
        <p class="notice" role="status">
          {p.pesan}
        </p>
      ) : p.token === null ? (
        <p>{t.gagal}</p>
      ) : (
        <form method="post" action="/layanan-mandiri/email">
          <p>{t.teks}</p>
          <input type="hidden" name="t" value={p.token} />
          <button type="submit">{t.tombol}</button>
        </form>
      )}
      <p>
        <a href="/layanan-mandiri">{p.ctx.m.mandiri.judul}</a>
      </p>
    </WargaLayout>
  );
}
