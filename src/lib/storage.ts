import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, resolve, sep } from 'node:path';

/**
 * Files kept by Balai (uploads) under the data directory: never inside the code or any served folder.
 * Paths are relative and checked so that nothing escapes the root.
 */
export interface FileStore {
  write(relPath: string, data: Buffer): Promise<void>;
  read(relPath: string): Promise<Buffer | null>;
  remove(relPath: string): Promise<void>;
}

export function createFileStore(root: string): FileStore {
  const base = resolve(root);
  const full = (relPath: string) => {
    const path = resolve(base, normalize(relPath));
    if (!path.startsWith(base + sep)) throw new Error('path di luar penyimpanan');
    return path;
  };
  return {
    async write(relPath, data) {
      const path = full(relPath);
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, data, { mode: 0o640 });
      await rename(tmp, path);
    },
    async read(relPath) {
      try {
        return await readFile(full(relPath));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(relPath) {
      await rm(full(relPath), { force: true });
    },
  };
}

export function uploadsRoot(dataDir: string): string {
  return join(resolve(dataDir), 'unggahan');
}
