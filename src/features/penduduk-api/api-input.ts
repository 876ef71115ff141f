import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError, isHttpError } from '#src/lib/errors.js';
import type { ErrKey, Messages } from '#src/lib/i18n/messages.js';

/**
 * JSON input of the API: one zod schema per body or query; every failing field ends up under `errors` (as
 * localised messages, by the one error handler) with status 422.
 */

/** JSON `null` means "empty", exactly like an absent field (the field schemas turn both into null). */
function withoutNulls(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input ?? {};
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null));
}

export function parseApi<S extends z.ZodType>(schema: S, input: unknown, m: Messages): z.output<S> {
  const localeError = m.lang === 'en' ? z.locales.en().localeError : z.locales.id().localeError;
  const result = schema.safeParse(withoutNulls(input), { error: localeError });
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'body';
    fields[field] ??= issue.message;
  }
  throw new HttpError(422, 'invalid', {}, fields);
}

/**
 * Service errors in the API's terms: field errors the services report as 400 are 422 here; a conflict about one
 * field (a NIK living elsewhere, a KK number in use) carries that field's message as its own, so that the
 * message names the place.
 */
export function apiError(error: unknown, m: Messages): unknown {
  if (!isHttpError(error)) return error;
  const entries = Object.entries(error.fields);
  if (error.status === 400 && entries.length > 0) {
    return new HttpError(422, error.key, error.params, error.fields, error.headers);
  }
  const only = entries.length === 1 ? entries[0] : undefined;
  if (error.status === 409 && error.key === 'invalid' && only) {
    const [key, arg] = only[1].split('|', 2) as [string, string | undefined];
    if (key in m.err) {
      return new HttpError(409, key as ErrKey, arg === undefined ? {} : { 0: arg }, error.fields, error.headers);
    }
  }
  return error;
}

type Handler = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** A JSON handler with the API's error mapping. */
export function apiHandler(handler: Handler): Handler {
  return async (req, reply) => {
    try {
      return await handler(req, reply);
    } catch (error) {
      throw apiError(error, req.m);
    }
  };
}
