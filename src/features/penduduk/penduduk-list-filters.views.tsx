import { type CodeListName, codeList } from '#src/domain/codes.js';
import type { LingkunganRow } from '#src/features/lingkungan/lingkungan.repository.js';
import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { NumberLookupForm } from '#src/lib/views/components.js';
import { usePage } from '#src/lib/views/page-context.js';
import type { FilterableCode } from './penduduk-list.repository.js';
import { NikLookupSchema } from './penduduk-list.schema.js';
import { unitAndBelow, unitOptions } from './penduduk-units.js';

/** Filters shown at once; the other coded fields sit under "more filters" (a <details>, no script needed). */
const MAIN_CODES: readonly [FilterableCode, CodeListName][] = [['sex', 'jenis_kelamin']];
const MORE_CODES: readonly [FilterableCode, CodeListName][] = [
  ['agama_id', 'agama'],
  ['pendidikan_kk_id', 'pendidikan_kk'],
  ['pendidikan_sedang_id', 'pendidikan_sedang'],
  ['pekerjaan_id', 'pekerjaan'],
  ['status_kawin', 'status_kawin'],
  ['kk_level', 'hubungan_keluarga'],
  ['warganegara_id', 'warga_negara'],
  ['golongan_darah_id', 'golongan_darah'],
  ['cacat_id', 'cacat'],
  ['sakit_menahun_id', 'sakit_menahun'],
  ['id_asuransi', 'asuransi'],
  ['status', 'status_penduduk'],
  ['ktp_el', 'ktp_el'],
  ['status_rekam', 'status_rekam_ktp'],
];

/** Units at or below `root` (a dusun/RW/RT operator chooses only inside their own unit). */
function subtree(units: readonly LingkunganRow[], root: number | null): readonly LingkunganRow[] {
  if (root === null) return units;
  const ids = new Set(unitAndBelow(units, root));
  return units.filter((u) => ids.has(u.id));
}

function CodeSelect({ name, list, value }: { name: string; list: CodeListName; value: string }) {
  const { m } = usePage();
  const id = `q-${name}`;
  return (
    <div class="field">
      <label for={id}>{m.registry.field[name] ?? name}</label>
      <select id={id} name={name}>
        <option value="">{m.pendudukUi.list.semua}</option>
        {codeList(list).map((c) => (
          <option key={c.code} value={String(c.code)} selected={value === String(c.code)}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What the "Cari NIK" form shows again: the typed number and its errors, and the outcome of the look-up. */
export interface NikLookupState {
  state: FormState;
  message?: string;
}

/** "Cari NIK": a NIK is looked up by POST, so that it never appears in the URL (the `q` filter is name-only). */
export function NikLookup({ action, lookup }: { action: string; lookup: NikLookupState | null }) {
  const { m } = usePage();
  const c = m.pendudukUi.cariNik;
  return (
    <NumberLookupForm
      action={action}
      name="nik"
      idPrefix="cari-nik"
      title={c.judul}
      label={c.label}
      hint={c.hint}
      button={c.tombol}
      schema={NikLookupSchema}
      state={lookup?.state ?? emptyForm()}
      message={lookup?.message}
    />
  );
}

export function ListFilters(props: {
  desaKode: string;
  query: Record<string, string>;
  units: readonly LingkunganRow[];
  ownUnit: number | null;
}) {
  const { m } = usePage();
  const u = m.pendudukUi;
  const q = (name: string) => props.query[name] ?? '';
  const moreOpen = MORE_CODES.some(([name]) => q(name) !== '');
  const status = q('status_dasar') || '1';
  return (
    <form method="get" action={`/desa/${props.desaKode}/penduduk`} class="filters" aria-label={u.list.filter}>
      <div class="field wide">
        <label for="q-q">{u.list.cari}</label>
        <p class="hint" id="q-q-hint">
          {u.list.cariHint}
        </p>
        <input id="q-q" name="q" type="search" value={q('q')} maxLength={100} aria-describedby="q-q-hint" />
      </div>
      <div class="field">
        <label for="q-lingkungan">{m.registry.field.lingkungan_id}</label>
        <select id="q-lingkungan" name="lingkungan">
          <option value="">{u.list.semua}</option>
          {unitOptions(subtree(props.units, props.ownUnit), m).map((o) => (
            <option key={o.value} value={o.value} selected={q('lingkungan') === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {MAIN_CODES.map(([name, list]) => (
        <CodeSelect key={name} name={name} list={list} value={q(name)} />
      ))}
      <div class="field">
        <label for="q-umur_min">{u.list.umurMin}</label>
        <input id="q-umur_min" name="umur_min" inputMode="numeric" pattern="[0-9]{1,3}" value={q('umur_min')} />
      </div>
      <div class="field">
        <label for="q-umur_maks">{u.list.umurMaks}</label>
        <input id="q-umur_maks" name="umur_maks" inputMode="numeric" pattern="[0-9]{1,3}" value={q('umur_maks')} />
      </div>
      <div class="field">
        <label for="q-status_dasar">{m.registry.field.status_dasar}</label>
        <select id="q-status_dasar" name="status_dasar">
          {['1', '2', '3', '4', '6', '9'].map((s) => (
            <option key={s} value={s} selected={status === s}>
              {codeList('status_dasar').find((c) => String(c.code) === s)?.label ?? s}
            </option>
          ))}
          <option value="semua" selected={status === 'semua'}>
            {u.list.semuaStatus}
          </option>
        </select>
      </div>
      <div class="field">
        <label for="q-urut">{u.list.urut}</label>
        <select id="q-urut" name="urut">
          {['nama', 'umur', 'terbaru'].map((s) => (
            <option key={s} value={s} selected={(q('urut') || 'nama') === s}>
              {u.list.urutan[s]}
            </option>
          ))}
        </select>
      </div>
      <details class="more" open={moreOpen}>
        <summary>{u.list.filterLain}</summary>
        <div class="filters">
          {MORE_CODES.map(([name, list]) => (
            <CodeSelect key={name} name={name} list={list} value={q(name)} />
          ))}
        </div>
      </details>
      <div class="field buttons">
        <button type="submit">{m.common.tampilkan}</button>{' '}
        <a href={`/desa/${props.desaKode}/penduduk`}>{m.common.reset}</a>
      </div>
    </form>
  );
}
