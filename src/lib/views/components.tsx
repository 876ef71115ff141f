import type { ComponentChildren, JSX } from 'preact';
import type { z } from 'zod';
import { type FormState, fieldAttrs } from '#src/lib/forms/form.js';
import { usePage } from './page-context.js';

export function CsrfInput() {
  const { csrf } = usePage();
  return csrf ? <input type="hidden" name="_csrf" value={csrf} /> : null;
}

interface FieldProps {
  name: string;
  label: string;
  state: FormState;
  schema?: z.ZodType;
  type?: 'text' | 'email' | 'tel' | 'password' | 'url' | 'date' | 'search';
  hint?: string;
  autocomplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'url';
  list?: string;
  /** id prefix when a page shows the same field name in several forms */
  idPrefix?: string;
  value?: string | null;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

interface FrameProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  /** renders the control with its aria attributes */
  children: (aria: { 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => ComponentChildren;
}

/** Label, hint and error around one form control, wired for screen readers. */
function FieldFrame({ id, label, hint, error, optional, children }: FrameProps) {
  const { m } = usePage();
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {label}
        {optional && <span class="opt"> {m.common.opsional}</span>}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children({
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
        ...(hint || error ? { 'aria-describedby': describedBy(hint && `${id}-hint`, error && `${id}-error`) } : {}),
      })}
    </div>
  );
}

/** A labelled input with hint and error, required/maxlength from the schema the server checks. */
export function Field(props: FieldProps) {
  const { name, label, state, schema, type = 'text', hint } = props;
  const id = `${props.idPrefix ?? 'f'}-${name}`;
  const attrs = schema ? fieldAttrs(schema, name) : {};
  const value = type === 'password' ? undefined : (state.values[name] ?? props.value ?? '');
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={state.errors[name]}
      optional={schema !== undefined && !attrs.required}
    >
      {(aria) => (
        <input
          {...({
            id,
            name,
            type,
            value,
            required: attrs.required,
            maxLength: attrs.maxLength,
            minLength: attrs.minLength,
            autocomplete: props.autocomplete,
            inputMode: props.inputMode,
            list: props.list,
            ...aria,
          } as JSX.IntrinsicElements['input'])}
        />
      )}
    </FieldFrame>
  );
}

interface SelectProps {
  name: string;
  label: string;
  state: FormState;
  options: readonly { value: string; label: string }[];
  value?: string;
  hint?: string;
  idPrefix?: string;
  /** an empty first choice ("— pilih —") */
  placeholder?: string;
}

export function Select(props: SelectProps) {
  const { name, label, state, options, hint } = props;
  const id = `${props.idPrefix ?? 'f'}-${name}`;
  const current = state.values[name] ?? props.value ?? '';
  return (
    <FieldFrame id={id} label={label} hint={hint} error={state.errors[name]}>
      {(aria) => (
        <select id={id} name={name} {...aria}>
          {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === current}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function TextArea(props: {
  name: string;
  label: string;
  state: FormState;
  value?: string;
  hint?: string;
  rows?: number;
}) {
  const { name, label, state, hint } = props;
  const id = `f-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={state.errors[name]}>
      {(aria) => (
        <textarea id={id} name={name} rows={props.rows ?? 3} {...aria}>
          {state.values[name] ?? props.value ?? ''}
        </textarea>
      )}
    </FieldFrame>
  );
}

/** The list of problems at the top of a failed form, each linking to its field. */
export function ErrorSummary({ state, idPrefix = 'f' }: { state: FormState; idPrefix?: string }) {
  const { m } = usePage();
  const entries = Object.entries(state.errors);
  if (entries.length === 0 && !state.message) return null;
  return (
    <div class="error-summary" role="alert">
      {state.message ? <p>{state.message}</p> : <p>{m.common.periksaIsian}</p>}
      {entries.length > 0 && (
        <ul>
          {entries.map(([field, message]) => (
            <li key={field}>
              <a href={`#${idPrefix}-${field}`}>{message}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PostForm(props: {
  action: string;
  children: ComponentChildren;
  class?: string;
  multipart?: boolean;
  label?: string;
}) {
  return (
    <form
      method="post"
      action={props.action}
      class={props.class}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      aria-label={props.label}
    >
      <CsrfInput />
      {props.children}
    </form>
  );
}

/**
 * A small POST form that looks one NIK or KK number up. The number travels in the request body only, never
 * in a URL (browser history, bookmarks, proxies: UU 24/2013); it works without JavaScript. `message` is the
 * outcome of the last look-up ("not found", "3 records"), announced next to the form.
 */
export function NumberLookupForm(props: {
  action: string;
  name: string;
  idPrefix: string;
  title: string;
  label: string;
  hint: string;
  button: string;
  schema: z.ZodType;
  state: FormState;
  message?: string | undefined;
}) {
  return (
    <PostForm action={props.action} class="filters lookup" label={props.title}>
      <Field
        name={props.name}
        label={props.label}
        hint={props.hint}
        state={props.state}
        schema={props.schema}
        idPrefix={props.idPrefix}
        inputMode="numeric"
        autocomplete="off"
      />
      <div class="field buttons">
        <button type="submit">{props.button}</button>
      </div>
      {props.message && (
        <p class="notice wide" role="status">
          {props.message}
        </p>
      )}
    </PostForm>
  );
}

export function Breadcrumbs({ items }: { items: readonly { href: string; label: string }[] }) {
  const { m } = usePage();
  if (items.length === 0) return null;
  return (
    <nav aria-label={m.wilayah.jalur} class="crumbs">
      <ol>
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href}>{item.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
