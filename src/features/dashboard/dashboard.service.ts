import { levelOf } from '#src/domain/region-code.js';
import { findDesa } from '#src/features/desa/desa.repository.js';
import { countByTingkatUnder, getLingkungan } from '#src/features/lingkungan/lingkungan.service.js';
import { countGrantsUnder } from '#src/features/pengguna/pengguna.service.js';
import { countVillagesUnder, findRegion, listActiveDesaCodes } from '#src/features/wilayah/wilayah.service.js';
import type { Grant } from '#src/lib/auth/grants.js';
import type { Db } from '#src/lib/db/connect.js';

export interface ScopeSummary {
  kode: string;
  nama: string;
  tingkat: string;
  peran: string[];
  desaTotal: number;
  desaAktif: number;
  dusun: number;
  rw: number;
  rt: number;
  pengguna: number;
  /** for dusun/RW/RT-scoped roles */
  lingkungan?: { id: number; nama: string; tingkat: string; anak: number };
}

/** One summary card per distinct scope the user holds a role in. */
export async function summarise(db: Db, grants: readonly Grant[]): Promise<ScopeSummary[]> {
  const byScope = new Map<string, Grant[]>();
  for (const g of grants) {
    const key = `${g.lingkupKode}#${g.lingkunganId ?? ''}`;
    byScope.set(key, [...(byScope.get(key) ?? []), g]);
  }
  const summaries: ScopeSummary[] = [];
  for (const group of byScope.values()) {
    const first = group[0];
    if (!first) continue;
    const region = await findRegion(db, first.lingkupKode);
    if (!region) continue;
    const village = levelOf(region.kode) === 3;
    const [desaTotal, active, counts, pengguna] = await Promise.all([
      village ? Promise.resolve(1) : countVillagesUnder(db, region.kode),
      village ? findDesa(db, region.kode).then((d) => (d ? [d.kode] : [])) : listActiveDesaCodes(db, region.kode),
      countByTingkatUnder(db, region.kode),
      countGrantsUnder(db, region.kode),
    ]);
    const count = (t: string) => Number(counts.find((c) => c.tingkat === t)?.n ?? 0);
    const summary: ScopeSummary = {
      kode: region.kode,
      nama: region.nama,
      tingkat: region.tingkat,
      peran: group.map((g) => g.peran),
      desaTotal,
      desaAktif: active.length,
      dusun: count('dusun'),
      rw: count('rw'),
      rt: count('rt'),
      pengguna,
    };
    if (first.lingkunganId !== null) {
      const { node } = await getLingkungan(db, first.lingkunganId);
      summary.lingkungan = { id: node.id, nama: node.nama, tingkat: node.tingkat, anak: node.anak.length };
    }
    summaries.push(summary);
  }
  return summaries;
}
