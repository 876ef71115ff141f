import type { ComponentChildren } from 'preact';
import { isTemporaryNumber, maskNumber } from '#src/domain/nik.js';
import type { LingkunganNode } from '#src/features/lingkungan/lingkungan.service.js';
import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { ErrorSummary, PostForm } from '#src/lib/views/components.js';
import { usePage } from '#src/lib/views/page-context.js';
import { capitalise } from '#src/lib/views/region-title.js';

/** Shared pieces of the family and household screens. */

/** Which of the page's small forms failed, so that its input and messages show beside it. */
export interface FailedForm {
  key: string;
  state: FormState;
}

export const formKey = (intent: string, ref?: number | string | null) => `${intent}-${ref ?? ''}`;

export function stateFor(failed: FailedForm | null | undefined, key: string): FormState {
  return failed?.key === key ? failed.state : emptyForm();
}

/** A number as the viewer may see it: whole with read:nik, otherwise only the last 4 digits. */
export function shownNumber(value: string | null | undefined, full: boolean): string {
  if (!value) return '—';
  return full ? value : maskNumber(value);
}

export function NumberText({ value, full }: { value: string | null | undefined; full: boolean }) {
  const { m } = usePage();
  return (
    <>
      <code>{shownNumber(value, full)}</code>
      {value && isTemporaryNumber(value) && <span class="muted"> ({m.keluarga.sementara})</span>}
    </>
  );
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD) as people read it, e.g. "5 Jan 1980". */
export function formatDate(date: string | null | undefined, lang: 'id' | 'en'): string {
  if (!date) return '—';
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(lang, f);
  }
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : f.format(d);
}

/** "Dusun Krajan", "RW 001", "RT 002" in the desa's own words. */
export function unitNamer(m: Messages, sebutanDusun: string) {
  return (n: Pick<LingkunganNode, 'tingkat' | 'nama'>) =>
    n.tingkat === 'dusun' ? `${capitalise(sebutanDusun)} ${n.nama}` : `${m.tingkat[n.tingkat]} ${n.nama}`;
}

/** Code → label options for a select (labels from the dictionary, in the user's language). */
export function codeOptions(labels: Record<number, string>, except: readonly number[] = []) {
  return Object.entries(labels)
    .filter(([code]) => !except.includes(Number(code)))
    .map(([value, label]) => ({ value, label }));
}

export const formIdPrefix = (key: string) => key.replace(/[^a-z0-9-]/gi, '');

/**
 * The problems of the page's failed form, at the top of the page (the alert screen readers announce), each
 * linking to its field in that form — also when the failed form is not on the page any more.
 */
export function FailedSummary({ failed }: { failed: FailedForm | null }) {
  if (!failed) return null;
  return <ErrorSummary state={failed.state} idPrefix={formIdPrefix(failed.key)} />;
}

/**
 * One small operation form of a page: the intent travels in a hidden field; when this form failed, its
 * fields show their messages and keep their input (the summary is at the top of the page).
 */
export function OpForm(props: {
  action: string;
  intent: string;
  refId?: number;
  label: string;
  failed: FailedForm | null;
  class?: string;
  hidden?: Record<string, string | number>;
  children: (state: FormState, idPrefix: string) => ComponentChildren;
}) {
  const key = formKey(props.intent, props.refId);
  const state = stateFor(props.failed, key);
  const idPrefix = formIdPrefix(key);
  return (
    <PostForm action={props.action} label={props.label} class={props.class}>
      <input type="hidden" name="intent" value={props.intent} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      {state.message && <p class="error">{state.message}</p>}
      {props.children(state, idPrefix)}
    </PostForm>
  );
}

/** A pager: previous/next links keeping the search. */
export function Pager(props: {
  base: string;
  params: Record<string, string | undefined>;
  page: number;
  more: boolean;
}) {
  const { m } = usePage();
  const link = (page: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(props.params)) if (v) q.set(k, v);
    if (page > 1) q.set('halaman', String(page));
    const s = q.toString();
    return s ? `${props.base}?${s}` : props.base;
  };
  if (props.page <= 1 && !props.more) return null;
  return (
    <nav class="actions" aria-label={m.keluarga.halamanKe(props.page)}>
      {props.page > 1 && <a href={link(props.page - 1)}>{m.keluarga.halamanSebelumnya}</a>}
      <span class="muted">{m.keluarga.halamanKe(props.page)}</span>
      {props.more && <a href={link(props.page + 1)}>{m.common.berikutnya}</a>}
    </nav>
  );
}
