import { ageOn, todayIn } from '#src/domain/age.js';
import { codeLabel } from '#src/domain/codes.js';
import { isTemporaryNumber, maskNumber } from '#src/domain/nik.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { usePage } from '#src/lib/views/page-context.js';
import type { FieldDef } from './penduduk-groups.js';

/** Small pieces shared by the resident screens: dates, ages, masked numbers, place names, field values. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD) as people read it: "5 Jan 1980". */
export function formatDate(value: string | null | undefined, lang: 'id' | 'en'): string {
  if (!value) return '';
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(lang, f);
  }
  const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? value : f.format(d);
}

export function ageText(tanggallahir: string | null, m: Messages, today = todayIn()): string {
  return tanggallahir ? m.pendudukUi.umurTahun(ageOn(tanggallahir, today)) : '';
}

/** A personal number, whole or masked (last 4 digits) as the viewer may see it. */
export function shownNumber(value: string | null | undefined, full: boolean): string {
  if (!value) return '';
  return full ? value : maskNumber(value);
}

/** NIK cell: the NIK, or the temporary number with a "sementara" badge. */
export function NikText(props: { nik: string | null; sementara: string | null; full: boolean }) {
  const { m } = usePage();
  const value = props.nik ?? props.sementara;
  if (!value) return <span class="muted">—</span>;
  return (
    <>
      <code>{shownNumber(value, props.full)}</code>
      {!props.nik && <span class="badge">{m.pendudukUi.sementara}</span>}
    </>
  );
}

/** A stored value as text for the detail page and the print: labels for codes, masked secrets, dates. */
export function fieldText(def: FieldDef, value: unknown, full: boolean, lang: 'id' | 'en'): string {
  if (value === null || value === undefined || value === '') return '';
  if (def.kind === 'code' && def.list) return codeLabel(def.list, Number(value)) ?? String(value);
  if (def.kind === 'date') return formatDate(String(value), lang);
  if (def.secret) return shownNumber(String(value), full);
  return String(value);
}

/** A form value (always a string) from a stored value. */
export function formValue(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The part of the file name that changes with the photo, for cache-busting URLs. */
export function fotoVersion(foto: string | null): string | null {
  return foto ? (/-([0-9a-f]{16})\.jpg$/.exec(foto)?.[1] ?? null) : null;
}

/** A KK number, whole or masked, with a "sementara" badge for a temporary number. */
export function KkText({ noKk, full }: { noKk: string | null | undefined; full: boolean }) {
  const { m } = usePage();
  if (!noKk) return <span class="muted">—</span>;
  return (
    <>
      <code>{shownNumber(noKk, full)}</code>
      {isTemporaryNumber(noKk) && <span class="badge">{m.pendudukUi.sementara}</span>}
    </>
  );
}
