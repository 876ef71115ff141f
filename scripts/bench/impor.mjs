/**
 * Import/export benchmark (issue: OpenSID import): on a fresh database per run, the CLI imports a generated
 * valid 100,000-row OpenSID workbook (dry run + commit in one `balai import penduduk`), timed as wall clock
 * with peak RSS from GNU time; then `balai export penduduk` of those 100,000 rows; and a dry run of a
 * 1,000,000-row file (memory while streaming). SQLite and PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generate } from './gen-opensid.mjs';
import { markdownTable } from './markdown.mjs';
import { startThrowawayPostgres } from './postgres.mjs';
import { max, median, min } from './stats.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/balai.js');
const CLI = join(ROOT, 'dist/src/cli/main.js');
const DESA = '33.17.09.2001';

/**
 * `node bin/balai.js …` under GNU time: wall seconds, peak RSS in MiB, output. `entry` = the compiled CLI
 * itself runs it without the batch commands' V8 flags that bin/balai.js adds (for comparison).
 */
function timed(args, env, entry = BIN) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, entry, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const [wall, kb] = last.split(' ').map(Number);
  if (r.status !== 0) throw new Error(`balai ${args.join(' ')}: ${r.stderr.slice(-500)}`);
  return { seconds: wall, mib: Math.round(kb / 1024), out: r.stdout };
}

async function freshDatabase(dialect, server, n) {
  const dir = mkdtempSync(join(tmpdir(), 'balai-bench-impor-'));
  let url = `sqlite:${join(dir, 'balai.db')}`;
  if (dialect === 'postgres') {
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    await c.query(`create database bench_impor_${n}`);
    await c.end();
    url = server.url.replace(/\/postgres$/, `/bench_impor_${n}`);
  }
  const env = { DATABASE_URL: url, BALAI_DATA_DIR: join(dir, 'data'), BALAI_IMPORT_LIMIT: String(400 * 1024 * 1024) };
  timed(['desa', 'activate', DESA], env);
  return { env, dir };
}

export async function measureImport({ quick, log, pgUrlServer }) {
  const work = mkdtempSync(join(tmpdir(), 'balai-bench-files-'));
  const rows = quick ? 10_000 : 100_000;
  const file = join(work, `penduduk-${rows}.xlsx`);
  log(`generating ${rows} rows`);
  await generate(rows, file);
  const runs = quick ? 1 : 3;
  const result = { rows, runs: {}, defaults: {}, exports: {}, million: null };
  let n = 0;
  for (const dialect of ['sqlite', 'postgres']) {
    if (dialect === 'postgres' && !pgUrlServer) continue;
    result.runs[dialect] = [];
    result.exports[dialect] = [];
    for (let i = 0; i < runs; i += 1) {
      const db = await freshDatabase(dialect, pgUrlServer, ++n);
      log(`${dialect}: import ${rows} rows, run ${i + 1}`);
      const imp = timed(['import', 'penduduk', '--desa', DESA, file, '--json'], db.env);
      const counts = JSON.parse(imp.out);
      if (counts.baru !== rows) throw new Error(`expected ${rows} new rows, got ${imp.out.slice(0, 200)}`);
      result.runs[dialect].push(imp);
      log(`${dialect}: export ${rows} rows, run ${i + 1}`);
      result.exports[dialect].push(timed(['export', 'penduduk', '--desa', DESA, join(db.dir, 'out.xlsx')], db.env));
      rmSync(db.dir, { recursive: true, force: true });
    }
    const db = await freshDatabase(dialect, pgUrlServer, ++n);
    log(`${dialect}: import with V8's default heap settings`);
    result.defaults[dialect] = timed(['import', 'penduduk', '--desa', DESA, file], db.env, CLI);
    rmSync(db.dir, { recursive: true, force: true });
  }
  if (!quick) {
    const big = join(work, 'penduduk-1000000.xlsx');
    log('generating 1,000,000 rows');
    await generate(1_000_000, big);
    const small = await freshDatabase('sqlite', null, ++n);
    log(`sqlite: dry run of ${rows} rows`);
    result.dryRun = timed(['import', 'penduduk', '--desa', DESA, file, '--dry-run', '--json'], small.env);
    rmSync(small.dir, { recursive: true, force: true });
    const db = await freshDatabase('sqlite', null, ++n);
    log('sqlite: dry run of 1,000,000 rows');
    result.million = timed(['import', 'penduduk', '--desa', DESA, big, '--dry-run', '--json'], {
      ...db.env,
      BALAI_IMPORT_MAX_ROWS: '1100000',
    });
    rmSync(db.dir, { recursive: true, force: true });
  }
  rmSync(work, { recursive: true, force: true });
  return result;
}

const s = (x) => `${x.toFixed(1)} s`;
const verdict = (ok) => (ok ? 'met' : '**missed**');

export async function imporSection({ quick, log, machineLine }) {
  let server = null;
  try {
    server = await startThrowawayPostgres();
  } catch (error) {
    log(`PostgreSQL part skipped: ${error.message}`);
  }
  let r;
  try {
    r = await measureImport({ quick, log, pgUrlServer: server });
  } finally {
    server?.stop();
  }
  const rows = [];
  /** a row for a single run: no min/max */
  const single = (what, run, target, verdictText) => [
    what,
    1,
    '',
    s(run.seconds),
    '',
    `${run.mib} MiB`,
    target,
    verdictText,
  ];
  for (const [dialect, list] of Object.entries(r.runs)) {
    const secs = list.map((x) => x.seconds);
    const rss = list.map((x) => x.mib);
    rows.push([
      `import ${r.rows.toLocaleString('en')} rows (dry run + commit), ${dialect}`,
      list.length,
      s(min(secs)),
      s(median(secs)),
      s(max(secs)),
      `${median(rss)} MiB`,
      '< 20 s, < 300 MB',
      `time ${verdict(median(secs) < 20)}, RSS ${verdict(median(rss) * 1.048576 < 300)}`,
    ]);
    rows.push(
      single(
        `same, V8 default heap settings (\`node dist/src/cli/main.js\`), ${dialect}`,
        r.defaults[dialect],
        '—',
        'for comparison',
      ),
    );
    const ex = r.exports[dialect].map((x) => x.seconds);
    rows.push([
      `export ${r.rows.toLocaleString('en')} rows, ${dialect}`,
      ex.length,
      s(min(ex)),
      s(median(ex)),
      s(max(ex)),
      `${median(r.exports[dialect].map((x) => x.mib))} MiB`,
      '< 10 s',
      verdict(median(ex) < 10),
    ]);
  }
  if (r.dryRun)
    rows.push(single(`dry run of ${r.rows.toLocaleString('en')} rows, sqlite`, r.dryRun, '—', 'for comparison'));
  if (r.million) rows.push(single('dry run of 1,000,000 rows, sqlite', r.million, 'flat memory', 'see text'));
  const columns = ['what', 'runs', 'min', 'median', 'max', 'peak RSS', 'target', 'verdict'].map((title, i) => ({
    title,
    align: i === 0 || i >= 6 ? 'left' : 'right',
  }));
  return `## OpenSID import and export

${machineLine}

- **Import**: \`node bin/balai.js import penduduk --desa ${DESA} FILE --json\` under GNU \`time\` (wall clock, peak
  RSS of the process, worker thread included), each run on a fresh database with only that desa activated. FILE is a
  valid OpenSID workbook made by \`scripts/bench/gen-opensid.mjs\` (deterministic; families of 1–6 with one head,
  43 columns, shared strings as Excel writes them, dates in the three text forms). One command reads and checks the
  file (the preview), then applies it in one transaction: dry run + commit.
- **Export**: \`node bin/balai.js export penduduk --desa ${DESA} OUT.xlsx\` of the rows just imported.
- **1,000,000 rows**: a dry run (read, check, plan) of a 1,000,000-row file on SQLite, with \`BALAI_IMPORT_LIMIT\`
  raised to 400 MiB (the file is ~125 MB).
- For scale: OpenSID's own importer took 75–104 s per 10,000 rows on this machine.

${markdownTable(columns, rows)}

What the numbers say:
- **Where the time goes** (decisions 014, 015). The workbook is unzipped and its sheets scanned (xml-scan.ts) on a
  worker thread while the main thread checks and plans each chunk of rows against the register (~5–7 s; both cores
  are busy, the main thread most); then every accepted row is written in one transaction: ~6 s inside SQLite, or
  ~10–12 s of PostgreSQL server CPU, of which ~4.5 s are foreign-key checks (~6–11 µs each, ~650,000 of them) and
  most of the rest the indexes (eight secondary ones on \`penduduk\`, three of them partial). PostgreSQL's commit
  is bound by that one server process, which is why it is the slower of the two. This machine's speed drifts by
  ±15 % over minutes: the same build measured 16–23 s on PostgreSQL within one hour. OpenSID needs 13–17 minutes
  for the same 100,000 rows.
- **Where the memory goes** (decision 013). Nothing grows with the rows but the plan's few bytes per row (typed
  arrays: status, row number, family, id), the new families (KK number, address, head) and the shared-strings
  table, which is kept as UTF-8 outside the JS heap. \`bin/balai.js\` starts imports and exports with a tight
  old-generation growth and a 16 MiB young generation (\`--max-semi-space-size=16 --heap-growing-percent=50\`):
  with V8's defaults the same import peaks at ${defaultsLine(r)} — garbage, not live data. The commit adds SQLite's
  page cache, 32 MiB in these commands.
${millionLine(r)}`;
}

function defaultsLine(r) {
  return Object.entries(r.defaults)
    .map(([dialect, x]) => `${x.mib} MiB (${dialect})`)
    .join(' and ');
}

function millionLine(r) {
  if (!r.million || !r.dryRun) return '';
  const perRow = ((r.million.mib - r.dryRun.mib) * 1048576) / (1_000_000 - r.rows);
  return `- **1,000,000 rows.** The dry run peaks at ${r.million.mib} MiB against ${r.dryRun.mib} MiB for ${r.rows.toLocaleString('en')} rows:
  ~${Math.round(perRow)} bytes more per row, for the families and the distinct texts above (the rows themselves
  stream). Before this design it peaked at ~1.8 GiB.
`;
}
