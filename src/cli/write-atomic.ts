import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * Write a file through a temporary file beside it, renamed when complete: an error never leaves half a file
 * under its name. The temporary file is opened first, so a missing folder or a read-only disk fails before
 * anything is read or audited.
 */
export async function writeAtomically<T>(out: string, write: (file: Writable) => Promise<T>): Promise<T> {
  const target = resolve(out);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const file = (await open(temporary, 'w')).createWriteStream();
  const failed = new Promise<never>((_, reject) => file.once('error', reject));
  failed.catch(() => undefined);
  try {
    const result = await Promise.race([write(file), failed]);
    await finished(file);
    await rename(temporary, target);
    return result;
  } catch (error) {
    file.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
