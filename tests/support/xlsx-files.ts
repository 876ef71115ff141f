/**
 * Builders of odd .xlsx files for the src/lib/xlsx tests: a minimal zip writer that can lie about sizes and
 * deflate hundreds of megabytes without holding them, and the smallest parts of a workbook.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { afterAll } from 'vitest';
import yauzl from 'yauzl';

/** A temporary folder removed after the test file; returns a path maker. */
export function useTempDir(): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'balai-xlsx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name) => join(dir, name);
}

export interface ZipPart {
  name: string;
  /** the content, deflated */
  data?: string | Buffer;
  /** instead of data: `bytes` bytes of `fill`, deflated as a stream (never held whole) */
  repeat?: { fill: string; bytes: number };
  /** the uncompressed size written in the headers, when it should lie */
  declaredSize?: number;
}

/** Writes a zip (deflate, no zip64) with the parts in order. */
export async function writeZip(path: string, parts: ZipPart[]): Promise<void> {
  const file = await open(path, 'w');
  const central: Buffer[] = [];
  let pending: Buffer[] = [];
  let offset = 0;
  try {
    for (const part of parts) {
      const { data, crc, size } = part.repeat ? await deflateRepeated(part.repeat) : deflateWhole(part.data ?? '');
      const name = Buffer.from(part.name, 'utf8');
      const fields = { crc, compressed: data.length, size: part.declaredSize ?? size, nameLength: name.length };
      const local = header(0x04034b50, fields);
      pending.push(local, name, data);
      if (pending.length > 3000) {
        await file.write(Buffer.concat(pending));
        pending = [];
      }
      central.push(Buffer.concat([centralHeader(fields, offset), name]));
      offset += local.length + name.length + data.length;
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(parts.length, 8);
    end.writeUInt16LE(parts.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    await file.write(Buffer.concat([...pending, directory, end]));
  } finally {
    await file.close();
  }
}

interface Fields {
  crc: number;
  compressed: number;
  size: number;
  nameLength: number;
}

/** A local file header (30 bytes) without its name. */
function header(signature: number, f: Fields): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(signature, 0);
  b.writeUInt16LE(20, 4); // version needed
  b.writeUInt16LE(0x0800, 6); // UTF-8 names
  b.writeUInt16LE(8, 8); // deflate
  b.writeUInt16LE(33, 12); // 1980-01-01
  b.writeUInt32LE(f.crc, 14);
  b.writeUInt32LE(f.compressed, 18);
  b.writeUInt32LE(f.size, 22);
  b.writeUInt16LE(f.nameLength, 26);
  return b;
}

/** A central directory header (46 bytes) without its name. */
function centralHeader(f: Fields, localOffset: number): Buffer {
  const local = header(0, f);
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(20, 4); // version made by
  local.copy(b, 6, 4, 30); // version needed … name length, same as the local header
  b.writeUInt32LE(localOffset, 42);
  return b;
}

function deflateWhole(content: string | Buffer) {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
}

async function deflateRepeated({ fill, bytes }: { fill: string; bytes: number }) {
  const block = Buffer.alloc(1024 * 1024, fill);
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  let crc = 0;
  for (let left = bytes; left > 0; left -= block.length) {
    const piece = left >= block.length ? block : block.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { data: Buffer.concat(out), crc, size: bytes };
}

/** The parts of a one-sheet workbook around the given sheet (inline strings, no styles). */
export function workbookParts(sheet: Omit<ZipPart, 'name'>): ZipPart[] {
  const ns = 'http://schemas.openxmlformats.org';
  return [
    {
      name: '[Content_Types].xml',
      data: `<Types xmlns="${ns}/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ];
}

/** A worksheet whose rows hold the given inline strings, row 1 first. */
export function sheetXml(rows: string[][]): string {
  const cells = (row: string[], r: number) =>
    row.map((text, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${text}</t></is></c>`);
  const body = rows.map((row, i) => `<row r="${i + 1}">${cells(row, i + 1).join('')}</row>`).join('');
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** The text of one entry of a zip, for looking at what a writer produced. */
export async function readZipEntry(path: string, name: string): Promise<string> {
  const zip = await yauzl.openPromise(path);
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== name) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    throw new Error(`${name} not in ${path}`);
  } finally {
    zip.close();
  }
}

/** Open file descriptors of this process (Linux), to show that nothing is left open. */
export async function openFileCount(): Promise<number> {
  return (await readdir('/proc/self/fd')).length;
}
