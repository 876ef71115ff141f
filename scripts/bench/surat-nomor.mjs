/**
 * Letter numbering under contention (issue: layanan surat): 2 Node processes × 20 concurrent issuers, each
 * issuer running transactions that allocate a number (`allocateNomor` from dist/) and store it, as final
 * approval does. Every round checks the numbers handed out: no duplicate, no gap (1…N exactly).
 *
 * Three uses of this file:
 *  - `suratNomorSection()` — the benchmark section for run.mjs (throwaway PostgreSQL, and SQLite for scale);
 *  - `runRound()` — one round against a migrated database with the desa active (the concurrency DB test);
 *  - `node surat-nomor.mjs --worker JSON` — one issuing process (spawned by runRound);
 *  - `node surat-nomor.mjs [--quick]` — the section alone, printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { markdownTable } from './markdown.mjs';
import { startThrowawayPostgres } from './postgres.mjs';
import { max, median, min, percentile, sleep } from './stats.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const DESA = '33.17.09.2001';
export const SCRATCH = 'uji_nomor_terbit';

// ——— the issuing process ———

async function openDb(url, connections) {
  const dist = (p) => pathToFileURL(join(ROOT, 'dist/src', p)).href;
  if (url.startsWith('sqlite:')) {
    const { openDatabase, resolveDatabaseTarget } = await import(dist('lib/db/connect.js'));
    return openDatabase(resolveDatabaseTarget(url, tmpdir())).db;
  }
  const { Kysely, PostgresDialect } = await import('kysely');
  const pool = new pg.Pool({ connectionString: url, max: connections });
  // open every connection now, so the timed part measures allocations rather than connecting
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  for (const c of clients) c.release();
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}

/** Waits for "mulai" on stdin, runs the issuers, prints one JSON line: numbers, latencies, errors. */
async function worker(o) {
  const { sql } = await import('kysely');
  const { allocateNomor } = await import(
    pathToFileURL(join(ROOT, 'dist/src/features/surat/nomor/nomor.repository.js')).href
  );
  const db = await openDb(o.url, o.penerbit);
  const key = { desaKode: o.desaKode, lingkup: o.lingkup, tahun: o.tahun };
  process.stdout.write('siap\n');
  for await (const line of createInterface({ input: process.stdin })) if (line.trim() === 'mulai') break;
  process.stdin.destroy();
  const urut = [];
  const ms = [];
  const galat = [];
  const issuer = async () => {
    for (let i = 0; i < o.per; i += 1) {
      const t0 = process.hrtime.bigint();
      try {
        const n = await db.transaction().execute(async (trx) => {
          const n = await allocateNomor(trx, key);
          // hold the number a moment, as approval does while it writes the letter
          if (o.jeda > 0) await sleep(Math.random() * o.jeda);
          await sql`insert into ${sql.table(SCRATCH)} (proses, lingkup, urut) values (${o.proses}, ${o.lingkup}, ${n})`.execute(
            trx,
          );
          return n;
        });
        urut.push(n);
        ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
      } catch (error) {
        galat.push(String(error.message ?? error).slice(0, 200));
      }
    }
  };
  await Promise.all(Array.from({ length: o.penerbit }, issuer));
  process.stdout.write(`${JSON.stringify({ proses: o.proses, urut, ms, galat })}\n`);
  await db.destroy();
}

// ——— one round, from the parent ———

function spawnWorker(options) {
  const child = spawn(process.execPath, [SELF, '--worker', JSON.stringify(options)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  const lines = createInterface({ input: child.stdout });
  const queue = [];
  const waiting = [];
  lines.on('line', (l) => (waiting.length > 0 ? waiting.shift()(l) : queue.push(l)));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const nextLine = () =>
    queue.length > 0
      ? Promise.resolve(queue.shift())
      : Promise.race([
          new Promise((resolve) => waiting.push(resolve)),
          exited.then((code) => {
            throw new Error(`proses penerbit berhenti (kode ${code}): ${stderr.slice(-800)}`);
          }),
        ]);
  return { child, nextLine, exited };
}

/** Missing numbers in 1…max and numbers given more than once. */
export function checkNumbers(numbers) {
  const seen = new Map();
  for (const n of numbers) seen.set(n, (seen.get(n) ?? 0) + 1);
  const duplicates = [...seen].filter(([, c]) => c > 1).map(([n]) => n);
  const top = numbers.length === 0 ? 0 : Math.max(...numbers);
  const gaps = [];
  for (let n = 1; n <= top; n += 1) if (!seen.has(n)) gaps.push(n);
  return { duplicates, gaps };
}

/** The scratch table the issuers write into (the stand-in for the letter row). */
export async function createScratch(db, sqlTag) {
  await sqlTag`create table if not exists ${sqlTag.table(SCRATCH)} (proses integer not null, lingkup varchar(30) not null, urut integer not null)`.execute(
    db,
  );
}

/**
 * `proses` processes × `penerbit` concurrent issuers × `per` allocations each, started together on one counter.
 * The database (URL) must be migrated, with `desaKode` active and the scratch table made (createScratch).
 */
export async function runRound({
  url,
  desaKode = DESA,
  lingkup,
  tahun = 2026,
  proses = 2,
  penerbit = 20,
  per = 1,
  jeda = 0,
}) {
  const workers = Array.from({ length: proses }, (_, i) =>
    spawnWorker({ url, desaKode, lingkup, tahun, penerbit, per, jeda, proses: i + 1 }),
  );
  try {
    for (const w of workers) if ((await w.nextLine()) !== 'siap') throw new Error('proses penerbit tidak siap');
    const t0 = process.hrtime.bigint();
    for (const w of workers) w.child.stdin.write('mulai\n');
    const results = await Promise.all(workers.map(async (w) => JSON.parse(await w.nextLine())));
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    await Promise.all(workers.map((w) => w.exited));
    const urut = results.flatMap((r) => r.urut);
    return { results, urut, wallMs, galat: results.flatMap((r) => r.galat), ...checkNumbers(urut) };
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
  }
}

// ——— the benchmark section ———

function activate(url, dataDir) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/balai.js'), 'desa', 'activate', DESA], {
    env: { ...process.env, DATABASE_URL: url, BALAI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`balai desa activate: ${r.stderr.slice(-500)}`);
}

async function measure(dialect, url, { rounds, per, log }) {
  const { Kysely, PostgresDialect, sql } = await import('kysely');
  const dir = mkdtempSync(join(tmpdir(), 'balai-bench-nomor-'));
  try {
    const target = dialect === 'sqlite' ? `sqlite:${join(dir, 'balai.db')}` : url;
    activate(target, join(dir, 'data'));
    const { openDatabase, resolveDatabaseTarget } = await import(
      pathToFileURL(join(ROOT, 'dist/src/lib/db/connect.js')).href
    );
    const db =
      dialect === 'sqlite'
        ? openDatabase(resolveDatabaseTarget(target, dir)).db
        : new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target, max: 2 }) }) });
    await createScratch(db, sql);
    const list = [];
    for (let r = 1; r <= rounds; r += 1) {
      const lingkup = `B-${r}`;
      const round = await runRound({ url: target, lingkup, per });
      const stored = await sql`select urut from ${sql.table(SCRATCH)} where lingkup = ${lingkup}`.execute(db);
      const counter = await sql`select terakhir from surat_nomor_urut where lingkup = ${lingkup}`.execute(db);
      const inTable = checkNumbers(stored.rows.map((x) => Number(x.urut)));
      const total = round.urut.length;
      list.push({
        total,
        perSecond: total / (round.wallMs / 1000),
        p50: percentile(
          round.results.flatMap((x) => x.ms),
          50,
        ),
        p95: percentile(
          round.results.flatMap((x) => x.ms),
          95,
        ),
        duplicates: round.duplicates.length + inTable.duplicates.length,
        gaps: round.gaps.length + inTable.gaps.length + (Number(counter.rows[0]?.terakhir) === total ? 0 : 1),
        errors: round.galat.length,
      });
      log(
        `${dialect} round ${r}: ${total} numbers, ${Math.round(list.at(-1).perSecond)}/s, errors ${round.galat.length}`,
      );
    }
    await db.destroy();
    return list;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureNumbering({ quick = false, log = () => {} } = {}) {
  const rounds = quick ? 2 : 5;
  const per = quick ? 5 : 25;
  const out = { rounds, per, dialects: {} };
  let server = null;
  try {
    server = await startThrowawayPostgres();
    out.pgVersion = `PostgreSQL ${server.version.match(/(\d+(\.\d+)*)/)?.[1] ?? ''}`.trim();
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    await c.query('create database bench_nomor');
    await c.end();
    out.dialects.postgres = await measure('postgres', server.url.replace(/\/postgres$/, '/bench_nomor'), {
      rounds,
      per,
      log,
    });
  } catch (error) {
    log(`PostgreSQL part skipped: ${error.message}`);
    out.pgSkipped = error.message.split('\n')[0];
  } finally {
    server?.stop();
  }
  out.dialects.sqlite = await measure('sqlite', null, { rounds, per, log });
  return out;
}

const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

export async function suratNomorSection({ quick = false, log = () => {}, machineLine = '' } = {}) {
  const r = await measureNumbering({ quick, log });
  const rows = Object.entries(r.dialects).map(([dialect, list]) => {
    const rate = list.map((x) => x.perSecond);
    const sum = (k) => list.reduce((a, x) => a + x[k], 0);
    const ok = sum('duplicates') === 0 && sum('gaps') === 0 && sum('errors') === 0;
    return [
      dialect === 'postgres' ? r.pgVersion : 'SQLite (WAL)',
      list.length,
      fmt(list[0]?.total ?? 0),
      `${fmt(median(rate))} (${fmt(min(rate))}–${fmt(max(rate))})`,
      `${fmt(median(list.map((x) => x.p50)), 1)} / ${fmt(median(list.map((x) => x.p95)), 1)} ms`,
      sum('duplicates'),
      sum('gaps'),
      sum('errors'),
      ok ? 'met' : '**missed**',
    ];
  });
  const columns = [
    'database',
    'rounds',
    'numbers per round',
    'allocations/s, median (min–max)',
    'transaction p50 / p95',
    'duplicates',
    'gaps',
    'errors',
    'no duplicate, no gap',
  ].map((title, i) => ({ title, align: i === 0 || i === 8 ? 'left' : 'right' }));
  return `## Letter numbering under contention

${machineLine}

- 2 Node processes, each with its own connection pool (20 connections on PostgreSQL), each running 20 concurrent
  issuers; every issuer runs ${r.per} transactions one after another, each \`allocateNomor\` (one \`insert … on
  conflict do update … returning\` on the counter row, then a check against reserved numbers) plus an insert of the
  number into a table, as final approval stores it on the letter. All 40 issuers start together on one counter
  (one desa, one sequence, one year), a fresh counter per round; ${r.rounds} rounds.
- Allocations/s = numbers issued in the round ÷ wall time from the start signal until both processes reported.
  Every round checks the numbers the processes got, the rows stored and the counter's final value: duplicates and
  gaps count any number given twice or missing from 1…N.
- PostgreSQL: a throwaway local server (default settings, fsync on). SQLite for scale: the two processes share the
  database file, writers queue on its lock (busy timeout 5 s).${r.pgSkipped ? `\n- PostgreSQL skipped: ${r.pgSkipped}` : ''}

${markdownTable(columns, rows)}

Numbers are allocated by one counter row per desa, sequence and year: concurrent approvals of the same sequence
queue on that row (PostgreSQL row lock, held until the approving transaction ends), which is what makes a rollback
give its number back. Commits on one counter are therefore serial, and on PostgreSQL each waits for its WAL flush
(fsync on): the rate per counter is bounded by the disk's flush time, not by the 40 issuers. Counters of different
desa, sequences or years do not wait for each other. Either way it is far beyond a desa office's pace (a busy
balai issues a few hundred letters a day).
`;
}

if (process.argv[1] === SELF) {
  const at = process.argv.indexOf('--worker');
  if (at >= 0) await worker(JSON.parse(process.argv[at + 1]));
  else
    process.stdout.write(
      await suratNomorSection({
        quick: process.argv.includes('--quick'),
        log: (l) => process.stderr.write(`${l}\n`),
      }),
    );
}
