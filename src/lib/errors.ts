/**
 * Typed errors with an HTTP meaning. Services throw them; the one error handler (lib/http/error-handler.ts)
 * turns them into a page or JSON in the user's language. `key` names a message in the dictionary's `err` part.
 */
import type { ErrKey } from '#src/lib/i18n/messages.js';

export type Params = Record<string, string | number>;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly key: ErrKey,
    readonly params: Params = {},
    /** field → message key (or already-localised text) */
    readonly fields: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(key);
    this.name = 'HttpError';
  }
}

export const notFound = (key: ErrKey = 'notFound', params?: Params) => new HttpError(404, key, params);
export const forbidden = (key: ErrKey = 'forbidden', params?: Params) => new HttpError(403, key, params);
export const unauthorized = (key: ErrKey = 'unauthorized') => new HttpError(401, key);
export const conflict = (key: ErrKey, params?: Params) => new HttpError(409, key, params);
export const invalid = (fields: Record<string, string>, key: ErrKey = 'invalid') => new HttpError(400, key, {}, fields);
export const badRequest = (key: ErrKey, params?: Params) => new HttpError(400, key, params);
export const tooManyRequests = (retryAfterSeconds: number, key: ErrKey = 'tooManyAttempts') =>
  new HttpError(
    429,
    key,
    { menit: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
    {},
    {
      'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    },
  );

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError;
}
