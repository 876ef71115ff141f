import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../tests/support/xlsx-files.js';
import { openDatabase, resolveDatabaseTarget } from './connect.js';

describe('opening the embedded database', () => {
  const file = useTempDir();
  const cacheKiB = async (options?: { sqliteCacheMiB?: number }) => {
    const opened = openDatabase(resolveDatabaseTarget(`sqlite:${file(`c${Math.random()}.db`)}`, '/unused'), options);
    try {
      const r = await sql<{ cache_size: number }>`pragma cache_size`.execute(opened.db);
      return -Number(r.rows[0]?.cache_size);
    } finally {
      await opened.close();
    }
  };

  it('gives SQLite a 64 MiB page cache, or the size the caller asks for (the CLI batch commands: 32)', async () => {
    expect(await cacheKiB()).toBe(64 * 1024);
    expect(await cacheKiB({ sqliteCacheMiB: 32 })).toBe(32 * 1024);
  });
});
