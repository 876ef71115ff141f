import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  type SqliteDatabase as KyselySqliteDatabase,
  PostgresDialect,
  SqliteDialect,
  type SqliteStatement,
} from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

export type DialectName = 'sqlite' | 'postgres';

export type DatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export type Db = Kysely<Database>;

/** `DATABASE_URL` unset → `<dataDir>/balai.db`; `sqlite:/path.db` → that file; `postgres://…` → PostgreSQL. */
export function resolveDatabaseTarget(url: string | undefined, dataDir: string): DatabaseTarget {
  if (!url) return { dialect: 'sqlite', file: resolve(dataDir, 'balai.db') };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new Error('DATABASE_URL sqlite: membutuhkan path berkas, mis. sqlite:/var/lib/balai/balai.db');
    return { dialect: 'sqlite', file: resolve(file) };
  }
  throw new Error('DATABASE_URL harus diawali sqlite: atau postgres://');
}

/** PostgreSQL values come back in the same shapes as from SQLite: ISO strings and plain numbers. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case 1184: {
        // timestamptz → ISO-8601 UTC, the same text SQLite stores
        const parseDate = pg.types.getTypeParser(1184, 'text') as (v: string) => Date;
        return (v: string) => parseDate(v).toISOString();
      }
      case 1082: // date
        return (v: string) => v;
      case 20: // int8 (count(*))
        return (v: string) => Number(v);
      case 1700: // numeric
        return (v: string) => Number(v);
      default:
        return pg.types.getTypeParser(oid, format ?? 'text');
    }
  },
} as pg.CustomTypesConfig;

/**
 * better-sqlite3 with its prepared statements kept and reused (least recently used first out). Kysely's SQLite
 * driver prepares every query anew; re-preparing costs CPU on every request, and a large multi-row INSERT costs
 * ~12 ms to prepare and holds ~3 MB of native memory until garbage collection — a bulk load through it reached
 * 4 GB. Statements are reused one at a time: Kysely's driver runs one query at a time on its connection.
 */
const STATEMENT_CACHE = 256;

export function cachingSqlite(raw: SqliteDatabase.Database, size = STATEMENT_CACHE): KyselySqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) cache.delete(text);
      else {
        statement = raw.prepare(text) as unknown as SqliteStatement;
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, statement);
      return statement;
    },
    close() {
      cache.clear();
      raw.close();
    },
  };
}

export interface OpenedDatabase {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * SQLite's page cache in MiB (default 64, against SQLite's own 2: a kabupaten's register and the indexes a bulk
   * write touches stay in memory — an import of 100,000 residents writes ~13 % faster). The CLI's import and
   * export give 32: the cache lives in their process, whose memory they budget (decision 013).
   */
  sqliteCacheMiB?: number;
}

export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): OpenedDatabase {
  if (target.dialect === 'sqlite') {
    mkdirSync(dirname(target.file), { recursive: true });
    const sqlite = new SqliteDatabase(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma(`cache_size = -${Math.round((options.sqliteCacheMiB ?? 64) * 1024)}`);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingSqlite(sqlite) }) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10, types: pgTypes });
  // an idle connection that the server drops (restart, failover) must not crash the process: the pool
  // discards it and opens a new one on the next query
  pool.on('error', (error) => {
    process.stderr.write(`balai: koneksi PostgreSQL terputus: ${error.message}\n`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
