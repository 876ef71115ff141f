import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { findRegion, listChildRegions } from '#src/features/wilayah/wilayah.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import type { DemoOrigin, DemoUnit } from './demo-penduduk.js';
import { seededRandom } from './demo-random.js';

/**
 * What the demo generator needs to know about the kabupaten: how many residents each desa gets, where
 * newcomers come from, which desa lie on the coast, and each desa's RT units.
 */
export const DEMO_KABUPATEN = '33.17';
export const DEMO_KECAMATAN = '33.17.09';
/** Kabupaten Rembang has about 650,000 people in its 294 desa and kelurahan. */
export const KABUPATEN_TOTAL = 650_000;

/**
 * Residents per desa, deterministic from the desa code: 3,000–6,000 in each desa of Kaliori; the other desa
 * share the rest of the kabupaten's 650,000 (kelurahan, the towns, are larger).
 */
export function desaSizes(codes: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  const weights = new Map<string, number>();
  let kaliori = 0;
  for (const kode of codes) {
    const r = seededRandom(`ukuran:${kode}`).next();
    if (kode.startsWith(`${DEMO_KECAMATAN}.`)) {
      const size = 3_000 + Math.floor(r * 3_001);
      sizes.set(kode, size);
      kaliori += size;
    } else {
      weights.set(kode, (0.6 + 0.8 * r) * (kode.split('.')[3]?.startsWith('1') ? 1.7 : 1));
    }
  }
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
  const scale = totalWeight > 0 ? (KABUPATEN_TOTAL - kaliori) / totalWeight : 0;
  for (const [kode, weight] of weights) sizes.set(kode, Math.round(weight * scale));
  return sizes;
}

/** Fishing villages: the coastal kecamatan (Sarang, Kragan, Sluke, Lasem, Rembang, Kaliori), most of their desa. */
const COASTAL_KECAMATAN = ['33.17.05', '33.17.10', '33.17.12', '33.17.13', '33.17.14', '33.17.09'];
export function isCoastal(desaKode: string): boolean {
  return COASTAL_KECAMATAN.some((k) => desaKode.startsWith(`${k}.`)) && seededRandom(`pantai:${desaKode}`).next() < 0.6;
}

/** Where people registered elsewhere come from: the other kecamatan of Rembang and the neighbouring kabupaten. */
const NEIGHBOURS: readonly [string, number][] = [
  ['33.17', 55],
  ['33.18', 20],
  ['33.16', 10],
  ['33.19', 4],
  ['33.20', 3],
  ['33.15', 3],
  ['33.21', 2],
  ['33.74', 3],
];

export interface KabupatenPlan {
  /** every desa/kelurahan code of the kabupaten, sorted (a desa's index is its NIK serial band) */
  desa: string[];
  kecamatan: DemoOrigin[];
  origins: DemoOrigin[];
}

export async function kabupatenPlan(db: Db): Promise<KabupatenPlan> {
  const kecamatan = await listChildRegions(db, DEMO_KABUPATEN);
  const desa: string[] = [];
  for (const k of kecamatan) for (const d of await listChildRegions(db, k.kode)) desa.push(d.kode);
  desa.sort();
  const origins: DemoOrigin[] = [];
  const own: DemoOrigin[] = [];
  for (const [kab, weight] of NEIGHBOURS) {
    const region = await findRegion(db, kab);
    if (!region) continue;
    const name = region.nama.replace(/^(Kabupaten|Kota) /, '');
    const kabupaten = region.nama.startsWith('Kota') ? `Kota ${name}` : `Kab. ${name}`;
    const children = await listChildRegions(db, kab);
    for (const c of children) {
      const origin = { kode: c.kode, kecamatan: c.nama, kabupaten, kota: name, weight: weight / children.length };
      origins.push(origin);
      if (kab === DEMO_KABUPATEN) own.push(origin);
    }
  }
  return { desa, kecamatan: own, origins };
}

/** The RT units of a desa (the lowest units, when a dusun has none), with their dusun and RW names. */
export async function desaUnits(db: Db, desaKode: string): Promise<DemoUnit[]> {
  const rows = await listLingkungan(db, desaKode);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const parents = new Set(rows.map((r) => r.induk_id));
  return rows
    .filter((r) => !parents.has(r.id))
    .map((r) => {
      const names: Record<'dusun' | 'rw' | 'rt', string | null> = { dusun: null, rw: null, rt: null };
      for (let u: typeof r | undefined = r; u; u = u.induk_id === null ? undefined : byId.get(u.induk_id)) {
        names[u.tingkat] = u.nama;
      }
      return { id: r.id, dusun: names.dusun ?? '-', rw: names.rw, rt: names.rt ?? '-' };
    })
    .sort((a, b) => a.id - b.id);
}
