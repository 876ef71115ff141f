import { rmSync } from 'node:fs';
import { serverHandle } from './global-setup.js';
import { readState, STATE_ENV } from './state.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stop(pid: number): Promise<void> {
  const child = serverHandle.child;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    return;
  }
  if (child || !pid || !isAlive(pid)) return;
  // fallback when teardown runs without the setup module's handle: the recorded pid
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** Stop the server started by global setup and remove its data directory. */
export default async function globalTeardown(): Promise<void> {
  if (!process.env[STATE_ENV]) {
    serverHandle.child?.kill('SIGKILL');
    return;
  }
  const state = readState();
  await stop(state.serverPid);
  rmSync(state.dataDir, { recursive: true, force: true });
  delete process.env[STATE_ENV];
}
