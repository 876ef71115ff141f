import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { ErrorSummary, Field, PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { SetupSchema } from './instalasi.schema.js';

interface SetupProps {
  ctx: PageCtx;
  token: string;
  kabupaten: readonly { kode: string; nama: string; provinsi: string }[];
  state?: FormState;
}

export function SetupPage({ ctx, token, kabupaten, state = emptyForm() }: SetupProps) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.setup.title}>
      <p>{m.setup.intro}</p>
      <ErrorSummary state={state} />
      <PostForm action={`/setup/${token}`} class="narrow" label={m.setup.title}>
        <Field
          name="kabupaten"
          label={m.setup.kabupaten}
          hint={m.setup.kabupatenHint}
          state={state}
          schema={SetupSchema}
          list="daftar-kabupaten"
          inputMode="numeric"
        />
        <datalist id="daftar-kabupaten">
          {kabupaten.map((k) => (
            <option key={k.kode} value={k.kode}>{`${k.nama} (${k.provinsi})`}</option>
          ))}
        </datalist>
        <Field name="nama" label={m.setup.nama} state={state} schema={SetupSchema} autocomplete="name" />
        <Field
          name="username"
          label={m.pengguna.username}
          hint={m.pengguna.usernameHint}
          state={state}
          schema={SetupSchema}
          autocomplete="username"
        />
        <Field
          name="sandi"
          label={m.password.baru}
          hint={m.password.aturan}
          state={state}
          schema={SetupSchema}
          type="password"
          autocomplete="new-password"
        />
        <Field
          name="sandi_ulang"
          label={m.password.ulang}
          state={state}
          schema={SetupSchema}
          type="password"
          autocomplete="new-password"
        />
        <button type="submit">{m.setup.tombol}</button>
      </PostForm>
    </Layout>
  );
}

export function SetupInvalidPage({ ctx }: { ctx: PageCtx }) {
  return (
    <Layout ctx={ctx} title={ctx.m.setup.tidakValid}>
      <p>{ctx.m.setup.tidakValidIsi}</p>
    </Layout>
  );
}
