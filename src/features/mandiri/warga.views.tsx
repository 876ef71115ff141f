import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { fill } from '#src/lib/i18n/messages.js';
import { ErrorSummary, Field, PostForm } from '#src/lib/views/components.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { GantiPinSchema, MasukWargaSchema } from './mandiri.schema.js';
import { WARGA_LABEL, WARGA_MENU, WargaLayout } from './warga-layout.js';

export function MasukWargaPage({
  ctx,
  state = emptyForm(),
  lanjut,
}: {
  ctx: PageCtx;
  state?: FormState;
  lanjut?: string;
}) {
  const t = ctx.m.mandiri.masuk;
  return (
    <WargaLayout ctx={ctx} title={t.judul} signedIn={false}>
      <p>{t.intro}</p>
      <ErrorSummary state={state} />
      <PostForm action="/layanan-mandiri/masuk" class="narrow" label={t.judul}>
        {lanjut && <input type="hidden" name="lanjut" value={lanjut} />}
        <Field
          name="nik"
          label={t.nik}
          state={state}
          schema={MasukWargaSchema}
          inputMode="numeric"
          autocomplete="username"
        />
        <Field
          name="pin"
          label={t.pin}
          state={state}
          schema={MasukWargaSchema}
          type="password"
          inputMode="numeric"
          autocomplete="current-password"
          value=""
        />
        <button type="submit">{t.tombol}</button>
      </PostForm>
      <p>
        {t.lupa} <a href="/layanan-mandiri/lupa-pin">{t.lupaTautan}</a>, {t.lupaKantor}
      </p>
      <p>
        {t.belumPunya} <a href="/layanan-mandiri/daftar">{t.daftar}</a>
      </p>
    </WargaLayout>
  );
}

export function GantiPinPage({ ctx, state = emptyForm(), wajib }: { ctx: PageCtx; state?: FormState; wajib: boolean }) {
  const t = ctx.m.mandiri.pin;
  return (
    <WargaLayout ctx={ctx} title={t.judul} signedIn={!wajib}>
      {wajib && <p class="notice">{t.wajib}</p>}
      <ErrorSummary state={state} />
      <PostForm action="/layanan-mandiri/pin" class="narrow" label={t.judul}>
        <Field
          name="pin_lama"
          label={t.lama}
          state={state}
          schema={GantiPinSchema}
          type="password"
          inputMode="numeric"
          autocomplete="current-password"
          value=""
        />
        <Field
          name="pin_baru"
          label={t.baru}
          state={state}
          schema={GantiPinSchema}
          type="password"
          inputMode="numeric"
          autocomplete="new-password"
          hint={t.petunjuk}
          value=""
        />
        <Field
          name="ulangi"
          label={t.ulangi}
          state={state}
          schema={GantiPinSchema}
          type="password"
          inputMode="numeric"
          autocomplete="new-password"
          value=""
        />
        <button type="submit">{t.tombol}</button>
      </PostForm>
      {wajib && (
        <PostForm action="/layanan-mandiri/keluar">
          <button type="submit" class="link">
            {ctx.m.mandiri.keluar}
          </button>
        </PostForm>
      )}
    </WargaLayout>
  );
}

/** The resident's home: a greeting and the menu as large links (the same as the header's, for phones). */
export function BerandaWargaPage({ ctx, nama, desa }: { ctx: PageCtx; nama: string; desa: string }) {
  const t = ctx.m.mandiri.beranda;
  return (
    <WargaLayout ctx={ctx} title={fill(t.salam, { nama })} signedIn desa={desa}>
      <p>{t.intro}</p>
      <ul class="kartu-menu">
        {WARGA_MENU.slice(1).map((item) => (
          <li key={item.path}>
            <a href={item.path}>{WARGA_LABEL[item.key]}</a>
          </li>
        ))}
      </ul>
    </WargaLayout>
  );
}
