import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Target } from '#src/lib/auth/grants.js';
import type { Db } from '#src/lib/db/connect.js';
import { isUniqueViolation } from '#src/lib/db/errors.js';
import { conflict, HttpError, notFound } from '#src/lib/errors.js';
import type { LingkunganRow } from './lingkungan.repository.js';
import * as repo from './lingkungan.repository.js';
import type { LingkunganForm } from './lingkungan.schema.js';
import type { TingkatLingkungan } from './lingkungan.table.js';

export interface LingkunganNode extends LingkunganRow {
  anak: LingkunganNode[];
}

/** The desa's dusun → RW → RT tree (RW may be absent: RT directly under the dusun). */
export async function getTree(db: Db, desaKode: string): Promise<LingkunganNode[]> {
  return buildTree(await repo.listLingkungan(db, desaKode));
}

export function buildTree(rows: readonly LingkunganRow[]): LingkunganNode[] {
  const nodes = new Map<number, LingkunganNode>(rows.map((r) => [r.id, { ...r, anak: [] }]));
  const roots: LingkunganNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.induk_id === null ? undefined : nodes.get(node.induk_id);
    if (parent) parent.anak.push(node);
    else roots.push(node);
  }
  return roots;
}

/** A unit with its ancestors (dusun first), for permission targets and breadcrumbs; undefined if absent. */
export async function getLingkunganPath(db: Db, id: number): Promise<LingkunganRow[] | undefined> {
  const path: LingkunganRow[] = [];
  let current = await repo.findLingkungan(db, id);
  while (current) {
    path.unshift(current);
    current = current.induk_id === null ? undefined : await repo.findLingkungan(db, current.induk_id);
  }
  return path.length > 0 ? path : undefined;
}

/**
 * Permission target of a record placed in a desa's dusun/RW/RT (a person, a family, a household): the desa and
 * the path of its unit, so that a dusun/RW/RT operator reaches exactly the records of their unit.
 */
export async function placeTarget(db: Db, desaKode: string, lingkunganId: number | null): Promise<Target> {
  const path = lingkunganId === null ? [] : ((await getLingkunganPath(db, lingkunganId)) ?? []);
  return { kode: desaKode, lingkungan: path.map((u) => u.id) };
}

async function findInDesa(db: Db, desaKode: string, id: number): Promise<LingkunganRow> {
  const row = await repo.findLingkungan(db, id);
  if (!row || row.desa_kode !== desaKode) throw notFound('lingkunganTidakDitemukan');
  return row;
}

function duplicate(): HttpError {
  return new HttpError(409, 'invalid', {}, { nama: 'namaLingkunganSudahAda' });
}

async function add(db: Db, desaKode: string, tingkat: TingkatLingkungan, nama: string, induk: LingkunganRow | null) {
  if (tingkat === 'rw' && induk?.tingkat !== 'dusun') throw conflict('indukTidakValid');
  if (tingkat === 'rt' && induk?.tingkat !== 'dusun' && induk?.tingkat !== 'rw') throw conflict('indukTidakValid');
  if (induk?.tingkat === 'dusun') {
    // a dusun holds either RWs or RTs directly (no RW), never both
    const siblings = await repo.listChildren(db, induk.id);
    if (siblings.some((s) => s.tingkat !== tingkat)) throw conflict('tidakBisaCampurRwRt');
  }
  if (await repo.findSibling(db, desaKode, induk?.id ?? null, tingkat, nama)) throw duplicate();
  return repo.insertLingkungan(db, { desa_kode: desaKode, tingkat, nama, induk_id: induk?.id ?? null });
}

/** Apply one editor action (add dusun/RW/RT, rename, delete) in one transaction with its audit row. */
export async function editLingkungan(db: Db, actor: Actor, desaKode: string, form: LingkunganForm): Promise<void> {
  try {
    await db.transaction().execute(async (trx) => {
      const record = (aksi: string, id: number, perubahan: Record<string, [unknown, unknown]>) =>
        audit.record(trx, actor, { aksi, entitas: 'lingkungan', entitasId: id, desaKode, perubahan });

      switch (form.intent) {
        case 'tambah-dusun': {
          const id = await add(trx, desaKode, 'dusun', form.nama, null);
          return record('tambah', id, { tingkat: [null, 'dusun'], nama: [null, form.nama] });
        }
        case 'tambah-rw':
        case 'tambah-rt': {
          const tingkat = form.intent === 'tambah-rw' ? 'rw' : 'rt';
          const induk = await findInDesa(trx, desaKode, form.induk_id);
          const id = await add(trx, desaKode, tingkat, form.nama, induk);
          return record('tambah', id, {
            tingkat: [null, tingkat],
            nama: [null, form.nama],
            induk_id: [null, induk.id],
          });
        }
        case 'ubah-dusun':
        case 'ubah-nomor': {
          const row = await findInDesa(trx, desaKode, form.id);
          if ((row.tingkat === 'dusun') !== (form.intent === 'ubah-dusun')) throw conflict('indukTidakValid');
          if (row.nama === form.nama) return;
          const same = await repo.findSibling(trx, desaKode, row.induk_id, row.tingkat, form.nama);
          if (same && same.id !== row.id) throw duplicate();
          await repo.renameLingkungan(trx, row.id, form.nama);
          return record('ubah', row.id, { nama: [row.nama, form.nama] });
        }
        case 'hapus': {
          const row = await findInDesa(trx, desaKode, form.id);
          if ((await repo.listChildren(trx, row.id)).length > 0) throw conflict('lingkunganMasihPunyaAnak');
          if ((await repo.countAssignments(trx, row.id)) > 0) throw conflict('lingkunganMasihDipakaiPeran');
          await repo.deleteLingkungan(trx, row.id);
          return record('hapus', row.id, { tingkat: [row.tingkat, null], nama: [row.nama, null] });
        }
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

export async function getLingkungan(db: Db, id: number) {
  const path = await getLingkunganPath(db, id);
  const node = path?.at(-1);
  if (!path || !node) throw notFound('lingkunganTidakDitemukan');
  const rows = await repo.listLingkungan(db, node.desa_kode);
  const subtree = buildTree(rows).flatMap(function find(n): LingkunganNode[] {
    return n.id === id ? [n] : n.anak.flatMap(find);
  });
  return { path, node: subtree[0] ?? { ...node, anak: [] } };
}

export const findLingkungan = repo.findLingkungan;
export const countByTingkatUnder = repo.countByTingkatUnder;
