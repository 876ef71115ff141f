import { cleanNumber, isTemporaryNumber } from '#src/domain/nik.js';
import { normaliseName } from '#src/domain/person-name.js';
import type { LingkunganNode } from '#src/features/lingkungan/lingkungan.service.js';
import { placeTarget } from '#src/features/lingkungan/lingkungan.service.js';
import type { Target } from '#src/lib/auth/grants.js';
import type { Db } from '#src/lib/db/connect.js';
import { notFound } from '#src/lib/errors.js';
import * as core from './keluarga.repository.js';
import * as view from './keluarga-view.repository.js';

export const FAMILY_PAGE_SIZE = 50;
const CANDIDATES = 20;

/** A KK number typed in a search box: 16 digits (a temporary number starts with 0). */
export function asNumber(search: string): string | null {
  const digits = cleanNumber(search);
  return /^\d{16}$/.test(digits) ? digits : null;
}

/**
 * The family list of a desa, searched by a prefix of the head's name. The search comes in a URL, where a KK
 * number must never travel (UU 24/2013): a 16-digit search is not used (`numberIgnored`); numbers are looked
 * up by POST with findFamiliesByNumber.
 */
export async function searchFamilies(
  db: Db,
  desaKode: string,
  filters: { q?: string | undefined; halaman?: number | undefined },
) {
  const page = filters.halaman ?? 1;
  const q: view.KeluargaQuery = { desaKode, limit: FAMILY_PAGE_SIZE, offset: (page - 1) * FAMILY_PAGE_SIZE };
  const search = filters.q?.trim() ?? '';
  const numberIgnored = asNumber(search) !== null;
  if (!numberIgnored && normaliseName(search)) q.namaPrefix = normaliseName(search);
  const [rows, total] = await Promise.all([view.listFamilies(db, q), view.countFamilies(db, q)]);
  return { rows, total, page, pageSize: q.limit, numberIgnored };
}
export type FamilyListResult = Awaited<ReturnType<typeof searchFamilies>>;

/** The families in use in a desa under one KK number (temporary numbers included): the "Cari nomor KK" look-up. */
export async function findFamiliesByNumber(db: Db, desaKode: string, noKk: string): Promise<FamilyListResult> {
  const q: view.KeluargaQuery = { desaKode, noKk, limit: FAMILY_PAGE_SIZE, offset: 0 };
  const [rows, total] = await Promise.all([view.listFamilies(db, q), view.countFamilies(db, q)]);
  return { rows, total, page: 1, pageSize: q.limit, numberIgnored: false };
}

/** Permission target of a family's URLs: its desa and the path of its dusun/RW/RT. */
export async function familyTarget(db: Db, id: number): Promise<Target> {
  const family = await core.findKeluarga(db, id);
  if (!family) throw notFound('keluargaTidakDitemukan');
  return placeTarget(db, family.desa_kode, family.lingkungan_id);
}

/** Everything a family's page shows; closed families stay readable (people link to their former KK). */
export async function getFamilyPage(db: Db, id: number) {
  const family = await core.findKeluarga(db, id);
  if (!family) throw notFound('keluargaTidakDitemukan');
  const [members, history, events] = await Promise.all([
    view.listMemberDetails(db, id),
    core.listNoKkHistory(db, id),
    view.listFamilyEventsNamed(db, id),
  ]);
  return { family, members, history, events, temporary: isTemporaryNumber(family.no_kk) };
}
export type FamilyPage = Awaited<ReturnType<typeof getFamilyPage>>;

/**
 * Residents to pick from: by id (a chosen one) or a name prefix. Not by NIK: the pickers are GET forms, and a NIK
 * must never travel in a URL (docs/decisions/007).
 */
export function findCandidates(db: Db, desaKode: string, cari: string | undefined, id?: number) {
  if (id) return view.findResidents(db, desaKode, { id }, 1);
  const search = cari?.trim() ?? '';
  if (!search || asNumber(search) !== null) return Promise.resolve([]);
  const prefix = normaliseName(search);
  return prefix ? view.findResidents(db, desaKode, { namaPrefix: prefix }, CANDIDATES) : Promise.resolve([]);
}

export interface UnitOption {
  value: string;
  label: string;
}

/** Every dusun, RW and RT of the desa as "Dusun Krajan › RW 001 › RT 002", in tree order. */
export function unitOptions(tree: readonly LingkunganNode[], names: (n: LingkunganNode) => string): UnitOption[] {
  const out: UnitOption[] = [];
  const walk = (nodes: readonly LingkunganNode[], prefix: string) => {
    for (const n of nodes) {
      const label = prefix ? `${prefix} › ${names(n)}` : names(n);
      out.push({ value: String(n.id), label });
      walk(n.anak, label);
    }
  };
  walk(tree, '');
  return out;
}
