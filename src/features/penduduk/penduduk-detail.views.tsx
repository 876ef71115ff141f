import { codeLabel } from '#src/domain/codes.js';
import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { Breadcrumbs, ErrorSummary, PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import { type PageCtx, usePage } from '#src/lib/views/page-context.js';
import { capitalise } from '#src/lib/views/region-title.js';
import type { PendudukDetail } from './penduduk-detail.service.js';
import { ageText, fieldText, formatDate, fotoVersion, KkText, NikText } from './penduduk-display.js';
import { PERSON_GROUPS } from './penduduk-groups.js';
import { Timeline } from './penduduk-timeline.views.js';

export interface DetailPermissions {
  edit: boolean;
  record: boolean;
  fullNumbers: boolean;
}

interface Props {
  ctx: PageCtx;
  detail: PendudukDetail;
  can: DetailPermissions;
  batal?: { eventId: number; state: FormState } | undefined;
  fotoState?: FormState | undefined;
}

export const unitPathLabel = (detail: PendudukDetail, m: PageCtx['m']) =>
  detail.path.map((u) => `${m.tingkat[u.tingkat] ?? u.tingkat} ${u.nama}`).join(' / ');

/** Every field, group by group; empty fields are left out. */
export function FieldGroups({ detail, fullNumbers }: { detail: PendudukDetail; fullNumbers: boolean }) {
  const { m, lang } = usePage();
  const person = detail.person as unknown as Record<string, unknown>;
  return (
    <>
      {PERSON_GROUPS.map((group) => {
        const rows = group.fields.flatMap((def) => {
          if (def.name === 'nik' || def.name === 'nama') return [];
          const text = fieldText(def, person[def.name], fullNumbers, lang);
          return text ? [[def.name, m.registry.field[def.name] ?? def.name, text] as const] : [];
        });
        if (rows.length === 0) return null;
        return (
          <section key={group.key} class="card group">
            <h2>{m.pendudukUi.group[group.key]}</h2>
            <dl class="facts">
              {rows.map(([name, label, text]) => [
                <dt key={`${name}-t`}>{label}</dt>,
                <dd key={`${name}-d`}>{text}</dd>,
              ])}
            </dl>
          </section>
        );
      })}
    </>
  );
}

function Family({ detail, fullNumbers }: { detail: PendudukDetail; fullNumbers: boolean }) {
  const { m } = usePage();
  const d = m.pendudukUi.detail;
  const { family, members, person } = detail;
  return (
    <section class="card" aria-labelledby="keluarga">
      <h2 id="keluarga">{d.keluarga}</h2>
      {!family ? (
        <p class="muted">{d.tanpaKeluarga}</p>
      ) : (
        <>
          <dl class="facts">
            <dt>{m.registry.field.no_kk}</dt>
            <dd>
              <KkText noKk={family.no_kk} full={fullNumbers} />
            </dd>
            <dt>{d.kepala}</dt>
            <dd>{family.kepala ?? '—'}</dd>
            <dt>{m.registry.field.kk_level}</dt>
            <dd>{codeLabel('hubungan_keluarga', person.kk_level) ?? '—'}</dd>
          </dl>
          {family.ditutup_pada && <p class="notice">{d.kkDitutup}</p>}
          <p>
            <a href={`/keluarga/${family.id}`}>{d.bukaKeluarga}</a>
          </p>
          {members.length > 0 && (
            <>
              <h3>{d.anggota}</h3>
              <ul class="plain">
                {members.map((x) => (
                  <li key={x.id}>
                    {x.id === person.id ? <strong>{x.nama}</strong> : <a href={`/penduduk/${x.id}`}>{x.nama}</a>}{' '}
                    <span class="muted">
                      {codeLabel('hubungan_keluarga', x.kk_level)} · {ageText(x.tanggallahir, m)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function Photo({ detail, canEdit, state }: { detail: PendudukDetail; canEdit: boolean; state: FormState }) {
  const { m } = usePage();
  const d = m.pendudukUi.detail;
  const { person } = detail;
  const v = fotoVersion(person.foto);
  return (
    <section class="card photo" aria-labelledby="foto">
      <h2 id="foto">{d.foto}</h2>
      {v ? (
        <img class="foto" src={`/penduduk/${person.id}/foto?v=${v}`} alt={d.fotoAlt(person.nama)} width={150} />
      ) : (
        <p class="muted">{d.tanpaFoto}</p>
      )}
      {canEdit && (
        <PostForm action={`/penduduk/${person.id}/foto`} multipart label={d.unggahFoto}>
          <ErrorSummary state={state} idPrefix="foto" />
          <div class={state.errors.foto ? 'field has-error' : 'field'}>
            <label for="foto-foto">{d.unggahFoto}</label>
            <p class="hint" id="foto-hint">
              {d.fotoHint}
            </p>
            {state.errors.foto && (
              <p class="error" id="foto-error">
                {state.errors.foto}
              </p>
            )}
            <input
              id="foto-foto"
              name="foto"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              required
              aria-describedby={state.errors.foto ? 'foto-hint foto-error' : 'foto-hint'}
            />
          </div>
          <button type="submit" class="secondary small">
            {d.unggahFoto}
          </button>
        </PostForm>
      )}
    </section>
  );
}

/** GET /penduduk/:id — the whole record, family, history, warnings and the actions the user may take. */
export function PendudukDetailPage({ ctx, detail, can, batal, fotoState = emptyForm() }: Props) {
  const { m, lang } = ctx;
  const d = m.pendudukUi.detail;
  const { person, desa } = detail;
  const desaName = `${capitalise(desa.sebutan)} ${desa.nama}`;
  const living = person.status_dasar === 1;
  return (
    <Layout
      ctx={ctx}
      title={person.nama}
      above={
        <Breadcrumbs
          items={[
            { href: `/desa/${desa.kode}`, label: desaName },
            { href: `/desa/${desa.kode}/penduduk`, label: m.pendudukUi.nav },
          ]}
        />
      }
    >
      <nav class="actions" aria-label={d.tindakan}>
        {can.edit && (
          <a class="button" href={`/penduduk/${person.id}/ubah`}>
            {d.ubah}
          </a>
        )}
        {can.record &&
          living &&
          (['mati', 'pindah-keluar', 'hilang', ...(person.status === 2 ? ['pergi'] : [])] as const).map((j) => (
            <a key={j} class="button secondary" href={`/penduduk/${person.id}/peristiwa/${j}`}>
              {m.pendudukUi.events.judul[j]}
            </a>
          ))}
        <a class="button secondary" href={`/penduduk/${person.id}/cetak`}>
          {d.cetak}
        </a>
      </nav>
      <section class="card" aria-labelledby="ringkasan">
        <h2 id="ringkasan">{d.ringkasan}</h2>
        <dl class="facts">
          <dt>{m.registry.field.nik}</dt>
          <dd>
            <NikText nik={person.nik} sementara={person.nik_sementara} full={can.fullNumbers} />
          </dd>
          <dt>{m.registry.field.status_dasar}</dt>
          <dd>{codeLabel('status_dasar', person.status_dasar)}</dd>
          <dt>{m.registry.field.tanggallahir}</dt>
          <dd>
            {formatDate(person.tanggallahir, lang)} {person.tanggallahir && `(${ageText(person.tanggallahir, m)})`}
          </dd>
          <dt>{d.desa}</dt>
          <dd>{desaName}</dd>
          <dt>{m.registry.field.lingkungan_id}</dt>
          <dd>{unitPathLabel(detail, m) || '—'}</dd>
        </dl>
        <p class="muted">{d.diperbarui(person.diperbarui_oleh ?? '?', formatDateTime(person.diperbarui_pada, lang))}</p>
      </section>
      {person.digabung_ke_id !== null && (
        <p class="notice">
          {d.digabung} <a href={`/penduduk/${person.digabung_ke_id}`}>{d.bukaGabungan}</a>
        </p>
      )}
      {detail.warnings.length > 0 && (
        <section class="notice" aria-labelledby="peringatan">
          <h2 id="peringatan">{d.peringatan}</h2>
          <ul>
            {detail.warnings.map((w) => (
              <li key={w}>{m.registry.peringatan[w] ?? w}</li>
            ))}
          </ul>
        </section>
      )}
      <Photo detail={detail} canEdit={can.edit} state={fotoState} />
      <Family detail={detail} fullNumbers={can.fullNumbers} />
      <FieldGroups detail={detail} fullNumbers={can.fullNumbers} />
      <section aria-labelledby="riwayat">
        <h2 id="riwayat">{d.riwayat}</h2>
        <Timeline entries={detail.timeline} fullNumbers={can.fullNumbers} canReverse={can.record} batal={batal} />
      </section>
    </Layout>
  );
}
