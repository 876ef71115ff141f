import type { Db } from '#src/lib/db/connect.js';

/**
 * The rules families and households must keep, checked on the data itself (tests, data-quality checks):
 * an active family has exactly one head — its kepala_id, a living member with SHDK 1 — and an active
 * household likewise has one head with hubungan_rumah_tangga 1. Returns one line per violation.
 */
export async function findInvariantViolations(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const families = await db
    .selectFrom('keluarga')
    .select(['id', 'kepala_id'])
    .where('ditutup_pada', 'is', null)
    .execute();
  const members = await db
    .selectFrom('penduduk')
    .select(['id', 'keluarga_id', 'kk_level', 'rumah_tangga_id', 'rtm_level'])
    .where('status_dasar', '=', 1)
    .execute();
  for (const f of families) {
    const heads = members.filter((p) => p.keluarga_id === f.id && p.kk_level === 1);
    if (f.kepala_id === null) problems.push(`keluarga ${f.id}: tanpa kepala`);
    if (heads.length !== 1) problems.push(`keluarga ${f.id}: ${heads.length} anggota hidup ber-SHDK 1`);
    else if (heads[0]?.id !== f.kepala_id) problems.push(`keluarga ${f.id}: kepala_id bukan anggota ber-SHDK 1`);
  }
  const households = await db
    .selectFrom('rumah_tangga')
    .select(['id', 'kepala_id'])
    .where('ditutup_pada', 'is', null)
    .execute();
  for (const r of households) {
    const heads = members.filter((p) => p.rumah_tangga_id === r.id && p.rtm_level === 1);
    if (heads.length !== 1 || heads[0]?.id !== r.kepala_id)
      problems.push(`rumah tangga ${r.id}: kepala tidak tepat (${heads.length} kepala hidup)`);
  }
  return problems;
}

/**
 * Active families (and households) of the desa whose head is not a living member with SHDK 1 (household:
 * rtm_level 1). Must be 0: a family is never without its head. Two index scans of the desa, compared here
 * (a NOT EXISTS over the whole table may be planned as a scan of every resident of the kabupaten).
 */
export async function countFamiliesWithoutHead(db: Db, desaKode: string): Promise<number> {
  const heads = await db
    .selectFrom('penduduk')
    .select(['id', 'keluarga_id', 'rumah_tangga_id', 'kk_level', 'rtm_level'])
    .where('desa_kode', '=', desaKode)
    .where('status_dasar', '=', 1)
    .where((eb) => eb.or([eb('kk_level', '=', 1), eb('rtm_level', '=', 1)]))
    .execute();
  const byId = new Map(heads.map((h) => [h.id, h]));
  const families = await db
    .selectFrom('keluarga')
    .select(['id', 'kepala_id'])
    .where('desa_kode', '=', desaKode)
    .where('ditutup_pada', 'is', null)
    .execute();
  const households = await db
    .selectFrom('rumah_tangga')
    .select(['id', 'kepala_id'])
    .where('desa_kode', '=', desaKode)
    .where('ditutup_pada', 'is', null)
    .execute();
  const badFamilies = families.filter((k) => {
    const h = k.kepala_id === null ? undefined : byId.get(k.kepala_id);
    return h?.keluarga_id !== k.id || h.kk_level !== 1;
  });
  const badHouseholds = households.filter((r) => {
    const h = r.kepala_id === null ? undefined : byId.get(r.kepala_id);
    return h?.rumah_tangga_id !== r.id || h.rtm_level !== 1;
  });
  return badFamilies.length + badHouseholds.length;
}
