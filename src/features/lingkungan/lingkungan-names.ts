import type { LingkunganRow } from './lingkungan.repository.js';

/** The dusun, RW and RT a unit lies in (null where the desa has no such level above it). */
export interface UnitNames {
  dusun: string | null;
  rw: string | null;
  rt: string | null;
}

/** What a unit's names are worked out from. */
export type UnitRow = Pick<LingkunganRow, 'id' | 'tingkat' | 'nama' | 'induk_id'>;

/**
 * dusun/RW/RT names of every unit of a desa, from its rows loaded once (one query instead of one per person);
 * each unit's names are worked out once. Used by the API, the exports and the import.
 */
export function unitIndex(rows: readonly UnitRow[]): (id: number | null) => UnitNames {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const cache = new Map<number, UnitNames>();
  const none: UnitNames = { dusun: null, rw: null, rt: null };
  return (id) => {
    if (id === null) return none;
    let names = cache.get(id);
    if (!names) {
      names = { dusun: null, rw: null, rt: null };
      let current = byId.get(id);
      for (let depth = 0; current && depth < 4; depth++) {
        names[current.tingkat] = current.nama;
        current = current.induk_id === null ? undefined : byId.get(current.induk_id);
      }
      cache.set(id, names);
    }
    return names;
  };
}
