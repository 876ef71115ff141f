import { z } from 'zod';
import { isHttpError } from '#src/lib/errors.js';
import { localise, type Messages } from '#src/lib/i18n/messages.js';

/** What a form shows again after a failed submit: the input (never passwords) and a message per field. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** a message for the whole form, when it is not about one field */
  message?: string;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

/** Body values kept for re-display: strings only, passwords and the CSRF token dropped. */
export function keepValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      if (key === '_csrf' || key.startsWith('sandi')) continue;
      if (typeof value === 'string') values[key] = value;
    }
  }
  return values;
}

function localeMap(m: Messages) {
  return m.lang === 'en' ? z.locales.en().localeError : z.locales.id().localeError;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: FormState };

/** Validate a submitted form with its schema; messages in the user's language. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, m: Messages): Parsed<z.output<S>> {
  const result = schema.safeParse(body ?? {}, { error: localeMap(m) });
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    errors[field] ??= localise(issue.message, m);
  }
  return { ok: false, state: { values: keepValues(body), errors } };
}

/** A service error that belongs on the form (field messages, conflicts, refusals) → form state; else null. */
export function formStateFromError(
  error: unknown,
  body: unknown,
  m: Messages,
): { status: number; state: FormState } | null {
  if (!isHttpError(error) || error.status >= 500 || error.status === 401 || error.status === 429) return null;
  const errors = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, localise(v, m)]));
  const hasFields = Object.keys(errors).length > 0;
  return {
    status: error.status,
    state: {
      values: keepValues(body),
      errors,
      ...(hasFields ? {} : { message: localise(error.key, m, error.params) }),
    },
  };
}

/** Browser-side hints (required, maxlength, minlength) derived from the same schema the server checks. */
export function fieldAttrs(
  schema: z.ZodType,
  name: string,
): { required?: boolean; maxLength?: number; minLength?: number } {
  const shape = unwrapObject(schema)?.shape as Record<string, z.ZodType> | undefined;
  let field = shape?.[name];
  let optional = false;
  for (let i = 0; field && i < 8; i++) {
    const def = field.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') optional = true;
    if (def.innerType) field = def.innerType;
    else if (def.type === 'pipe' && def.in) field = def.in;
    else break;
  }
  if (!field) return {};
  const attrs: { required?: boolean; maxLength?: number; minLength?: number } = {};
  if (!optional) attrs.required = true;
  if (field instanceof z.ZodString) {
    if (field.maxLength !== null) attrs.maxLength = field.maxLength;
    if (field.minLength !== null && field.minLength > 0) attrs.minLength = field.minLength;
  }
  return attrs;
}

function unwrapObject(schema: z.ZodType): z.ZodObject | undefined {
  let s: z.ZodType | undefined = schema;
  for (let i = 0; s && i < 8; i++) {
    if (s instanceof z.ZodObject) return s;
    const def = s.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; schema?: z.ZodType };
    s = def.innerType ?? def.in ?? def.schema;
  }
  return undefined;
}
