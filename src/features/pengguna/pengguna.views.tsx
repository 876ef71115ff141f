import type { Grant } from '#src/lib/auth/grants.js';
import { findGrant } from '#src/lib/auth/grants.js';
import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { ErrorSummary, Field, PostForm, Select } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import { type PageCtx, usePage } from '#src/lib/views/page-context.js';
import type { GrantRow } from './pengguna.repository.js';
import { CreateUserSchema } from './pengguna.schema.js';
import type { UserWithGrants } from './pengguna.service.js';
import type { AssignmentOptions } from './pengguna-options.service.js';

function grantLabel(m: PageCtx['m'], g: GrantRow) {
  return `${m.roles[g.peran] ?? g.peran} · ${g.lingkup_kode}${g.lingkungan_id ? ` #${g.lingkungan_id}` : ''}`;
}

export function UserListPage({ ctx, users, canCreate }: { ctx: PageCtx; users: UserWithGrants[]; canCreate: boolean }) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.pengguna.title}>
      {canCreate && (
        <p>
          <a class="button" href="/pengguna/baru">
            {m.pengguna.baru}
          </a>
        </p>
      )}
      {users.length === 0 ? (
        <p class="muted">{m.pengguna.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{m.pengguna.username}</th>
                <th scope="col">{m.pengguna.nama}</th>
                <th scope="col">{m.pengguna.peranLingkup}</th>
                <th scope="col">{m.pengguna.status}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    <a href={`/pengguna/${u.id}`}>{u.username}</a>
                  </td>
                  <td>{u.nama}</td>
                  <td>{u.grants.map((g) => grantLabel(m, g)).join('; ') || '—'}</td>
                  <td>
                    {u.aktif ? m.common.aktif : m.common.nonaktif}
                    {u.harus_ganti_sandi === 1 && ` (${m.pengguna.harusGanti})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

function AssignmentFields({
  state,
  options,
  idPrefix,
}: {
  state: FormState;
  options: AssignmentOptions;
  idPrefix: string;
}) {
  const { m } = usePage();
  const listId = `${idPrefix}-lingkup-list`;
  return (
    <>
      <Select
        name="peran"
        label={m.pengguna.peran}
        state={state}
        idPrefix={idPrefix}
        options={options.roles.map((r) => ({ value: r, label: m.roles[r] ?? r }))}
      />
      <Field
        name="lingkup_kode"
        label={m.pengguna.lingkup}
        hint={m.pengguna.lingkupHint}
        state={state}
        schema={CreateUserSchema}
        idPrefix={idPrefix}
        list={listId}
        inputMode="numeric"
      />
      <datalist id={listId}>
        {options.scopes.map((s) => (
          <option key={s.kode} value={s.kode}>
            {s.label}
          </option>
        ))}
      </datalist>
      {options.units ? (
        <Select
          name="lingkungan_id"
          label={m.pengguna.lingkungan}
          state={state}
          idPrefix={idPrefix}
          placeholder="—"
          options={options.units.map((u) => ({ value: String(u.id), label: u.label }))}
        />
      ) : (
        <Field
          name="lingkungan_id"
          label={m.pengguna.lingkungan}
          state={state}
          idPrefix={idPrefix}
          inputMode="numeric"
        />
      )}
    </>
  );
}

export function NewUserPage({
  ctx,
  options,
  state = emptyForm(),
}: {
  ctx: PageCtx;
  options: AssignmentOptions;
  state?: FormState;
}) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.pengguna.baru}>
      <ErrorSummary state={state} />
      <PostForm action="/pengguna" class="narrow" label={m.pengguna.baru}>
        <Field
          name="username"
          label={m.pengguna.username}
          hint={m.pengguna.usernameHint}
          state={state}
          schema={CreateUserSchema}
          autocomplete="off"
        />
        <Field name="nama" label={m.pengguna.nama} state={state} schema={CreateUserSchema} autocomplete="off" />
        <Field
          name="email"
          label={m.pengguna.email}
          state={state}
          schema={CreateUserSchema}
          type="email"
          autocomplete="off"
        />
        <AssignmentFields state={state} options={options} idPrefix="f" />
        <Field
          name="sandi"
          label={m.pengguna.sandiAwal}
          hint={`${m.pengguna.sandiAwalHint} ${m.password.aturan}`}
          state={state}
          schema={CreateUserSchema}
          type="password"
          autocomplete="new-password"
        />
        <Field
          name="sandi_ulang"
          label={m.pengguna.ulang}
          state={state}
          schema={CreateUserSchema}
          type="password"
          autocomplete="new-password"
        />
        <button type="submit">{m.pengguna.buat}</button>
      </PostForm>
    </Layout>
  );
}

interface DetailProps {
  ctx: PageCtx;
  user: UserWithGrants;
  grants: readonly Grant[];
  options: AssignmentOptions | null;
  failed?: { intent: string; state: FormState } | null;
}

export function UserDetailPage({ ctx, user, grants, options, failed = null }: DetailProps) {
  const { m } = ctx;
  const stateFor = (intent: string) => (failed?.intent === intent ? failed.state : emptyForm());
  const canManage = options !== null;
  const action = `/pengguna/${user.id}`;
  return (
    <Layout
      ctx={ctx}
      title={`${user.nama} (${user.username})`}
      above={
        <p class="crumbs">
          <a href="/pengguna">{m.pengguna.title}</a>
        </p>
      }
    >
      {failed && <ErrorSummary state={failed.state} idPrefix={failed.intent} />}
      <dl class="facts">
        <dt>{m.pengguna.status}</dt>
        <dd>
          {user.aktif ? m.common.aktif : m.common.nonaktif}
          {user.harus_ganti_sandi === 1 && ` (${m.pengguna.harusGanti})`}
        </dd>
        <dt>{m.pengguna.email}</dt>
        <dd>{user.email ?? '—'}</dd>
        <dt>{m.pengguna.dibuat}</dt>
        <dd>{formatDateTime(user.dibuat_pada, ctx.lang)}</dd>
      </dl>
      <h2>{m.pengguna.peranLingkup}</h2>
      <ul class="plain">
        {user.grants.map((g) => (
          <li key={g.id}>
            {grantLabel(m, g)}{' '}
            {canManage && findGrant(grants, 'manage:pengguna', { kode: g.lingkup_kode }) && (
              <PostForm action={action} class="inline">
                <input type="hidden" name="intent" value="hapus-peran" />
                <input type="hidden" name="peran_id" value={String(g.id)} />
                <button type="submit" class="small danger" aria-label={`${m.pengguna.hapusPeran} ${grantLabel(m, g)}`}>
                  {m.pengguna.hapusPeran}
                </button>
              </PostForm>
            )}
          </li>
        ))}
      </ul>
      {options && (
        <>
          <section class="card">
            <h2>{m.pengguna.tambahPeran}</h2>
            <PostForm action={action} label={m.pengguna.tambahPeran}>
              <input type="hidden" name="intent" value="tambah-peran" />
              <AssignmentFields state={stateFor('tambah-peran')} options={options} idPrefix="tambah-peran" />
              <button type="submit">{m.pengguna.tambahPeran}</button>
            </PostForm>
          </section>
          <section class="card">
            <h2>{m.pengguna.aturUlang}</h2>
            <p class="hint">{m.pengguna.aturUlangHint}</p>
            <PostForm action={action} label={m.pengguna.aturUlang}>
              <input type="hidden" name="intent" value="atur-ulang-sandi" />
              <Field
                name="sandi"
                label={m.pengguna.sandiAwal}
                state={stateFor('atur-ulang-sandi')}
                type="password"
                idPrefix="atur-ulang-sandi"
                autocomplete="new-password"
              />
              <Field
                name="sandi_ulang"
                label={m.pengguna.ulang}
                state={stateFor('atur-ulang-sandi')}
                type="password"
                idPrefix="atur-ulang-sandi"
                autocomplete="new-password"
              />
              <button type="submit">{m.pengguna.aturUlang}</button>
            </PostForm>
          </section>
          <section class="actions">
            <PostForm action={action} class="inline">
              <input type="hidden" name="intent" value={user.aktif ? 'nonaktifkan' : 'aktifkan'} />
              <button type="submit" class={user.aktif ? 'danger' : ''}>
                {user.aktif ? m.pengguna.nonaktifkan : m.pengguna.aktifkan}
              </button>
            </PostForm>
            <PostForm action={action} class="inline">
              <input type="hidden" name="intent" value="akhiri-sesi" />
              <button type="submit" class="secondary">
                {m.pengguna.akhiriSesi}
              </button>
            </PostForm>
          </section>
        </>
      )}
    </Layout>
  );
}
