import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '#src/lib/db/connect.js';
import { migrateToLatest } from '#src/lib/db/migrate.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sqliteTemplate: string;
    pgAdminUrl: string;
  }
}

export const PG_TEMPLATE = 'balai_template';

/** Once per run and dialect: a migrated template database (regions loaded) that each test file clones. */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DIALECT === 'postgres' || project.name === 'postgres') {
    const server: ThrowawayPostgres | null = process.env.TEST_DATABASE_URL ? null : await startThrowawayPostgres();
    const adminUrl = process.env.TEST_DATABASE_URL ?? server?.url ?? '';
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${PG_TEMPLATE}`);
    await admin.query(`create database ${PG_TEMPLATE}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${PG_TEMPLATE}`;
    const { db, close } = openDatabase({ dialect: 'postgres', url: url.toString() });
    await migrateToLatest(db);
    await close();
    project.provide('pgAdminUrl', adminUrl);
    return () => server?.stop();
  }
  const dir = mkdtempSync(join(tmpdir(), 'balai-sqlite-'));
  const file = join(dir, 'template.db');
  const { db, close } = openDatabase({ dialect: 'sqlite', file });
  await migrateToLatest(db);
  await close();
  project.provide('sqliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
