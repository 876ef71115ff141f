import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FullConfig } from '@playwright/test';
import { type Account, type E2eState, STATE_ENV } from './state.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SERVER = join(ROOT, 'dist/src/server.js');
const CLI = join(ROOT, 'bin/balai.js');

/** Long, unusual passwords: the policy refuses short and common ones. */
const ACCOUNTS = {
  admin: {
    username: 'admin.rembang',
    password: 'Kopi tubruk pagi di balai 7',
    role: 'admin-kabupaten',
    scope: '33.17',
  },
  operator: {
    username: 'operator.meteseh',
    password: 'Sawah hijau di tepi kali 42',
    role: 'operator-desa',
    scope: '33.17.09.2001',
  },
  // the approval chain of Meteseh's letters (operator → sekretaris desa → kepala desa)
  sekdes: {
    username: 'sekdes.meteseh',
    password: 'Buku agenda di meja sekdes 19',
    role: 'sekretaris-desa',
    scope: '33.17.09.2001',
  },
  kades: {
    username: 'kades.meteseh',
    password: 'Stempel desa dan tinta biru 63',
    role: 'kepala-desa',
    scope: '33.17.09.2001',
  },
} as const;

/** The server handle, for global teardown (same process). */
export const serverHandle: { child: ChildProcess | null } = { child: null };

/** A clean environment: no inherited database, public URL or proxy settings; quiet logs. */
function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key !== 'DATABASE_URL' && !key.startsWith('BALAI_')) env[key] = value;
  }
  return { ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn', BALAI_DATA_DIR: dataDir, ...extra };
}

function balai(dataDir: string, args: string[], input?: string): string {
  try {
    return execFileSync(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: childEnv(dataDir),
      input: input ?? '',
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`\`balai ${args.join(' ')}\` failed:\n${stderr || String(error)}`);
  }
}

function createAccount(dataDir: string, spec: (typeof ACCOUNTS)[keyof typeof ACCOUNTS]): Account {
  const args = ['user', 'create', '--username', spec.username, '--role', spec.role, '--scope', spec.scope];
  const out = balai(dataDir, [...args, '--password-stdin'], `${spec.password}\n`);
  const id = /\(id (\d+)\)/.exec(out)?.[1];
  if (!id) throw new Error(`could not read the new account id from: ${out}`);
  return { id: Number(id), username: spec.username, password: spec.password };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(baseURL: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2_000) : '';
  throw new Error(`Balai did not answer GET /healthz with 200 at ${baseURL} (exit code ${child.exitCode}).\n${tail}`);
}

/**
 * Once per run: a throwaway data directory, migrated; one active desa; known accounts made with the CLI;
 * the built server on a free port. Tests read the result through BALAI_E2E_STATE (see state.ts).
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  if (!existsSync(SERVER) || !existsSync(join(ROOT, 'dist/src/cli/main.js'))) {
    throw new Error(`${SERVER} is missing: build first with \`npm run build\`, then run \`npx playwright test\`.`);
  }
  const chromium = config.projects[0]?.use.launchOptions?.executablePath;
  if (chromium && !existsSync(chromium)) {
    throw new Error(`Chromium not found at ${chromium}: install Debian's chromium or set CHROMIUM_PATH.`);
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'balai-e2e-'));
  try {
    balai(dataDir, ['migrate']);
    balai(dataDir, ['desa', 'activate', ACCOUNTS.operator.scope]);
    const accounts = {
      admin: createAccount(dataDir, ACCOUNTS.admin),
      operator: createAccount(dataDir, ACCOUNTS.operator),
      sekdes: createAccount(dataDir, ACCOUNTS.sekdes),
      kades: createAccount(dataDir, ACCOUNTS.kades),
    };

    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const log = join(dataDir, 'server.log');
    const fd = openSync(log, 'a');
    const child = spawn(process.execPath, [SERVER], {
      cwd: ROOT,
      env: childEnv(dataDir, { HOST: '127.0.0.1', PORT: String(port) }),
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    serverHandle.child = child;
    await waitForHealth(baseURL, child, log);

    const state: E2eState = { baseURL, dataDir, serverPid: child.pid ?? 0, accounts };
    const file = join(dataDir, 'e2e-state.json');
    writeFileSync(file, JSON.stringify(state, null, 2), { mode: 0o600 });
    process.env[STATE_ENV] = file;
  } catch (error) {
    serverHandle.child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
