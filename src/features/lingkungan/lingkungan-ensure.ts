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

/** Units already found or created, by `induk|tingkat|nama`: one caller's memo over many names (an import). */
export type KnownUnits = Map<string, number>;

async function findOrCreate(
  trx: Db,
  actor: Actor,
  desaKode: string,
  tingkat: TingkatLingkungan,
  nama: string,
  indukId: number | null,
  known: KnownUnits | undefined,
) {
  const key = `${indukId ?? ''}|${tingkat}|${nama}`;
  const knownId = known?.get(key);
  if (knownId !== undefined) return knownId;
  const id = await findOrInsert(trx, actor, desaKode, tingkat, nama, indukId);
  known?.set(key, id);
  return id;
}

async function findOrInsert(
  trx: Db,
  actor: Actor,
  desaKode: string,
  tingkat: TingkatLingkungan,
  nama: string,
  indukId: number | null,
) {
  const found = await repo.findSibling(trx, desaKode, indukId, tingkat, nama);
  if (found) return found.id;
  if (indukId !== null) {
    const siblings = await repo.listChildren(trx, indukId);
    if (siblings.some((s) => s.tingkat !== tingkat)) throw conflict('tidakBisaCampurRwRt');
  }
  const id = await repo.insertLingkungan(trx, { desa_kode: desaKode, tingkat, nama, induk_id: indukId });
  await audit.record(trx, actor, {
    aksi: 'tambah',
    entitas: 'lingkungan',
    entitasId: id,
    desaKode,
    perubahan: { tingkat: [null, tingkat], nama: [null, nama] },
  });
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
  const dusunId = await findOrCreate(trx, actor, desaKode, 'dusun', tidyDusun(names.dusun), null, known);
  const rw = tidyNumber(names.rw);
  const rt = tidyNumber(names.rt);
  const rwId = rw ? await findOrCreate(trx, actor, desaKode, 'rw', rw, dusunId, known) : null;
  if (!rt) return rwId ?? dusunId;
  return findOrCreate(trx, actor, desaKode, 'rt', rt, rwId ?? dusunId, known);
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
