import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { ErrorSummary, Field, PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { ChangePasswordSchema, LoginSchema } from './auth.schema.js';

export function LoginPage({ ctx, state = emptyForm(), lanjut }: { ctx: PageCtx; state?: FormState; lanjut?: string }) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.login.title}>
      <p>{m.login.intro}</p>
      <ErrorSummary state={state} />
      <PostForm action="/masuk" class="narrow" label={m.login.title}>
        {lanjut && <input type="hidden" name="lanjut" value={lanjut} />}
        <Field name="username" label={m.login.username} state={state} schema={LoginSchema} autocomplete="username" />
        <Field
          name="sandi"
          label={m.login.sandi}
          state={state}
          schema={LoginSchema}
          type="password"
          autocomplete="current-password"
        />
        <button type="submit">{m.login.tombol}</button>
      </PostForm>
      <p class="muted">{m.login.lupa}</p>
    </Layout>
  );
}

export function ChangePasswordPage({ ctx, state = emptyForm() }: { ctx: PageCtx; state?: FormState }) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.password.title}>
      {ctx.user?.harusGantiSandi && <p class="notice">{m.password.wajibGanti}</p>}
      <ErrorSummary state={state} />
      <PostForm action="/akun/sandi" class="narrow" label={m.password.title}>
        <input type="text" name="username" value={ctx.user?.username ?? ''} autocomplete="username" hidden readOnly />
        <Field
          name="sandi_lama"
          label={m.password.lama}
          state={state}
          schema={ChangePasswordSchema}
          type="password"
          autocomplete="current-password"
        />
        <Field
          name="sandi"
          label={m.password.baru}
          state={state}
          schema={ChangePasswordSchema}
          type="password"
          autocomplete="new-password"
          hint={m.password.aturan}
        />
        <Field
          name="sandi_ulang"
          label={m.password.ulang}
          state={state}
          schema={ChangePasswordSchema}
          type="password"
          autocomplete="new-password"
        />
        <button type="submit">{m.password.tombol}</button>
      </PostForm>
      <h2>{m.nav.keluarSemua}</h2>
      <p>{m.password.keluarSemuaIntro}</p>
      <PostForm action="/keluar-semua">
        <button type="submit" class="secondary">
          {m.nav.keluarSemua}
        </button>
      </PostForm>
    </Layout>
  );
}
