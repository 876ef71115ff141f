import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import { listWarnedResidents } from './penduduk-screens.repository.js';
import { unitAndBelow } from './penduduk-units.js';

/** At most this many people are listed per kind of warning; the count is always complete. */
export const SHOWN_PER_KIND = 100;

export interface WarningGroup {
  kode: string;
  total: number;
  people: { id: number; nama: string; lingkungan_id: number | null; tanggallahir: string | null }[];
}

/**
 * Living residents of a desa with data-quality warnings, grouped by kind of warning (a dusun/RW/RT
 * operator sees only their unit). Residents are listed by name so that the same person is easy to find.
 */
export async function listQualityWarnings(db: Db, desaKode: string, ownUnit: number | null) {
  const units = await listLingkungan(db, desaKode);
  const ids = ownUnit === null ? null : unitAndBelow(units, ownUnit);
  const rows = await listWarnedResidents(db, desaKode, ids);
  const groups = new Map<string, WarningGroup>();
  for (const r of rows) {
    let g = groups.get(r.kode);
    if (!g) {
      g = { kode: r.kode, total: 0, people: [] };
      groups.set(r.kode, g);
    }
    g.total += 1;
    if (g.people.length < SHOWN_PER_KIND)
      g.people.push({ id: r.id, nama: r.nama, lingkungan_id: r.lingkungan_id, tanggallahir: r.tanggallahir });
  }
  return { groups: [...groups.values()], units };
}
export type QualityWarnings = Awaited<ReturnType<typeof listQualityWarnings>>;
