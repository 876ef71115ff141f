#!/usr/bin/env node
// `npx balai …` — runs the compiled CLI (npm ci / npm install build it through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Imports and exports stream big files through a process that allocates a lot of short-lived garbage. With V8's
 * defaults (the old generation let grow to several times what is live) a 100,000-row import peaks near 600 MB; a
 * tight growth of the old generation keeps it under 300 MB (decision 013). The young generation is 16 MiB per
 * semi-space: smaller ones (4 MiB) collected it so often that the collector's threads took ~15 % of the CPU on a
 * 2-core machine; its extra ~30 MB come out of SQLite's page cache, which these commands open at 32 MiB instead of 64.
 * Heap sizes can only be set when a process starts, so these commands replace this process with one started with
 * the flags (same PID, nothing runs twice).
 */
const BATCH_FLAGS = ['--max-semi-space-size=16', '--heap-growing-percent=50'];
const batch = ['import', 'export'].includes(process.argv[2] ?? '');
if (batch && typeof process.execve === 'function' && !process.execArgv.includes(BATCH_FLAGS[0])) {
  const self = fileURLToPath(import.meta.url);
  process.execve(process.execPath, [
    process.execPath,
    ...process.execArgv,
    ...BATCH_FLAGS,
    self,
    ...process.argv.slice(2),
  ]);
}

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('balai: belum dibangun. Jalankan `npm run build` (atau `npm ci`) dulu.\n');
  process.exit(1);
}
await import(entry.href);
