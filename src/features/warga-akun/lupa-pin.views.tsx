import { WargaLayout } from '#src/features/mandiri/warga-layout.js';
import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { ErrorSummary, Field } from '#src/lib/views/components.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { AturPinSchema, LupaPinSchema } from './warga-akun.schema.js';

/** Ask for a forgotten-PIN link (public; the same answer whatever the NIK). */
export function LupaPinPage(p: { ctx: PageCtx; state?: FormState; pesan?: string }) {
  const t = p.ctx.m.notifikasi.lupa;
  const state = p.state ?? emptyForm();
  return (
    <WargaLayout ctx={p.ctx} title={t.judul} signedIn={false}>
      {p.pesan && (
        <p class="notice" role="status">
          {p.pesan}
        </p>
      )}
      <p>{t.intro}</p>
      <ErrorSummary state={state} />
      <form method="post" action="/layanan-mandiri/lupa-pin" class="narrow" aria-label={t.judul}>
        <Field
          name="nik"
          label={t.nik}
          state={state}
          schema={LupaPinSchema}
          inputMode="numeric"
          autocomplete="username"
        />
        <button type="submit">{t.tombol}</button>
      </form>
      <p>
        <a href="/layanan-mandiri/masuk">{p.ctx.m.mandiri.masuk.judul}</a>
      </p>
    </WargaLayout>
  );
}

/** The page the emailed link opens: choose a new PIN (the link is used only when the PIN is accepted). */
export function AturPinPage(p: { ctx: PageCtx; token: string | null; state?: FormState }) {
  const t = p.ctx.m.notifikasi.lupa;
  const state = p.state ?? emptyForm();
  return (
    <WargaLayout ctx={p.ctx} title={t.aturJudul} signedIn={false}>
      {p.token === null ? (
        <p>
          {t.gagal} <a href="/layanan-mandiri/lupa-pin">{t.judul}</a>
        </p>
      ) : (
        <>
          <ErrorSummary state={state} />
          <form method="post" action="/layanan-mandiri/lupa-pin/atur" class="narrow" aria-label={t.aturJudul}>
            <input type="hidden" name="t" value={p.token} />
            <Field
              name="pin_baru"
              label={t.pinBaru}
              state={state}
              schema={AturPinSchema}
              type="password"
              inputMode="numeric"
              autocomplete="new-password"
              hint={p.ctx.m.mandiri.pin.petunjuk}
            />
            <Field
              name="ulangi"
              label={t.ulangi}
              state={state}
              schema={AturPinSchema}
              type="password"
              inputMode="numeric"
              autocomplete="new-password"
            />
            <button type="submit">{t.aturTombol}</button>
          </form>
        </>
      )}
    </WargaLayout>
  );
}
