import { tidyDusun, tidyNumber } from '#src/features/lingkungan/lingkungan-ensure.js';
import type { UnitNames } from '#src/features/lingkungan/lingkungan-names.js';
import type { Existing } from './impor.repository.js';
import type { BarisPenduduk, Masalah } from './impor-baris.js';
import { KOLOM_TERLINDUNG } from './impor-kolom.js';

/** Columns that are not fields of the person's own record. */
export type { UnitNames };

const BUKAN_FIELD = new Set<string>(KOLOM_TERLINDUNG);

/** dusun names as written → tidied; a desa has a handful, every row names one (bounded: a file may be odd) */
const tidied = new Map<string, string>();
function tidyDusunOnce(name: string): string {
  let t = tidied.get(name);
  if (t === undefined) {
    t = tidyDusun(name);
    if (tidied.size >= 10_000) tidied.clear();
    tidied.set(name, t);
  }
  return t;
}

/** The unit a row names, tidied the way units are stored ("DUSUN KRAJAN_LOR" → "Krajan Lor", `-` → none). */
export function rowUnit(nilai: BarisPenduduk['nilai']): UnitNames {
  return {
    dusun: typeof nilai.dusun === 'string' ? tidyDusunOnce(nilai.dusun) : null,
    rw: tidyNumber(nilai.rw === undefined || nilai.rw === null ? null : String(nilai.rw)),
    rt: tidyNumber(nilai.rt === undefined || nilai.rt === null ? null : String(nilai.rt)),
  };
}

const same = (a: unknown, b: unknown) => String(a ?? '') === String(b ?? '');

export interface Banding {
  /** protected columns the row would change: the row is refused */
  terlindung: Masalah[];
  /** fields of the record that change */
  ubah: Record<string, string | number | null>;
  /** the family's address, given while the family had none */
  alamatKeluarga: string | null;
}

/**
 * A row for a person already in the register: every non-empty cell updates the record, except the
 * protected columns (status, SHDK, KK, address, dusun/RW/RT) — a change there refuses the row (reference §6).
 */
export function compareWithExisting(row: BarisPenduduk, existing: Existing, unitOf: UnitNames): Banding {
  const terlindung: Masalah[] = [];
  const refuse = (kolom: string) =>
    terlindung.push({ baris: row.baris, kolom, pesan: `imporKolomTerlindung|${kolom}`, ...lembarOf(row) });
  const { nilai } = row;
  if ('status_dasar' in nilai && !same(nilai.status_dasar, existing.status_dasar)) refuse('status_dasar');
  if ('kk_level' in nilai && !same(nilai.kk_level, existing.kk_level)) refuse('kk_level');
  if (row.no_kk !== existing.no_kk) refuse('no_kk');
  let alamatKeluarga: string | null = null;
  if (typeof nilai.alamat === 'string') {
    if (!existing.keluarga_alamat) alamatKeluarga = nilai.alamat;
    else if (existing.keluarga_alamat !== nilai.alamat) refuse('alamat');
  }
  const unit = rowUnit(nilai);
  if ('dusun' in nilai && !same(unit.dusun, unitOf.dusun)) refuse('dusun');
  if ('rw' in nilai && !same(unit.rw, unitOf.rw)) refuse('rw');
  if ('rt' in nilai && !same(unit.rt, unitOf.rt)) refuse('rt');
  const ubah: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(nilai)) {
    if (BUKAN_FIELD.has(key)) continue;
    if (!same(value, (existing as unknown as Record<string, unknown>)[key])) ubah[key] = value;
  }
  return { terlindung, ubah, alamatKeluarga };
}

export const lembarOf = (row: { lembar?: string }) => (row.lembar ? { lembar: row.lembar } : {});
