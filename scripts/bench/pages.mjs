import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { msSince } from './stats.mjs';

/**
 * Server time of the admin pages, in-process: the built app (dist/) on a database loaded with the demo,
 * signed in as the demo kabupaten admin, `app.inject` GETs timed with process.hrtime.bigint().
 * Logging is off (as with LOG_LEVEL=silent), so this is the app's own work: routing, session, SQL, rendering.
 */
export const PAGES = [
  ['/', 'dashboard'],
  ['/wilayah/33.17.09', 'kecamatan Kaliori'],
  ['/desa/33.17.09.2001', 'desa Meteseh'],
  ['/desa/33.17.09.2001/lingkungan', 'dusun/RW/RT of Meteseh'],
  ['/pengguna', 'users'],
  ['/audit', 'audit trail'],
];
const ADMIN = 'kab.rembang';
const ORIGIN_HEADERS = { origin: 'http://localhost:80', host: 'localhost:80' };

const dist = (path) => import(new URL(`../../dist/src/${path}`, import.meta.url).href);

export async function signIn(app, username, sandi) {
  const res = await app.inject({
    method: 'POST',
    url: '/masuk',
    headers: ORIGIN_HEADERS,
    payload: { username, sandi },
  });
  const cookies = [res.headers['set-cookie'] ?? []].flat();
  const session = cookies.map((c) => c.split(';')[0]).find((pair) => pair.startsWith('balai_sesi='));
  if (res.statusCode !== 303 || !session)
    throw new Error(`login ${username}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return session;
}

/**
 * Time every page on an already opened database (`target` as for openDatabase):
 * returns [{ url, label, samples: ms[] }].
 */
export async function measurePages(target, { warmup, runs, log }) {
  const [{ buildApp }, { loadEnv }, { openDatabase }, { migrateToLatest }, { loadDemo }] = await Promise.all([
    dist('app.js'),
    dist('env.js'),
    dist('lib/db/connect.js'),
    dist('lib/db/migrate.js'),
    dist('features/demo/demo.service.js'),
  ]);
  const dataDir = mkdtempSync(join(tmpdir(), 'balai-bench-data-'));
  const { db, dialect, close } = openDatabase(target);
  let app;
  try {
    await migrateToLatest(db);
    const demo = await loadDemo(db);
    const sandi = demo.akun.find((a) => a.username === ADMIN)?.sandi;
    if (!sandi) throw new Error(`the demo did not create ${ADMIN}`);
    const env = loadEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent', BALAI_DATA_DIR: dataDir });
    app = await buildApp({ env, db, dialect, logger: false });
    const cookie = await signIn(app, ADMIN, sandi);
    const results = [];
    for (const [url, label] of PAGES) {
      const get = () => app.inject({ method: 'GET', url, headers: { cookie } });
      const first = await get();
      if (first.statusCode !== 200) throw new Error(`GET ${url}: ${first.statusCode} ${first.body.slice(0, 200)}`);
      for (let i = 0; i < warmup; i += 1) await get();
      const samples = [];
      for (let i = 0; i < runs; i += 1) {
        const start = process.hrtime.bigint();
        const res = await get();
        samples.push(msSince(start));
        if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} on request ${i + 1}`);
      }
      results.push({ url, label, bytes: first.body.length, samples });
      log(`  ${dialect} ${url}: ${runs} requests`);
    }
    return results;
  } finally {
    await app?.close();
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The same on a fresh SQLite file in a temp dir. */
export async function measurePagesOnSqlite(options) {
  const dir = mkdtempSync(join(tmpdir(), 'balai-bench-sqlite-'));
  try {
    return await measurePages({ dialect: 'sqlite', file: join(dir, 'balai.db') }, options);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
