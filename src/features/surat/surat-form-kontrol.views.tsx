import type { ComponentChildren, JSX } from 'preact';
import { usePage } from '#src/lib/views/page-context.js';

/** One labelled control of the letter form: hint, error (linked from the summary) and the optional mark. */
export function Kontrol(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  children: (aria: Record<string, string>) => ComponentChildren;
}) {
  const { m } = usePage();
  const { id, hint, error } = props;
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {props.label}
        {props.optional && <span class="opt"> {m.common.opsional}</span>}
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
      {props.children({
        ...(error ? { 'aria-invalid': 'true' } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
    </div>
  );
}

export type InputType = 'text' | 'date' | 'time' | 'email' | 'url';

export interface Pilihan {
  value: string;
  label: string;
}

/** An input, a text area or a select (with an empty first choice) under one name, keeping the typed value. */
export function Isi(props: {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  maxLength?: number | undefined;
  type?: InputType;
  inputMode?: 'text' | 'numeric' | 'decimal';
  pilihan?: readonly Pilihan[];
  textarea?: boolean;
  /** mark an optional field "(boleh kosong)"; off inside a person block (the block says so) */
  tandai?: boolean;
}) {
  const { m } = usePage();
  const id = `f-${props.name}`;
  return (
    <Kontrol
      id={id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      optional={!props.required && props.tandai !== false}
    >
      {(aria) =>
        props.pilihan ? (
          <select id={id} name={props.name} required={props.required} {...aria}>
            <option value="">{m.surat.ui.form.pilihSatu}</option>
            {props.pilihan.map((o) => (
              <option key={o.value} value={o.value} selected={o.value === props.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : props.textarea ? (
          <textarea id={id} name={props.name} rows={3} required={props.required} maxLength={props.maxLength} {...aria}>
            {props.value}
          </textarea>
        ) : (
          <input
            {...({
              id,
              name: props.name,
              type: props.type ?? 'text',
              value: props.value,
              required: props.required,
              maxLength: props.maxLength,
              inputMode: props.inputMode,
              ...aria,
            } as JSX.IntrinsicElements['input'])}
          />
        )
      }
    </Kontrol>
  );
}
