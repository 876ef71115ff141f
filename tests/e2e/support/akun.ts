import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readState } from './state.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * A staff account for one spec, made with the CLI on the test server's database (as global setup does). Running
 * it again (the second describe block, a retry) finds the account already there and keeps it.
 */
export function ensureAccount(spec: { username: string; password: string; role: string; scope: string }): void {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (k !== 'DATABASE_URL' && !k.startsWith('BALAI_')) env[k] = v;
  const args = ['bin/balai.js', 'user', 'create', '--username', spec.username, '--role', spec.role];
  try {
    execFileSync(process.execPath, [...args, '--scope', spec.scope, '--password-stdin'], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn', BALAI_DATA_DIR: readState().dataDir },
      input: `${spec.password}\n`,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    if (!String((error as { stderr?: string }).stderr ?? '').match(/sudah|exists|dipakai/i)) throw error;
  }
}
