import { todayIn } from '#src/domain/age.js';
import { cleanNumber } from '#src/domain/nik.js';
import { normaliseName } from '#src/domain/person-name.js';
import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import { countPenduduk, FILTERABLE_CODES, listPenduduk, type PendudukQuery } from './penduduk-list.repository.js';
import { type PendudukListQuery, PendudukListQuerySchema } from './penduduk-list.schema.js';

export const DEFAULT_PAGE_SIZE = 50;

/** The date `years` years before `date` (YYYY-MM-DD; 29 February falls back to the 28th). */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y - years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** Ids of a unit and everything under it (a dusun includes its RWs and RTs). */
async function unitAndBelow(db: Db, desaKode: string, id: number): Promise<number[]> {
  const rows = await listLingkungan(db, desaKode);
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of rows) {
      if (r.induk_id !== null && ids.has(r.induk_id) && !ids.has(r.id)) {
        ids.add(r.id);
        grew = true;
      }
    }
  }
  return rows.some((r) => r.id === id) ? [...ids] : [];
}

export interface ListScope {
  desaKode?: string;
  under?: string;
  /** stop counting matches here (region-wide searches) */
  countCap?: number;
  /** dusun/RW/RT operators see only their unit */
  lingkunganId?: number | null;
}

/**
 * Build the query for a resident list: a 16-digit search is an exact NIK; anything else a name prefix
 * (case, accents, punctuation and spacing ignored). Ages are turned into a birth-date window on today's date.
 */
export function toQuery(filters: PendudukListQuery, today = todayIn()): Omit<PendudukQuery, 'lingkunganIds'> {
  const pageSize = filters.per ?? DEFAULT_PAGE_SIZE;
  const page = Math.max(1, filters.halaman ?? 1);
  const q: Omit<PendudukQuery, 'lingkunganIds'> = {
    limit: pageSize,
    offset: (page - 1) * pageSize,
    sort: filters.urut ?? 'nama',
  };
  const search = filters.q?.trim();
  if (search) {
    const digits = cleanNumber(search);
    if (/^\d{16}$/.test(digits)) q.nik = digits;
    else if (normaliseName(search)) q.namaPrefix = normaliseName(search);
  }
  q.statusDasar = filters.status_dasar === 'semua' ? undefined : [Number(filters.status_dasar ?? 1)];
  // age ≥ min ⇔ born on or before today − min years; age ≤ max ⇔ born after today − (max + 1) years
  if (filters.umur_min !== undefined) q.lahirSebelum = yearsBefore(today, filters.umur_min);
  if (filters.umur_maks !== undefined) q.lahirSesudah = yearsBefore(today, filters.umur_maks + 1);
  const codes: PendudukQuery['codes'] = {};
  for (const c of FILTERABLE_CODES) if (filters[c] !== undefined) codes[c] = filters[c];
  q.codes = codes;
  return q;
}

/** How many records one number look-up shows at most (the same NIK on dead, moved or merged records). */
export const NIK_LOOKUP_LIMIT = 50;

/**
 * Every record carrying one NIK (or temporary number) in the scope, whatever its status: the web's "Cari NIK"
 * look-up, whose number arrives in a POST body (the resident list's `q` is name-only on the web).
 */
export function findPendudukByNik(db: Db, scope: ListScope, nik: string) {
  const filters = PendudukListQuerySchema.parse({ q: nik, status_dasar: 'semua', per: String(NIK_LOOKUP_LIMIT) });
  return searchPenduduk(db, scope, filters);
}

/** The list filters within a scope as one query (an operator's own unit and a unit filter resolved to ids). */
export async function buildPendudukQuery(db: Db, scope: ListScope, filters: PendudukListQuery): Promise<PendudukQuery> {
  const base = toQuery(filters);
  const query: PendudukQuery = {
    ...base,
    ...(scope.desaKode ? { desaKode: scope.desaKode } : {}),
    ...(scope.under ? { under: scope.under } : {}),
  };
  const unit = scope.lingkunganId ?? filters.lingkungan;
  if (unit && scope.desaKode) {
    let ids = await unitAndBelow(db, scope.desaKode, unit);
    // a unit filter inside an operator's own unit narrows; outside it, nothing
    if (scope.lingkunganId && filters.lingkungan) {
      const inner = new Set(await unitAndBelow(db, scope.desaKode, filters.lingkungan));
      ids = ids.filter((i) => inner.has(i));
    }
    query.lingkunganIds = ids;
  }
  return query;
}

export async function searchPenduduk(db: Db, scope: ListScope, filters: PendudukListQuery) {
  const query = await buildPendudukQuery(db, scope, filters);
  const [rows, counted] = await Promise.all([listPenduduk(db, query), countPenduduk(db, query, scope.countCap)]);
  const capped = scope.countCap !== undefined && counted > scope.countCap;
  return {
    rows,
    total: capped ? (scope.countCap as number) : counted,
    /** true when there are more than `total` matches (the count stopped at the cap) */
    capped,
    page: Math.floor(query.offset / query.limit) + 1,
    pageSize: query.limit,
  };
}
