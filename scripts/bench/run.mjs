#!/usr/bin/env node
/**
 * `npm run bench [foundation] [registry] [impor] [surat] [surat-nomor] [statistik] [situs]`: on this machine, medians and
 * percentiles over repeated runs — foundation (cold start, admin pages), the resident registry (650,000-resident
 * demo: load, lists, searches, events), the OpenSID import/export (100,000 and 1,000,000 rows), letters (PDF render
 * and signing, final approval, 100 approvals at once), letter numbering under contention (2 processes × 20
 * issuers), population statistics on the 650,000-resident demo (categories, API, dashboard, monthly report) and
 * the public desa site (throughput with autocannon, page weight, Lighthouse with Debian Chromium).
 * No section named = all. Uses the built app in dist/ (builds it first when missing).
 * Prints a Markdown report and writes it to docs/benchmarks.md, replacing only the sections that ran.
 * `--quick` does fewer runs (and a tenth of the registry) and writes nothing (for trying the script out).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureColdStarts } from './cold-start.mjs';
import { imporSection } from './impor.mjs';
import { markdownTable } from './markdown.mjs';
import { measurePages, measurePagesOnSqlite } from './pages.mjs';
import { startThrowawayPostgres } from './postgres.mjs';
import { registrySection } from './registry-report.mjs';
import { formatMs, max, median, min, percentile } from './stats.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REPORT = 'docs/benchmarks.md';
const SECTIONS = ['foundation', 'registry', 'impor', 'surat', 'surat-nomor', 'statistik', 'situs'];
const quick = process.argv.includes('--quick');
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const n of named)
  if (!SECTIONS.includes(n)) throw new Error(`unknown benchmark section ${n}; known: ${SECTIONS.join(', ')}`);
const chosen = named.length > 0 ? named : SECTIONS;
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

async function foundationSection(machineLine) {
  log(`cold start: ${STARTS} × (empty dir, then migrated)`);
  const starts = await measureColdStarts(ROOT, STARTS, log);
  log(`admin pages on SQLite: ${WARMUP} warm-up + ${RUNS} timed GETs each`);
  const sqlitePages = await measurePagesOnSqlite({ warmup: WARMUP, runs: RUNS, log });
  log('admin pages on PostgreSQL');
  const pg = await pagesOnPostgres();
  return `## Foundation: cold start and admin pages

${machineLine}

- **Cold start**: spawn \`node dist/src/server.js\` (SQLite, \`DATABASE_URL\` unset, a fresh temp \`BALAI_DATA_DIR\`,
  \`LOG_LEVEL=silent\`) and time until \`GET /healthz\` answers 200, polling every 10 ms. The first start on an empty
  data dir runs the migrations and loads the 91,599 region rows; the second start reuses that database.
  ${STARTS} runs of each.
- **Admin pages**: server time in-process (\`buildApp\` from \`dist/\`, \`app.inject\`, logging off) on a database
  loaded with \`loadDemo\` (Kabupaten Rembang, the 23 desa of Kaliori with their ~100,000 demo residents), signed in
  as the demo admin-kabupaten \`kab.rembang\`. Per page ${WARMUP} warm-up requests, then ${RUNS} timed GETs
  (\`process.hrtime.bigint()\` around each \`inject\`). Network, TLS and the browser are not included.

### Cold start

${startTable(starts)}

### Admin pages, SQLite (embedded default)

${pageTable(sqlitePages)}

### Admin pages, PostgreSQL

${pg.results ? `${pg.version}, a throwaway local server (default settings, fsync on), same app and data.\n\n${pageTable(pg.results)}` : `Skipped: ${pg.skipped}`}
`;
}

/** The text of a section between its markers in the current report (kept when that section is not run). */
function previousSection(name) {
  const path = new URL(`../../${REPORT}`, import.meta.url);
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  const match = text.match(new RegExp(`<!-- bench:${name} -->\\n([\\s\\S]*?)<!-- /bench:${name} -->`));
  return match ? match[1] : null;
}

ensureBuilt();
const m = machine();
const machineLine = `Machine: ${m.nproc} CPUs (\`nproc\`), ${m.cpu}, ${m.memory} RAM, ${m.os}; Node ${m.node}; measured ${m.date} UTC
on commit ${m.commit}; load average ${m.load} when the run began.${quick ? '\n\n**Quick run (`--quick`): too few samples to quote.**' : ''}`;
const sections = {};
if (chosen.includes('foundation')) sections.foundation = await foundationSection(machineLine);
if (chosen.includes('registry')) sections.registry = await registrySection({ quick, log, machineLine });
if (chosen.includes('impor')) sections.impor = await imporSection({ quick, log, machineLine });
if (chosen.includes('surat-nomor'))
  sections['surat-nomor'] = await (await import('./surat-nomor.mjs')).suratNomorSection({ quick, log, machineLine });
if (chosen.includes('surat'))
  sections.surat = await (await import('./surat.mjs')).suratSection({ quick, log, machineLine });
if (chosen.includes('situs'))
  sections.situs = await (await import('./situs.mjs')).situsSection({ quick, log, machineLine });
if (chosen.includes('statistik'))
  sections.statistik = await (await import('./statistik.mjs')).statistikSection({ quick, log, machineLine });
const body = SECTIONS.map((name) => {
  const text =
    sections[name] ?? previousSection(name) ?? `## ${name}\n\nNot measured yet: \`npm run bench -- ${name}\`.\n`;
  return `<!-- bench:${name} -->\n${text}<!-- /bench:${name} -->`;
}).join('\n\n');

const report = `# Benchmarks

What a user waits for, measured on one machine with \`npm run bench\` (scripts/bench/run.mjs) against the built
app in \`dist/\`. The machine is noisy (2 cores shared with other work), so every number is a median or percentile
over many runs, never one timing; each section says when it was measured and the load average at the time.

${body}

## How to run

\`npm run bench\` runs every section; \`npm run bench -- registry\` (or \`foundation\`) only that one, keeping the
other sections of this file as they were. It builds \`dist/\` first if it is missing and needs PostgreSQL binaries
under \`/usr/lib/postgresql/*/bin\` for the PostgreSQL tables (else they are skipped). It prints the report and
rewrites this file; \`npm run bench -- --quick\` is a short trial run that writes nothing. The registry section
loads the 650,000-resident demo three times per database: allow about 15 minutes; the import section about 10;
the two letter sections (\`surat\`, \`surat-nomor\`) about 3 together; the statistics section (\`statistik\`) loads
the demo once per database: about 15 minutes; the public site section (\`situs\`) about 7.
`;

process.stdout.write(`\n${report}`);
if (!quick) {
  writeFileSync(new URL(`../../${REPORT}`, import.meta.url), report);
  log(`\nwritten to ${REPORT}`);
}
