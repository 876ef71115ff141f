/**
 * The zip layer under the .xlsx reader and checker (yauzl). An .xlsx file is a zip archive; yauzl reads its central
 * directory (names and declared sizes) without inflating anything and opens one entry at a time by random access.
 * yauzl's own size validation is off: the reader (xlsx-read.ts) counts the inflated bytes of each entry against its
 * declared size itself, to refuse a lying zip with its own message. Knows nothing about Excel.
 */
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export type { Entry };

export interface ZipDirectory {
  zip: ZipFile;
  /** entries by file name, in archive order */
  entries: Map<string, Entry>;
}

/** Thrown when the archive itself is malformed (bad record, bad name, duplicate name); `cause` is yauzl's error. */
export class ZipBroken extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ZipBroken';
  }
}

/** Thrown before reading any entry when the central directory lists more than `maxEntries` entries. */
export class ZipTooManyEntries extends Error {
  constructor(readonly count: number) {
    super(`zip has ${count} entries`);
    this.name = 'ZipTooManyEntries';
  }
}

/**
 * Opens a zip file and reads its central directory. The caller must `zip.close()` it (also after an error in its
 * own checks); on failure here nothing stays open. System errors (ENOENT, EACCES…) are passed through unchanged.
 */
export async function openZipDirectory(path: string, maxEntries: number): Promise<ZipDirectory> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { autoClose: false, validateEntrySizes: false, strictFileNames: false });
  } catch (error) {
    throw isSystemError(error) ? error : new ZipBroken('not a readable zip', { cause: error });
  }
  try {
    if (zip.entryCount > maxEntries) throw new ZipTooManyEntries(zip.entryCount);
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) {
      if (entries.has(entry.fileName)) throw new ZipBroken(`duplicate entry ${entry.fileName}`);
      entries.set(entry.fileName, entry);
    }
    return { zip, entries };
  } catch (error) {
    zip.close();
    if (error instanceof ZipTooManyEntries || error instanceof ZipBroken || isSystemError(error)) throw error;
    throw new ZipBroken('bad central directory', { cause: error });
  }
}

/** The inflated bytes of one entry. Destroying the stream releases it; `zip.close()` then closes the file. */
export async function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  try {
    return await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw isSystemError(error) ? error : new ZipBroken(`cannot open ${entry.fileName}`, { cause: error });
  }
}

/** An operating-system error (missing file, permissions, disk) rather than a fault in the file's content. */
export function isSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
