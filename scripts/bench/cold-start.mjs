import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { msSince, sleep } from './stats.mjs';

/**
 * Cold start: spawn `node dist/src/server.js` (SQLite in a temp data dir) and time until GET /healthz
 * answers 200, polling every 10 ms. The first start on an empty dir includes the migrations and loading
 * the 91,599 region rows; the second start on the same dir finds the database already migrated.
 */
const POLL_MS = 10;
const GIVE_UP_MS = 120_000;

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startOnce(root, dataDir) {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', BALAI_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.BALAI_PUBLIC_URL;
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['dist/src/server.js'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let exited = null;
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exit = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = code ?? signal;
      resolve();
    }),
  );
  try {
    for (;;) {
      if (exited !== null) throw new Error(`server exited (${exited}) before answering: ${stderr.trim()}`);
      if (msSince(started) > GIVE_UP_MS) throw new Error(`no answer from /healthz after ${GIVE_UP_MS} ms`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ok) return msSince(started);
      await sleep(POLL_MS);
    }
  } finally {
    if (exited === null) child.kill('SIGTERM');
    await exit;
  }
}

/** `runs` fresh data dirs, each started twice: { first: ms[], second: ms[] }. */
export async function measureColdStarts(root, runs, log) {
  const first = [];
  const second = [];
  // load fetch (undici) once, so that its start-up is not counted in the first run
  await fetch(`http://127.0.0.1:${await freePort()}/`).catch(() => {});
  for (let i = 0; i < runs; i += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'balai-bench-start-'));
    try {
      first.push(await startOnce(root, dataDir));
      second.push(await startOnce(root, dataDir));
      log(`  start ${i + 1}/${runs}: empty ${first.at(-1).toFixed(0)} ms, migrated ${second.at(-1).toFixed(0)} ms`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { first, second };
}
