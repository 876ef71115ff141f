/**
 * Refusing an uploaded workbook as a whole, by its content and never by its name: size, the first bytes (zip, or an
 * old .xls), then the zip's central directory (the parts a workbook needs, declared sizes, compression ratios),
 * without inflating anything. The reader (xlsx-read.ts) opens files through `openXlsxZip` so the same checks hold
 * even when a caller skipped this one.
 */
import { open } from 'node:fs/promises';
import {
  type Entry,
  isSystemError,
  openZipDirectory,
  ZipBroken,
  type ZipDirectory,
  ZipTooManyEntries,
} from './xlsx-zip.js';

export interface XlsxLimits {
  /** size of the file itself */
  maxBytes: number;
  /** sum of the declared uncompressed sizes of all entries, also enforced while reading */
  maxUncompressedBytes: number;
  /** non-empty rows over all sheets read */
  maxRows: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxRows: 1_100_000,
};

/** More entries than any real workbook has; checked before the directory is read. */
export const MAX_ZIP_ENTRIES = 10_000;
/** An entry inflating above this size must not be compressed more than MAX_RATIO:1. */
const RATIO_CHECKED_ABOVE = 10 * 1024 * 1024;
const MAX_RATIO = 200;

export type XlsxRejectedKode = 'bukanXlsx' | 'xlsLama' | 'terlaluBesar' | 'bomZip' | 'rusak' | 'terlaluBanyakBaris';

/** A file the importer refuses as a whole; `message` is Indonesian and shown to the operator. */
export class XlsxRejected extends Error {
  constructor(
    readonly kode: XlsxRejectedKode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'XlsxRejected';
  }
}

const number = (n: number, digits = 0) => n.toLocaleString('id-ID', { maximumFractionDigits: digits });
const megabytes = (bytes: number) => number(bytes / (1024 * 1024), 1);
const SAVE_AS_XLSX = 'simpan sebagai "Buku Kerja Excel (.xlsx)", lalu unggah lagi.';
const SPLIT = 'Bagi data menjadi beberapa berkas, lalu impor satu per satu.';

/** Every refusal with its operator-facing message, in one place. */
export const rejectXlsx = {
  terlaluBesar: (size: number, max: number) =>
    new XlsxRejected(
      'terlaluBesar',
      `Berkas terlalu besar: ${megabytes(size)} MB, batas ${megabytes(max)} MB. ${SPLIT}`,
    ),
  xlsLama: () =>
    new XlsxRejected(
      'xlsLama',
      'Berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi. Buka berkas di Excel atau LibreOffice, ' +
        `hapus kata sandinya bila ada, ${SAVE_AS_XLSX}`,
    ),
  bukanXlsx: () =>
    new XlsxRejected(
      'bukanXlsx',
      'Berkas ini bukan berkas Excel (.xlsx). Pilih berkas hasil ekspor OpenSID atau templat impor yang disimpan ' +
        'sebagai .xlsx.',
    ),
  tanpaBukuKerja: () =>
    new XlsxRejected(
      'bukanXlsx',
      'Berkas ini bukan berkas Excel (.xlsx): isinya tidak memuat buku kerja. Pilih berkas hasil ekspor OpenSID ' +
        'atau templat impor yang disimpan sebagai .xlsx.',
    ),
  xlsb: () =>
    new XlsxRejected('bukanXlsx', `Berkas ini berformat Excel Biner (.xlsb). Buka berkas di Excel, ${SAVE_AS_XLSX}`),
  rusak: (cause?: unknown) =>
    new XlsxRejected(
      'rusak',
      `Berkas rusak atau tidak lengkap. Buka berkas di Excel atau LibreOffice, ${SAVE_AS_XLSX}`,
      { cause },
    ),
  bomZip: () =>
    new XlsxRejected('bomZip', 'Berkas ditolak: isinya yang terkompresi terlalu besar (kemungkinan bom zip).'),
  terlaluBanyakBagian: (count: number) =>
    new XlsxRejected(
      'bomZip',
      `Berkas ditolak: isinya terdiri dari ${number(count)} bagian, batas ${number(MAX_ZIP_ENTRIES)}.`,
    ),
  terlaluBanyakBaris: (max: number) =>
    new XlsxRejected('terlaluBanyakBaris', `Berkas berisi lebih dari ${number(max)} baris. ${SPLIT}`),
};

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Throws `XlsxRejected` unless the file at `path` looks like a workbook that is safe to stream. Reads the first
 * bytes and the zip's central directory only. System errors (missing file…) are passed through.
 */
export async function checkXlsxFile(path: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<void> {
  const head = Buffer.alloc(OLE2_SIGNATURE.length);
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size > limits.maxBytes) throw rejectXlsx.terlaluBesar(size, limits.maxBytes);
    await file.read(head, 0, head.length, 0);
  } finally {
    await file.close();
  }
  if (head.equals(OLE2_SIGNATURE)) throw rejectXlsx.xlsLama();
  if (!head.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) throw rejectXlsx.bukanXlsx();
  const { zip } = await openXlsxZip(path, limits);
  zip.close();
}

/**
 * Opens a workbook's zip and checks its directory: the parts a workbook needs and the declared sizes. The caller
 * closes `zip`. Throws `XlsxRejected` for a bad file.
 */
export async function openXlsxZip(
  path: string,
  limits: Pick<XlsxLimits, 'maxUncompressedBytes'>,
): Promise<ZipDirectory> {
  let directory: ZipDirectory;
  try {
    directory = await openZipDirectory(path, MAX_ZIP_ENTRIES);
  } catch (error) {
    if (error instanceof ZipTooManyEntries) throw rejectXlsx.terlaluBanyakBagian(error.count);
    if (error instanceof ZipBroken) throw rejectXlsx.rusak(error);
    throw error;
  }
  try {
    checkEntries(directory.entries, limits.maxUncompressedBytes);
    return directory;
  } catch (error) {
    directory.zip.close();
    throw error;
  }
}

function checkEntries(entries: Map<string, Entry>, maxUncompressedBytes: number): void {
  if (!entries.has('xl/workbook.xml')) {
    throw entries.has('xl/workbook.bin') ? rejectXlsx.xlsb() : rejectXlsx.tanpaBukuKerja();
  }
  if (!entries.has('[Content_Types].xml')) throw rejectXlsx.rusak();
  let total = 0;
  for (const entry of entries.values()) {
    if (!entry.canDecodeFileData()) throw rejectXlsx.rusak();
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (total > maxUncompressedBytes || (entry.uncompressedSize > RATIO_CHECKED_ABOVE && ratio > MAX_RATIO)) {
      throw rejectXlsx.bomZip();
    }
  }
}

/** Any failure while reading a workbook's content, as the refusal shown to the operator. */
export function asXlsxRejected(error: unknown): unknown {
  if (error instanceof XlsxRejected || isSystemError(error)) return error;
  return rejectXlsx.rusak(error);
}
