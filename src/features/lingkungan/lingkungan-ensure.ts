import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { conflict } from '#src/lib/errors.js';
import * as repo from './lingkungan.repository.js';
import type { TingkatLingkungan } from './lingkungan.table.js';

/** OpenSID writes `-` where a desa has no RW or no RT, and dusun names as "DUSUN KRAJAN" or "KRAJAN_LOR". */
export function tidyDusun(name: string): string {
  return name
    .replace(/_/g, ' ')
    .replace(/^\s*dusun\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());
}

export function tidyNumber(value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  if (v === '' || v === '-' || v === '0' || /^0+$/.test(v)) return null;
  return /^\d{1,3}$/.test(v) ? v.padStart(3, '0') : v.slice(0, 10);
}

/** A unit by its place: desa, level, name and the unit it sits under (null for a dusun). */
export interface UnitPlace {
  desaKode: string;
  tingkat: TingkatLingkungan;
  nama: string;
  indukId: number | null;
}

/** A new unit with its audit row, no questions asked (the caller has checked the name and the level). */
export async function addUnit(trx: Db, actor: Actor, u: UnitPlace): Promise<number> {
  const id = await repo.insertLingkungan(trx, {
    desa_kode: u.desaKode,
    tingkat: u.tingkat,
    nama: u.nama,
    induk_id: u.indukId,
  });
  await audit.record(trx, actor, {
    aksi: 'tambah',
    entitas: 'lingkungan',
    entitasId: id,
    desaKode: u.desaKode,
    perubahan: { tingkat: [null, u.tingkat], nama: [null, u.nama] },
  });
  return id;
}

/** Units already found or created, by `induk|tingkat|nama`: one caller's memo over many names (an import). */
export type KnownUnits = Map<string, number>;

async function findOrCreate(trx: Db, actor: Actor, u: UnitPlace, known: KnownUnits | undefined) {
  const key = `${u.indukId ?? ''}|${u.tingkat}|${u.nama}`;
  const knownId = known?.get(key);
  if (knownId !== undefined) return knownId;
  let id = (await repo.findSibling(trx, u.desaKode, u.indukId, u.tingkat, u.nama))?.id;
  if (id === undefined) {
    if (u.indukId !== null) {
      const siblings = await repo.listChildren(trx, u.indukId);
      if (siblings.some((s) => s.tingkat !== u.tingkat)) throw conflict('tidakBisaCampurRwRt');
    }
    id = await addUnit(trx, actor, u);
  }
  known?.set(key, id);
  return id;
}

/**
 * The unit named by dusun/RW/RT (as the OpenSID import and the API give them), created when missing — the
 * lowest level named. `-` or empty means "this desa has no RW (or RT)". A caller resolving many names in one
 * transaction passes `known`, so that a dusun or RW is looked up once, not once per RT under it.
 */
export async function ensureLingkungan(
  trx: Db,
  actor: Actor,
  desaKode: string,
  names: { dusun: string; rw?: string | null; rt?: string | null },
  known?: KnownUnits,
): Promise<number> {
  const unit = (tingkat: TingkatLingkungan, nama: string, indukId: number | null) =>
    findOrCreate(trx, actor, { desaKode, tingkat, nama, indukId }, known);
  const dusunId = await unit('dusun', tidyDusun(names.dusun), null);
  const rw = tidyNumber(names.rw);
  const rt = tidyNumber(names.rt);
  const rwId = rw ? await unit('rw', rw, dusunId) : null;
  if (!rt) return rwId ?? dusunId;
  return unit('rt', rt, rwId ?? dusunId);
}

/** dusun/RW/RT names of a unit (for the API and exports). */
export async function lingkunganNames(
  db: Db,
  id: number | null,
): Promise<{ dusun: string | null; rw: string | null; rt: string | null }> {
  const names = { dusun: null as string | null, rw: null as string | null, rt: null as string | null };
  let current = id === null ? undefined : await repo.findLingkungan(db, id);
  while (current) {
    names[current.tingkat] = current.nama;
    current = current.induk_id === null ? undefined : await repo.findLingkungan(db, current.induk_id);
  }
  return names;
}
