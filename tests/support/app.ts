import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '#src/app.js';
import { loadEnv } from '#src/env.js';
import { createFileStore } from '#src/lib/storage.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export const ORIGIN = 'http://localhost';

export interface TestContext {
  app: FastifyInstance;
  db: TestDatabase['db'];
  dialect: TestDatabase['dialect'];
  url: string;
  dataDir: string;
}

/** One app on one fresh database per test file; torn down after the file. */
export function useTestApp(envOverrides: Record<string, string> = {}): TestContext {
  const ctx = {} as TestContext;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    ctx.dataDir = mkdtempSync(join(tmpdir(), 'balai-data-'));
    const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', BALAI_DATA_DIR: ctx.dataDir, ...envOverrides });
    ctx.app = await buildApp({
      env,
      db: database.db,
      dialect: database.dialect,
      logger: false,
      files: createFileStore(join(ctx.dataDir, 'unggahan')),
    });
    ctx.db = database.db;
    ctx.dialect = database.dialect;
    ctx.url = database.url;
  });
  afterAll(async () => {
    await ctx.app?.close();
    await database?.close();
    if (ctx.dataDir) rmSync(ctx.dataDir, { recursive: true, force: true });
  });
  return ctx;
}

/** A signed-in browser: session cookie and the CSRF token its forms carry. */
export interface Session {
  cookie: string;
  csrf: string;
  username: string;
}

export function cookieFrom(res: LightMyRequestResponse, name: string): string | undefined {
  const header = res.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  for (const c of all) {
    const [pair] = c.split(';');
    const [key, value] = (pair ?? '').split('=');
    if (key === name && value) return value;
  }
  return undefined;
}

export function csrfFrom(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/masuk',
    headers: { origin: ORIGIN, host: 'localhost' },
    payload: { username, sandi: password },
  });
  const token = cookieFrom(res, 'balai_sesi');
  if (res.statusCode !== 303 || !token)
    throw new Error(`login ${username} gagal: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const cookie = `balai_sesi=${token}`;
  const page = await app.inject({ method: 'GET', url: '/akun/sandi', headers: { cookie } });
  const csrf = csrfFrom(page.body);
  if (!csrf) throw new Error('token CSRF tidak ditemukan');
  return { cookie, csrf, username };
}

/** A form POST as a browser on this site would send it. */
export function postForm(app: FastifyInstance, url: string, session: Session | null, payload: Record<string, string>) {
  return app.inject({
    method: 'POST',
    url,
    headers: { origin: ORIGIN, host: 'localhost', ...(session ? { cookie: session.cookie } : {}) },
    payload: session ? { _csrf: session.csrf, ...payload } : payload,
  });
}

export function get(app: FastifyInstance, url: string, session: Session | null = null) {
  return app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
}

/** Follow a post/redirect/get redirect as a browser would: with the session and the one-shot flash cookie. */
export function follow(app: FastifyInstance, res: LightMyRequestResponse, session: Session | null) {
  const flash = cookieFrom(res, 'balai_flash');
  const cookies = [session?.cookie, flash ? `balai_flash=${flash}` : undefined].filter(Boolean).join('; ');
  return app.inject({ method: 'GET', url: String(res.headers.location), headers: cookies ? { cookie: cookies } : {} });
}

/** Every URL a page links, posts or loads (href, action, src): where a NIK or KK number must never appear. */
export function urlsIn(html: string): string[] {
  return [...html.matchAll(/\b(?:href|action|src|formaction)="([^"]*)"/g)].map((x) => x[1] ?? '');
}

/** A NIK or KK number (16 digits, perhaps broken up by spaces, dots or their URL encodings). */
export const SIXTEEN_DIGITS = /\d(?:(?:[\s.+]|%20)*\d){15}/;
