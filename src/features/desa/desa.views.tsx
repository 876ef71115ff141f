import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { Breadcrumbs, ErrorSummary, Field, PostForm, Select, TextArea } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { capitalise, regionTitle } from '#src/lib/views/region-title.js';
import { DesaProfileSchema } from './desa.schema.js';
import type { DesaProfile } from './desa.service.js';
import { SEBUTAN_DESA, SEBUTAN_DUSUN } from './desa.table.js';

interface Props {
  ctx: PageCtx;
  desa: DesaProfile;
  canEdit: boolean;
  canBrowse: boolean;
  canEditLingkungan: boolean;
  /** link to the resident list (resident registry) */
  canReadPenduduk?: boolean;
  state?: FormState;
  logoState?: FormState;
}

export function DesaProfilePage({
  ctx,
  desa,
  canEdit,
  canBrowse,
  canEditLingkungan,
  canReadPenduduk = false,
  state = emptyForm(),
  logoState = emptyForm(),
}: Props) {
  const { m } = ctx;
  const v = (name: keyof typeof desa) => {
    const value = desa[name];
    return value === null || value === undefined ? '' : Array.isArray(value) ? value.join('\n') : String(value);
  };
  const crumbs = canBrowse
    ? [{ href: `/wilayah/${desa.kecamatan_kode}`, label: regionTitle(m, 'kecamatan', desa.kecamatan) }]
    : [];
  return (
    <Layout ctx={ctx} title={`${capitalise(desa.sebutan)} ${desa.nama}`} above={<Breadcrumbs items={crumbs} />}>
      <section class="card">
        <h2>{m.desa.identitas}</h2>
        <dl class="facts">
          <dt>{m.desa.kodeWilayah}</dt>
          <dd>
            <code>{desa.kode}</code>
          </dd>
          <dt>{m.desa.kecamatan}</dt>
          <dd>{desa.kecamatan}</dd>
          <dt>{m.desa.diaktifkan}</dt>
          <dd>{formatDateTime(desa.diaktifkan_pada, ctx.lang)}</dd>
        </dl>
        <p>
          <a href={`/desa/${desa.kode}/lingkungan`}>
            {canEditLingkungan ? m.dashboard.bukaLingkungan : m.nav.lingkungan}
          </a>
          {canReadPenduduk && (
            <>
              {' · '}
              <a href={`/desa/${desa.kode}/penduduk`}>{m.pendudukUi.nav}</a>
            </>
          )}
        </p>
      </section>

      {!canEdit && (
        <section>
          <p class="muted">{m.desa.tidakAdaAkses}</p>
          <dl class="facts">
            {(
              [
                ['alamat', m.desa.alamat],
                ['kode_pos', m.desa.kodePos],
                ['telepon', m.desa.telepon],
                ['email', m.desa.email],
                ['situs', m.desa.situs],
                ['kepala_desa', m.desa.kepalaDesa],
                ['hosts', m.desa.hosts],
              ] as const
            ).map(([key, label]) => [<dt key={`${key}-t`}>{label}</dt>, <dd key={`${key}-d`}>{v(key) || '—'}</dd>])}
          </dl>
        </section>
      )}

      {canEdit && (
        <section>
          <h2>{m.common.ubah}</h2>
          <ErrorSummary state={state} />
          <PostForm action={`/desa/${desa.kode}`} label={m.desa.title}>
            <div class="grid2">
              <Select
                name="sebutan"
                label={m.desa.sebutan}
                state={state}
                value={desa.sebutan}
                options={SEBUTAN_DESA.map((s) => ({ value: s, label: capitalise(s) }))}
              />
              <Select
                name="sebutan_dusun"
                label={m.desa.sebutanDusun}
                state={state}
                value={desa.sebutan_dusun}
                options={SEBUTAN_DUSUN.map((s) => ({ value: s, label: capitalise(s) }))}
              />
            </div>
            <Field
              name="alamat"
              label={m.desa.alamat}
              state={state}
              schema={DesaProfileSchema}
              value={v('alamat')}
              autocomplete="street-address"
            />
            <div class="grid2">
              <Field
                name="kode_pos"
                label={m.desa.kodePos}
                state={state}
                schema={DesaProfileSchema}
                value={v('kode_pos')}
                inputMode="numeric"
                autocomplete="postal-code"
              />
              <Field
                name="telepon"
                label={m.desa.telepon}
                state={state}
                schema={DesaProfileSchema}
                value={v('telepon')}
                type="tel"
                autocomplete="tel"
              />
            </div>
            <div class="grid2">
              <Field
                name="email"
                label={m.desa.email}
                state={state}
                schema={DesaProfileSchema}
                value={v('email')}
                type="email"
                autocomplete="email"
              />
              <Field
                name="situs"
                label={m.desa.situs}
                state={state}
                schema={DesaProfileSchema}
                value={v('situs')}
                type="url"
              />
            </div>
            <div class="grid2">
              <Field
                name="kepala_desa"
                label={m.desa.kepalaDesa}
                state={state}
                schema={DesaProfileSchema}
                value={v('kepala_desa')}
              />
              <Field
                name="nip_kepala_desa"
                label={m.desa.nipKepalaDesa}
                state={state}
                schema={DesaProfileSchema}
                value={v('nip_kepala_desa')}
                inputMode="numeric"
              />
            </div>
            <TextArea name="hosts" label={m.desa.hosts} hint={m.desa.hostsHint} state={state} value={v('hosts')} />
            <button type="submit">{m.common.simpan}</button>
          </PostForm>
        </section>
      )}

      <section>
        <h2>{m.desa.logo}</h2>
        {desa.logo_berkas ? (
          <img
            class="logo"
            src={`/desa/${desa.kode}/logo`}
            alt={`${m.desa.logo} ${desa.nama}`}
            width={128}
            height={128}
          />
        ) : (
          <p class="muted">{m.desa.belumAdaLogo}</p>
        )}
        {canEdit && (
          <PostForm action={`/desa/${desa.kode}/logo`} multipart label={m.desa.unggahLogo}>
            <ErrorSummary state={logoState} idPrefix="logo" />
            <div class={logoState.errors.logo ? 'field has-error' : 'field'}>
              <label for="logo-logo">{m.desa.unggahLogo}</label>
              <p class="hint" id="logo-hint">
                {m.desa.logoHint}
              </p>
              {logoState.errors.logo && (
                <p class="error" id="logo-error">
                  {logoState.errors.logo}
                </p>
              )}
              <input
                id="logo-logo"
                name="logo"
                type="file"
                accept="image/png,image/jpeg,image/webp"
                required
                aria-describedby="logo-hint"
              />
            </div>
            <button type="submit" class="secondary">
              {m.desa.unggahLogo}
            </button>
          </PostForm>
        )}
      </section>
    </Layout>
  );
}
