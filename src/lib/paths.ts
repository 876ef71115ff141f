import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder (holding package.json), found from this module whether run from src/ or dist/src/. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'public'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('folder proyek Balai tidak ditemukan');
}

export const PROJECT_ROOT = findRoot();
export const PUBLIC_DIR = join(PROJECT_ROOT, 'public');
