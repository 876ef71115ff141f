import type { Db } from '#src/lib/db/connect.js';
import type { DesaTable } from './desa.table.js';

export type DesaRow = DesaTable;
export type DesaChanges = Partial<Omit<DesaTable, 'kode' | 'diaktifkan_pada'>>;

export function findDesa(db: Db, kode: string): Promise<DesaRow | undefined> {
  return db.selectFrom('desa').selectAll().where('kode', '=', kode).executeTakeFirst();
}

export function findDesaWithRegion(db: Db, kode: string) {
  return db
    .selectFrom('desa')
    .innerJoin('wilayah as w', 'w.kode', 'desa.kode')
    .innerJoin('wilayah as kec', 'kec.kode', 'w.induk')
    .selectAll('desa')
    .select(['w.nama as nama', 'w.tingkat as tingkat', 'kec.nama as kecamatan', 'kec.kode as kecamatan_kode'])
    .where('desa.kode', '=', kode)
    .executeTakeFirst();
}

/** Insert unless present; true when this call activated it. */
export async function insertDesaIfAbsent(db: Db, row: DesaRow): Promise<boolean> {
  const result = await db
    .insertInto('desa')
    .values(row)
    .onConflict((oc) => oc.column('kode').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateDesa(db: Db, kode: string, changes: DesaChanges): Promise<void> {
  await db.updateTable('desa').set(changes).where('kode', '=', kode).execute();
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

export function findHostOwners(db: Db, hosts: readonly string[]) {
  if (hosts.length === 0) return Promise.resolve([]);
  return db.selectFrom('desa_host').select(['host', 'desa_kode']).where('host', 'in', hosts).execute();
}

export async function replaceHosts(db: Db, kode: string, hosts: readonly string[]): Promise<void> {
  await db.deleteFrom('desa_host').where('desa_kode', '=', kode).execute();
  if (hosts.length > 0) {
    await db
      .insertInto('desa_host')
      .values(hosts.map((host) => ({ host, desa_kode: kode })))
      .execute();
  }
}

export function findDesaByHost(db: Db, host: string) {
  return db.selectFrom('desa_host').select('desa_kode').where('host', '=', host).executeTakeFirst();
}

export function listDesaUnder(db: Db, under: string) {
  return db
    .selectFrom('desa')
    .innerJoin('wilayah as w', 'w.kode', 'desa.kode')
    .select(['desa.kode', 'w.nama', 'desa.sebutan', 'desa.diaktifkan_pada'])
    .where('desa.kode', '>', `${under}.`)
    .where('desa.kode', '<', `${under}/`)
    .orderBy('desa.kode')
    .execute();
}
