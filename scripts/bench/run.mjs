#!/usr/bin/env node
/**
 * `npm run bench`: cold start and admin page server times, on this machine, medians over repeated runs.
 * Uses the built app in dist/ (builds it first when missing). Prints a Markdown report and writes it to
 * docs/benchmarks.md. `--quick` does fewer runs and writes nothing (for trying the script out).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureColdStarts } from './cold-start.mjs';
import { markdownTable } from './markdown.mjs';
import { measurePages, measurePagesOnSqlite } from './pages.mjs';
import { startThrowawayPostgres } from './postgres.mjs';
import { formatMs, max, median, min, percentile } from './stats.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REPORT = 'docs/benchmarks.md';
const quick = process.argv.includes('--quick');
const STARTS = quick ? 2 : 7;
const WARMUP = quick ? 20 : 100;
const RUNS = quick ? 200 : 1_000;
const START_TARGET_MS = 3_000;
const PAGE_TARGET_MS = 5;

const log = (line) => process.stderr.write(`${line}\n`);
const verdict = (ok) => (ok ? 'met' : '**missed**');

function ensureBuilt() {
  if (existsSync(new URL('../../dist/src/server.js', import.meta.url))) return;
  log('dist/ is missing: npm run build');
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}

function machine() {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim();
    if (dirty) commit += ' + uncommitted changes';
  } catch {}
  return {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    os: `${process.platform} ${release()}`,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    commit,
    load: loadavg()[0].toFixed(1),
  };
}

const left = (title) => ({ title, align: 'left' });
const right = (title) => ({ title, align: 'right' });

function startTable({ first, second }) {
  const row = (label, samples) => {
    const mid = median(samples);
    const times = [min(samples), mid, max(samples)].map(formatMs);
    return [label, samples.length, ...times, '< 3 s', verdict(mid < START_TARGET_MS)];
  };
  const columns = [left('start'), right('runs'), right('min'), right('median'), right('max'), right('target')];
  return markdownTable(
    [...columns, left('median vs target')],
    [
      row('first start: empty data dir (migrations + 91,599 regions)', first),
      row('second start: database already migrated', second),
    ],
  );
}

function pageTable(results) {
  const rows = results.map(({ url, label, bytes, samples }) => {
    const p50 = percentile(samples, 50);
    const times = [p50, percentile(samples, 95), percentile(samples, 99)].map(formatMs);
    const size = `${(bytes / 1024).toFixed(1)} KiB`;
    return [`\`${url}\``, label, ...times, size, '< 5 ms', verdict(p50 < PAGE_TARGET_MS)];
  });
  const columns = [left('page'), left('what'), right('p50'), right('p95'), right('p99'), right('HTML')];
  return markdownTable([...columns, right('target'), left('p50 vs target')], rows);
}

async function pagesOnPostgres() {
  let server;
  try {
    server = await startThrowawayPostgres();
    const results = await measurePages({ dialect: 'postgres', url: server.url }, { warmup: WARMUP, runs: RUNS, log });
    return { results, version: server.version };
  } catch (error) {
    log(`PostgreSQL benchmark skipped: ${error.message}`);
    return { skipped: error.message.split('\n')[0] };
  } finally {
    server?.stop();
  }
}

ensureBuilt();
const m = machine();
log(`cold start: ${STARTS} × (empty dir, then migrated)`);
const starts = await measureColdStarts(ROOT, STARTS, log);
log(`admin pages on SQLite: ${WARMUP} warm-up + ${RUNS} timed GETs each`);
const sqlitePages = await measurePagesOnSqlite({ warmup: WARMUP, runs: RUNS, log });
log('admin pages on PostgreSQL');
const pg = await pagesOnPostgres();

const report = `# Benchmarks

What a user waits for, measured on one machine with \`npm run bench\` (scripts/bench/run.mjs) against the built
app in \`dist/\`. The machine is noisy, so every number is a median or percentile over many runs, never one timing.

- **Cold start**: spawn \`node dist/src/server.js\` (SQLite, \`DATABASE_URL\` unset, a fresh temp \`BALAI_DATA_DIR\`,
  \`LOG_LEVEL=silent\`) and time until \`GET /healthz\` answers 200, polling every 10 ms. The first start on an empty
  data dir runs the migrations and loads the 91,599 region rows; the second start reuses that database.
  ${STARTS} runs of each.
- **Admin pages**: server time in-process (\`buildApp\` from \`dist/\`, \`app.inject\`, logging off) on a database
  loaded with \`loadDemo\` (Kabupaten Rembang, the 23 desa of Kaliori), signed in as the demo admin-kabupaten
  \`kab.rembang\`. Per page ${WARMUP} warm-up requests, then ${RUNS} timed GETs (\`process.hrtime.bigint()\` around
  each \`inject\`). Network, TLS and the browser are not included.

Machine: ${m.nproc} CPUs (\`nproc\`), ${m.cpu}, ${m.memory} RAM, ${m.os}; Node ${m.node}; measured ${m.date} UTC
on commit ${m.commit}; load average ${m.load} when the run began.${quick ? '\n\n**Quick run (`--quick`): too few samples to quote.**' : ''}

## Cold start

${startTable(starts)}

## Admin pages, SQLite (embedded default)

${pageTable(sqlitePages)}

## Admin pages, PostgreSQL

${pg.results ? `${pg.version}, a throwaway local server (default settings, fsync on), same app and data.\n\n${pageTable(pg.results)}` : `Skipped: ${pg.skipped}`}

## How to run

\`npm run bench\` (builds \`dist/\` first if it is missing; needs PostgreSQL binaries under
\`/usr/lib/postgresql/*/bin\` for the PostgreSQL table, else that table is skipped). It prints this report and
rewrites this file; \`npm run bench -- --quick\` is a short trial run that writes nothing.
`;

process.stdout.write(`\n${report}`);
if (!quick) {
  writeFileSync(new URL(`../../${REPORT}`, import.meta.url), report);
  log(`\nwritten to ${REPORT}`);
}
