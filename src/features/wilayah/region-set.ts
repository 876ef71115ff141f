import type { Db } from '#src/lib/db/connect.js';
import { listNikPrefixRegions } from './wilayah.repository.js';

/**
 * Province and kecamatan codes, for the NIK region warning. They come from the official edition loaded by
 * the first migration (the same in every database), so one copy per process serves every connection and
 * transaction.
 */
let cache: Promise<Set<string>> | undefined;

export function nikPrefixRegions(db: Db): Promise<Set<string>> {
  cache ??= listNikPrefixRegions(db)
    .then((codes) => new Set(codes))
    .catch((error: unknown) => {
      cache = undefined;
      throw error;
    });
  return cache;
}
