import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Db, type DialectName, openDatabase } from '#src/lib/db/connect.js';

export interface TestDatabase {
  db: Db;
  dialect: DialectName;
  /** a DATABASE_URL for this database (for CLI/server subprocess tests) */
  url: string;
  close(): Promise<void>;
}

export function testDialect(): DialectName {
  return process.env.TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

/** A fresh, migrated database for one test file, cloned from the run's template (fast on both dialects). */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDialect() === 'postgres') {
    const adminUrl = inject('pgAdminUrl');
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template balai_template`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const opened = openDatabase({ dialect: 'postgres', url: url.toString() });
    return {
      db: opened.db,
      dialect: 'postgres',
      url: url.toString(),
      async close() {
        await opened.close();
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c
          .query(`drop database if exists ${name}`)
          .catch(() => c.query(`drop database if exists ${name} with (force)`));
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'balai-test-'));
  const file = join(dir, 'balai.db');
  copyFileSync(inject('sqliteTemplate'), file);
  const opened = openDatabase({ dialect: 'sqlite', file });
  return {
    db: opened.db,
    dialect: 'sqlite',
    url: `sqlite:${file}`,
    async close() {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
