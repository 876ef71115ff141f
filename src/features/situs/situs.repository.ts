import type { Db } from '#src/lib/db/connect.js';
import type { SitusLembagaTable, SitusPengaturanTable } from './situs.table.js';

/** The only code of the public sites that touches the database. */

export function findDesaSitus(db: Db, kode: string) {
  return db
    .selectFrom('desa')
    .innerJoin('wilayah as w', 'w.kode', 'desa.kode')
    .innerJoin('wilayah as kec', 'kec.kode', 'w.induk')
    .select([
      'desa.kode',
      'desa.sebutan',
      'desa.sebutan_dusun',
      'desa.alamat',
      'desa.kode_pos',
      'desa.telepon',
      'desa.email',
      'desa.kepala_desa',
      'desa.logo_berkas',
      'w.nama as nama',
      'kec.kode as kecamatan_kode',
      'kec.nama as kecamatan',
    ])
    .where('desa.kode', '=', kode)
    .executeTakeFirst();
}
export type DesaSitusRow = NonNullable<Awaited<ReturnType<typeof findDesaSitus>>>;

export function findWilayah(db: Db, kode: string) {
  return db
    .selectFrom('wilayah')
    .select(['kode', 'nama', 'tingkat', 'induk'])
    .where('kode', '=', kode)
    .executeTakeFirst();
}

/** Active desa under a region, with names, their kecamatan and their first host name (for links). */
export async function listDesaAktif(db: Db, under: string) {
  const rows = await db
    .selectFrom('desa')
    .innerJoin('wilayah as w', 'w.kode', 'desa.kode')
    .innerJoin('wilayah as kec', 'kec.kode', 'w.induk')
    .select(['desa.kode', 'desa.sebutan', 'w.nama', 'kec.kode as kecamatan_kode', 'kec.nama as kecamatan'])
    .where('desa.kode', '>', `${under}.`)
    .where('desa.kode', '<', `${under}/`)
    .orderBy('desa.kode')
    .execute();
  const hosts = rows.length === 0 ? [] : await listHostsUnder(db, under);
  const first = new Map<string, string>();
  for (const h of hosts) if (!first.has(h.desa_kode)) first.set(h.desa_kode, h.host);
  return rows.map((r) => ({ ...r, host: first.get(r.kode) ?? null }));
}

function listHostsUnder(db: Db, under: string) {
  return db
    .selectFrom('desa_host')
    .select(['host', 'desa_kode'])
    .where('desa_kode', '>', `${under}.`)
    .where('desa_kode', '<', `${under}/`)
    .orderBy('host')
    .execute();
}

export function listHosts(db: Db, kode: string): Promise<string[]> {
  return db
    .selectFrom('desa_host')
    .select('host')
    .where('desa_kode', '=', kode)
    .orderBy('host')
    .execute()
    .then((rows) => rows.map((r) => r.host));
}

export function hasActiveDesaUnder(db: Db, under: string): Promise<boolean> {
  return db
    .selectFrom('desa')
    .select('kode')
    .where('kode', '>', `${under}.`)
    .where('kode', '<', `${under}/`)
    .limit(1)
    .executeTakeFirst()
    .then((r) => r !== undefined);
}

// ——— what the web editors keep ———

export function findPengaturan(db: Db, desaKode: string) {
  return db.selectFrom('situs_pengaturan').selectAll().where('desa_kode', '=', desaKode).executeTakeFirst();
}

export async function savePengaturan(db: Db, row: SitusPengaturanTable): Promise<void> {
  const { desa_kode: _, ...changes } = row;
  await db
    .insertInto('situs_pengaturan')
    .values(row)
    .onConflict((oc) => oc.column('desa_kode').doUpdateSet(changes))
    .execute();
}

export function listPerangkat(db: Db, desaKode: string) {
  return db
    .selectFrom('situs_perangkat')
    .select(['id', 'nama', 'jabatan', 'urutan'])
    .where('desa_kode', '=', desaKode)
    .orderBy('urutan')
    .orderBy('id')
    .execute();
}

export function listLembaga(db: Db, desaKode: string) {
  return db
    .selectFrom('situs_lembaga')
    .select(['id', 'nama', 'ketua', 'keterangan', 'urutan'])
    .where('desa_kode', '=', desaKode)
    .orderBy('urutan')
    .orderBy('id')
    .execute();
}

export async function replacePerangkat(
  db: Db,
  desaKode: string,
  rows: readonly { nama: string; jabatan: string }[],
): Promise<void> {
  await db.deleteFrom('situs_perangkat').where('desa_kode', '=', desaKode).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('situs_perangkat')
    .values(rows.map((r, i) => ({ desa_kode: desaKode, nama: r.nama, jabatan: r.jabatan, urutan: i + 1 })))
    .execute();
}

export async function replaceLembaga(
  db: Db,
  desaKode: string,
  rows: readonly Omit<SitusLembagaTable, 'id' | 'desa_kode' | 'urutan'>[],
): Promise<void> {
  await db.deleteFrom('situs_lembaga').where('desa_kode', '=', desaKode).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('situs_lembaga')
    .values(rows.map((r, i) => ({ desa_kode: desaKode, ...r, urutan: i + 1 })))
    .execute();
}
