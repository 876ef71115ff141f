import { codeList } from '#src/domain/codes.js';
import { KOLOM_PENDUDUK } from '#src/features/impor/impor-kolom.js';
import { type UnitRow, unitIndex } from '#src/features/lingkungan/lingkungan-names.js';
import type { PendudukFields } from '#src/features/penduduk/penduduk.table.js';

/**
 * One resident as a row of OpenSID's 43 columns (reference import-format.md §2, §7): codes as numbers, dates
 * as YYYY-MM-DD text, NIK/KK as text (`0` for someone with only a temporary number), so that importing the
 * file again gives the same values.
 */
export const HEADERS: readonly string[] = KOLOM_PENDUDUK.map((k) => k.nama);

/** Columns that hold 16-digit numbers: written as text cells (Excel keeps only 15 significant digits). */
export const TEXT_COLUMNS: readonly number[] = KOLOM_PENDUDUK.flatMap((k, i) =>
  k.kind === 'nik' || k.kind === 'kk' ? [i] : [],
);

/** The columns taken from the family or the dusun/RW/RT tree; every other one is a field of the resident. */
const FROM_ELSEWHERE = new Set(['alamat', 'dusun', 'rw', 'rt', 'no_kk']);
export type PersonColumn = keyof PendudukFields;
export const PERSON_COLUMNS = HEADERS.filter((h) => !FROM_ELSEWHERE.has(h)) as PersonColumn[];

export type Cell = string | number | null;

export interface EksporSource {
  person: Partial<Record<PersonColumn, string | number | null>>;
  no_kk: string;
  /** the family's address */
  alamat: string | null;
  unit: UnitNames;
}

export interface UnitNames {
  dusun: string;
  rw: string;
  rt: string;
}

/** OpenSID's convention: `-` where a desa has no RW (or the unit no RT). */
export const NO_UNIT: UnitNames = { dusun: '', rw: '-', rt: '-' };

type Reader = (src: EksporSource) => Cell;

function readerOf(nama: string, kind: string): Reader {
  switch (nama) {
    case 'alamat':
      return (src) => src.alamat ?? null;
    case 'dusun':
    case 'rw':
    case 'rt':
      return (src) => src.unit[nama] || null;
    case 'no_kk':
      return (src) => src.no_kk;
    case 'nik':
      return (src) => src.person.nik ?? '0';
  }
  const field = nama as PersonColumn;
  if (kind === 'kode' || kind === 'lokasi')
    return (src) => {
      const v = src.person[field];
      return v === null || v === undefined ? null : Number(v);
    };
  return (src) => {
    const v = src.person[field];
    return v === null || v === undefined ? null : String(v);
  };
}

/** One reader per column, built once (an export calls them 4 million times per 100,000 rows). */
const READERS: readonly Reader[] = KOLOM_PENDUDUK.map((k) => readerOf(k.nama, k.kind));

export function toOpenSidRow(src: EksporSource): Cell[] {
  return READERS.map((read) => read(src));
}

/** dusun/RW/RT names of every unit of a desa as OpenSID writes them (`-` for a missing RW or RT). */
export function unitNamer(rows: readonly UnitRow[]) {
  const names = unitIndex(rows);
  const cache = new Map<number, UnitNames>();
  return (id: number | null): UnitNames => {
    if (id === null) return NO_UNIT;
    let out = cache.get(id);
    if (!out) {
      const n = names(id);
      out = { dusun: n.dusun ?? '', rw: n.rw ?? '-', rt: n.rt ?? '-' };
      cache.set(id, out);
    }
    return out;
  };
}

/** The sheet "Kode Data" (importers skip it by name). */
export const KODE_DATA = 'Kode Data';

/**
 * "Kode Data" as in OpenSID's template: for every coded column two columns side by side, headed by the
 * column name (label) and `kode`, one entry per row.
 */
export function kodeDataSheet(): { headers: string[]; rows: Cell[][] } {
  const lists = KOLOM_PENDUDUK.filter((k) => k.kind === 'kode' && k.list).map((k) => ({
    nama: k.nama,
    codes: codeList(k.list as NonNullable<typeof k.list>),
  }));
  const height = Math.max(...lists.map((l) => l.codes.length));
  const rows: Cell[][] = [];
  for (let i = 0; i < height; i++)
    rows.push(
      lists.flatMap((l) => {
        const entry = l.codes[i];
        return entry ? [entry.label, entry.code] : [null, null];
      }),
    );
  return { headers: lists.flatMap((l) => [l.nama, 'kode']), rows };
}

const FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not starting or ending with an apostrophe,
 * unique (case-insensitively) among `used` and never "Kode Data"; a clash gets " (2)", " (3)", ….
 */
export function sheetName(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(FORBIDDEN, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .slice(0, 31)
      .trim() || 'Penduduk';
  const taken = (n: string) => used.has(n.toLowerCase()) || n.toLowerCase() === KODE_DATA.toLowerCase();
  let name = base;
  for (let i = 2; taken(name); i++) {
    const suffix = ` (${i})`;
    name = `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
  }
  used.add(name.toLowerCase());
  return name;
}
