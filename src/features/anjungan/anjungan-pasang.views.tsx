import type { FormState } from '#src/lib/forms/form.js';
import { ErrorSummary } from '#src/lib/views/components.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { AnjunganLayout } from './anjungan-layout.js';

/** Opened on the kiosk's browser: type (or follow a link with) the one-time code from the office. */
export function PasangPage(p: { ctx: PageCtx; kode: string; state?: FormState }) {
  const t = p.ctx.m.anjungan.pasang;
  return (
    <AnjunganLayout ctx={p.ctx} title={t.judul} idleDetik={600} pulang="/anjungan/pasang">
      <form method="post" action="/anjungan/pasang" class="anj-form">
        <p>{t.intro}</p>
        {p.state && <ErrorSummary state={p.state} />}
        <div class="field">
          <label for="f-kode">{t.kode}</label>
          <input
            id="f-kode"
            name="kode"
            type="text"
            autocomplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            maxLength={30}
            required
            // biome-ignore lint/a11y/noAutofocus: a kiosk screen has one field to type the code into
            autoFocus
            value={p.state?.values.kode ?? p.kode}
          />
        </div>
        <button type="submit" class="anj-tombol anj-utama">
          {t.tombol}
        </button>
      </form>
    </AnjunganLayout>
  );
}
