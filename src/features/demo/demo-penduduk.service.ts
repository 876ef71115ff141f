import { todayIn } from '#src/domain/age.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import { isPostgres } from '#src/lib/db/bulk.js';
import type { Db } from '#src/lib/db/connect.js';
import { isUniqueViolation } from '#src/lib/db/errors.js';
import { type DesaPenduduk, type DesaPlan, generateDesaPenduduk } from './demo-penduduk.js';
import { findTaken, hasResidents, maxHouseholdSerial, writeDesaPenduduk } from './demo-penduduk.repository.js';
import { desaSizes, desaUnits, isCoastal, type KabupatenPlan, kabupatenPlan } from './demo-plan.js';

export interface DemoPendudukOptions {
  /** multiplies every desa's size (tests load a few hundred people per desa); default 1 */
  skala?: number;
  /** the reference date, YYYY-MM-DD (default: today in WIB); events lie before it */
  today?: string;
  /** a line per kecamatan loaded, for the terminal */
  progress?: (line: string) => void;
}

export interface DemoPendudukResult {
  /** desa that got residents now */
  desaDiisi: number;
  /** desa skipped because they already had residents (or no RT) */
  desaDilewati: number;
  penduduk: number;
}

/**
 * Synthetic residents for the given desa: generated in memory per desa and written in bulk, one transaction
 * per desa (families with their heads, households, residents, events and one audit row together). A desa
 * that already has residents is skipped, so running the demo again adds nothing. While a desa is being
 * written (PostgreSQL works in its own processes), the next one is generated.
 */
export async function loadDemoPenduduk(
  db: Db,
  actor: Actor,
  desaCodes: readonly string[],
  options: DemoPendudukOptions = {},
): Promise<DemoPendudukResult> {
  const kabupaten = await kabupatenPlan(db);
  const sizes = desaSizes(kabupaten.desa);
  const today = options.today ?? todayIn();
  const result: DemoPendudukResult = { desaDiisi: 0, desaDilewati: 0, penduduk: 0 };
  const codes = [...new Set(desaCodes)].sort();
  // SQLite has one writer; PostgreSQL takes two desa at once (two server processes, two cores)
  const parallel = isPostgres(db) ? 2 : 1;
  const writing: Promise<number>[] = [];
  const settleOldest = async () => {
    const written = await writing.shift();
    if (written === undefined) return;
    if (written > 0) {
      result.desaDiisi += 1;
      result.penduduk += written;
    } else {
      result.desaDilewati += 1;
    }
  };
  try {
    for (const kecamatan of kabupaten.kecamatan) {
      const inKecamatan = codes.filter((c) => c.startsWith(`${kecamatan.kode}.`));
      if (inKecamatan.length === 0) continue;
      const started = Date.now();
      const before = result.penduduk;
      for (const kode of inKecamatan) {
        const size = Math.round((sizes.get(kode) ?? 0) * (options.skala ?? 1));
        const plan = await planDesa(db, kabupaten, kode, today, size);
        const data = plan ? generateDesaPenduduk(plan) : null;
        while (writing.length >= parallel) await settleOldest();
        const write = plan && data ? writeDesa(db, actor, plan, data) : Promise.resolve(0);
        // handled when settled; until then a failure must not count as an unhandled rejection
        write.catch(() => undefined);
        writing.push(write);
      }
      while (writing.length > 0) await settleOldest();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const added = (result.penduduk - before).toLocaleString('id-ID');
      options.progress?.(
        `  ${kecamatan.kode} ${kecamatan.kecamatan}: ${inKecamatan.length} desa, ${added} penduduk baru (${seconds} s)`,
      );
    }
  } finally {
    await Promise.allSettled(writing);
  }
  return result;
}

/** What the generator needs for one desa; null when it already has residents (or no RT, or size 0). */
export async function planDesa(
  db: Db,
  kabupaten: KabupatenPlan,
  kode: string,
  today: string,
  size: number,
): Promise<DesaPlan | null> {
  const desaIndex = kabupaten.desa.indexOf(kode);
  const home = kabupaten.kecamatan.find((k) => kode.startsWith(`${k.kode}.`));
  if (desaIndex < 0 || !home) throw new Error(`${kode} bukan desa Kabupaten Rembang`);
  if (size <= 0 || (await hasResidents(db, kode))) return null;
  const units = await desaUnits(db, kode);
  if (units.length === 0) return null;
  const origins = kabupaten.origins.filter((o) => o.kode !== home.kode);
  return { desaKode: kode, desaIndex, size, units, home, origins, coastal: isCoastal(kode), today };
}

/**
 * Write one generated desa in its own transaction; 0 when someone filled the desa meanwhile. The generated
 * numbers are unique among demo desa by construction; should one already be used in the installation (a
 * NIK of a living resident, an active KK number, a household number, an id taken meanwhile), the insert
 * fails on its unique index and the desa is written again with those numbers looked up and avoided.
 */
async function writeDesa(db: Db, actor: Actor, plan: DesaPlan, generated: DesaPenduduk): Promise<number> {
  const write = (data: DesaPenduduk | null) =>
    db.transaction().execute(async (trx) => {
      if (await hasResidents(trx, plan.desaKode)) return 0;
      const rows = data ?? (await avoidTakenNumbers(trx, plan));
      await writeDesaPenduduk(trx, plan.desaKode, rows);
      await audit.record(trx, actor, {
        aksi: 'demo',
        entitas: 'penduduk',
        desaKode: plan.desaKode,
        alasan: `demo: ${rows.persons.length} penduduk`,
      });
      return rows.persons.length;
    });
  try {
    return await write(generated);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return write(null);
  }
}

async function avoidTakenNumbers(trx: Db, plan: DesaPlan): Promise<DesaPenduduk> {
  const avoidNik = new Set<string>();
  const avoidKk = new Set<string>();
  const firstHouseholdSerial = (await maxHouseholdSerial(trx, plan.desaKode)) + 1;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const data = generateDesaPenduduk({ ...plan, avoidNik, avoidKk, firstHouseholdSerial });
    const niks = await findTaken(
      trx,
      'nik',
      data.persons.map((p) => p.nik),
    );
    const kks = await findTaken(
      trx,
      'no_kk',
      data.families.map((f) => f.no_kk),
    );
    if (niks.size === 0 && kks.size === 0) return data;
    for (const n of niks) avoidNik.add(n);
    for (const k of kks) avoidKk.add(k);
  }
  throw new Error(`${plan.desaKode}: NIK/KK demo terus bentrok dengan data yang ada`);
}
