import { HttpError } from '#src/lib/errors.js';
import type { ErrKey } from '#src/lib/i18n/messages.js';

/**
 * A 400 for an upload field with the message next to it: `key` names a message in the `err` dictionary (see
 * i18n/jaga.id.ts), `arg` fills its `{0}`.
 */
export function berkasDitolak(key: ErrKey, kolom = 'berkas', arg?: string) {
  return new HttpError(400, 'invalid', {}, { [kolom]: arg === undefined ? key : `${key}|${arg}` });
}

/** Megabytes as people read them, e.g. 5 or 2,5. */
export function megabita(bytes: number): string {
  return (bytes / 1_048_576).toLocaleString('id-ID', { maximumFractionDigits: 1 });
}
