#!/usr/bin/env node
/**
 * `npm test`: every check, in order, with one summary at the end.
 *
 *   lint → typecheck → build → vitest (one run per project) → playwright (skipped when the build failed)
 *
 * Each step streams its output live. Lint, typecheck and build count as one check each; every vitest and
 * playwright test counts as one test; a step that dies before writing its JSON report counts as one failure.
 * The last line is always `N passed, N failed`; the exit code is 0 only when nothing failed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The projects in vitest.config.ts, each run on its own so a crash in one does not hide the others. */
const VITEST_PROJECTS = ['unit', 'sqlite', 'postgres'];
const PLAYWRIGHT_CONFIGS = ['playwright.config.ts', 'playwright.config.mts', 'playwright.config.js'];

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const green = (t) => paint('32', t);
const red = (t) => paint('31', t);
const yellow = (t) => paint('33', t);
const bold = (t) => paint('1', t);

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const tmp = mkdtempSync(join(tmpdir(), 'balai-test-all-'));
/** Children use the Node running this script, whatever else is on PATH. */
const childEnv = { ...process.env, PATH: [dirname(process.execPath), process.env.PATH].join(delimiter) };

let current = null;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    current?.kill(signal);
  });
}

/** Run a command with live output; resolves to its exit code (or 1 when it could not start or was killed). */
function run(command, args, env = childEnv) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    current = child;
    child.on('error', (error) => {
      process.stderr.write(red(`tidak bisa menjalankan ${command}: ${error.message}\n`));
      resolve(1);
    });
    child.on('close', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

/** One result per step: { name, passed, failed, skipped, ms, note, failures: string[] } */
const results = [];

async function step(name, body) {
  if (interrupted) return;
  process.stdout.write(`\n${bold(`▶ ${name}`)}\n`);
  const started = Date.now();
  const result = { name, passed: 0, failed: 0, skipped: 0, note: '', failures: [], ...(await body()) };
  result.ms = Date.now() - started;
  results.push(result);
  const mark = result.failed > 0 ? red('✘') : green('✔');
  const counts = `${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ''}`;
  process.stdout.write(`${mark} ${name}: ${counts} (${seconds(result.ms)})${result.note ? ` — ${result.note}` : ''}\n`);
}

async function check(script) {
  const code = await run('npm', ['run', '--silent', script]);
  return code === 0 ? { passed: 1 } : { failed: 1, note: `exit code ${code}`, failures: [`npm run ${script}`] };
}

async function vitest(project) {
  const report = join(tmp, `vitest-${project}.json`);
  const args = ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`];
  const code = await run(bin('vitest'), args);
  const json = readJson(report);
  if (!json) return { failed: 1, note: `no JSON report (exit code ${code})`, failures: [`vitest ${project}: crashed`] };
  const result = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const file of json.testResults ?? []) {
    const where = file.name.startsWith(ROOT) ? file.name.slice(ROOT.length) : file.name;
    let failedHere = 0;
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'passed') result.passed += 1;
      else if (test.status === 'failed') {
        result.failed += 1;
        failedHere += 1;
        result.failures.push(`${where} › ${test.fullName}`);
      } else result.skipped += 1;
    }
    // a file that failed outside any test (import error, failing hook, crashed worker)
    if (file.status === 'failed' && failedHere === 0) {
      result.failed += 1;
      result.failures.push(`${where}: ${(file.message || 'file failed').split('\n')[0]}`);
    }
  }
  if (code !== 0 && result.failed === 0) {
    result.failed = 1;
    result.note = `exit code ${code} without a failed test (unhandled error or no test files?)`;
    result.failures.push(`vitest ${project}: exit code ${code}`);
  }
  return result;
}

function collectPlaywrightFailures(suite, trail, out) {
  const title = suite.title ? [...trail, suite.title] : trail;
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      if (test.status !== 'unexpected') continue;
      out.push([...title, spec.title].join(' › ') + (test.projectName ? ` [${test.projectName}]` : ''));
    }
  }
  for (const child of suite.suites ?? []) collectPlaywrightFailures(child, title, out);
}

async function playwright() {
  const config = PLAYWRIGHT_CONFIGS.find((name) => existsSync(join(ROOT, name)));
  if (!config) {
    const message = 'playwright.config.ts not found: no browser tests can run';
    process.stderr.write(red(`${message}\n`));
    return { failed: 1, note: message, failures: ['playwright: playwright.config.ts missing'] };
  }
  const report = join(tmp, 'playwright.json');
  const env = { ...childEnv, PLAYWRIGHT_JSON_OUTPUT_FILE: report };
  const code = await run(bin('playwright'), ['test', '--reporter=list,json'], env);
  const json = readJson(report);
  if (!json?.stats) return { failed: 1, note: `no JSON report (exit code ${code})`, failures: ['playwright: crashed'] };
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats;
  const result = { passed: expected + flaky, failed: unexpected, skipped, failures: [] };
  for (const suite of json.suites ?? []) collectPlaywrightFailures(suite, [], result.failures);
  if (flaky > 0) result.note = `${flaky} flaky (passed on retry)`;
  for (const error of json.errors ?? []) result.failures.push(`playwright: ${(error.message ?? '').split('\n')[0]}`);
  if (code !== 0 && result.failed === 0) {
    result.failed = 1;
    result.note = `exit code ${code} without a failed test${json.errors?.length ? ' (see errors above)' : ''}`;
  }
  return result;
}

function printSummary(totalMs) {
  const width = Math.max(...results.map((r) => r.name.length));
  process.stdout.write(`\n${bold('Summary')}\n`);
  for (const r of results) {
    const status = r.failed > 0 ? red('FAIL') : r.skippedStep ? yellow('SKIP') : green('ok  ');
    const counts = `${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed`;
    const extra = [r.skipped ? `${r.skipped} skipped` : '', r.note].filter(Boolean).join('; ');
    process.stdout.write(
      `  ${status} ${r.name.padEnd(width)}  ${counts}  ${seconds(r.ms).padStart(7)}${extra ? `  ${extra}` : ''}\n`,
    );
  }
  const failures = results.flatMap((r) => r.failures);
  if (failures.length > 0) {
    process.stdout.write(`\n${bold('Failed')}\n`);
    for (const f of failures.slice(0, 40)) process.stdout.write(`  ${red('✘')} ${f}\n`);
    if (failures.length > 40) process.stdout.write(`  … and ${failures.length - 40} more\n`);
  }
  if (interrupted) process.stdout.write(yellow('\nInterrupted: the remaining steps did not run.\n'));
  process.stdout.write(`\nTotal time ${seconds(totalMs)}\n`);
}

const started = Date.now();
await step('lint', () => check('lint'));
await step('typecheck', () => check('typecheck'));
await step('build', () => check('build'));
const buildFailed = results.find((r) => r.name === 'build')?.failed > 0;
for (const project of VITEST_PROJECTS) await step(`vitest ${project}`, () => vitest(project));
if (buildFailed) {
  const note = 'skipped: the build failed';
  results.push({ name: 'playwright', passed: 0, failed: 0, skipped: 0, ms: 0, skippedStep: true, note, failures: [] });
  process.stdout.write(yellow('\n▶ playwright skipped: the build failed\n'));
} else await step('playwright', playwright);

rmSync(tmp, { recursive: true, force: true });
printSummary(Date.now() - started);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0) + (interrupted ? 1 : 0);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
