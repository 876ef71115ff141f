#!/usr/bin/env node
// `npx balai …` — runs the compiled CLI (npm ci / npm install build it through the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('balai: belum dibangun. Jalankan `npm run build` (atau `npm ci`) dulu.\n');
  process.exit(1);
}
await import(entry.href);
