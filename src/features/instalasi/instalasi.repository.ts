import type { Db } from '#src/lib/db/connect.js';

/** A setting that holds a region code, joined with the region (one query). */
export function findSettingRegion(db: Db, kunci: string) {
  return db
    .selectFrom('pengaturan')
    .innerJoin('wilayah', 'wilayah.kode', 'pengaturan.nilai')
    .select(['wilayah.kode', 'wilayah.nama'])
    .where('pengaturan.kunci', '=', kunci)
    .executeTakeFirst();
}

export async function setSetting(db: Db, kunci: string, nilai: string): Promise<void> {
  await db
    .insertInto('pengaturan')
    .values({ kunci, nilai })
    .onConflict((oc) => oc.column('kunci').doUpdateSet({ nilai }))
    .execute();
}

export async function replaceSetupToken(db: Db, tokenHash: string, dibuat: string, kedaluwarsa: string) {
  await db.deleteFrom('tautan_setup').execute();
  await db
    .insertInto('tautan_setup')
    .values({ token_hash: tokenHash, dibuat_pada: dibuat, kedaluwarsa_pada: kedaluwarsa })
    .execute();
}

export function findSetupToken(db: Db, tokenHash: string, now: string) {
  return db
    .selectFrom('tautan_setup')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('kedaluwarsa_pada', '>', now)
    .executeTakeFirst();
}

export async function deleteSetupTokens(db: Db) {
  await db.deleteFrom('tautan_setup').execute();
}
