import { type HitunganSemua, hitungSemua } from '#src/domain/statistik-hitung.js';
import { hadirPada, kematianSampai, perPenduduk } from '#src/domain/statistik-kehadiran.js';
import { hitungKeluarga, hitungRumahTangga } from '#src/domain/statistik-keluarga.js';
import type { Db } from '#src/lib/db/connect.js';
import * as repo from './statistik.repository.js';

/** One desa at one date: every category, plus the residents counted (for sub-region tables and reports). */
export interface StatDesa {
  hitungan: HitunganSemua;
  /** the living residents counted at the date (not kept in the cache: ask `orangPada` again when needed) */
  orang?: repo.OrangBaris[];
}

/**
 * The residents of a desa at a date. Today: the register as it stands (living, in this desa). A past date:
 * rebuilt from the event history by event date (domain/statistik-kehadiran.ts). Both give the same people
 * for today (a test holds them to it).
 */
export async function orangPada(
  db: Db,
  desaKode: string,
  tanggal: string,
  hariIni: string,
): Promise<{ hidup: repo.OrangBaris[]; meninggal: repo.OrangBaris[] }> {
  if (tanggal >= hariIni) {
    const [hidup, meninggal] = await Promise.all([repo.listHidup(db, desaKode), meninggalPada(db, desaKode, tanggal)]);
    return { hidup, meninggal };
  }
  const [semua, events] = await Promise.all([
    repo.listPernahDiDesa(db, desaKode),
    repo.listPeristiwaDesa(db, desaKode),
  ]);
  const byPerson = perPenduduk(events);
  const hidup: repo.OrangBaris[] = [];
  const meninggal: repo.OrangBaris[] = [];
  for (const p of semua) {
    const evs = byPerson.get(p.id) ?? [];
    if (hadirPada(p, evs, desaKode, tanggal)) hidup.push(p);
    else {
      const mati = kematianSampai(evs, tanggal);
      if (mati) meninggal.push({ ...p, akta_mati: mati.akta_mati ?? null });
    }
  }
  return { hidup, meninggal };
}

/** The deceased of a desa whose death (as recorded, not reversed) is on or before the date. */
async function meninggalPada(db: Db, desaKode: string, tanggal: string): Promise<repo.OrangBaris[]> {
  const events = await repo.listPeristiwaDesa(db, desaKode, tanggal);
  const byPerson = perPenduduk(events);
  const ids = [...byPerson.entries()].filter(([, evs]) => kematianSampai(evs, tanggal)).map(([id]) => id);
  if (ids.length === 0) return [];
  const rows = (await db
    .selectFrom('penduduk')
    .select(repo.KOLOM_STAT)
    .where('id', 'in', ids)
    .where('status_dasar', '=', 2)
    .execute()) as repo.OrangBaris[];
  return rows.map((p) => ({ ...p, akta_mati: kematianSampai(byPerson.get(p.id) ?? [], tanggal)?.akta_mati ?? null }));
}

/** Every category of one desa (or of some of its residents, e.g. one dusun) at a date. */
export async function hitungDesa(
  db: Db,
  desaKode: string,
  tanggal: string,
  hariIni: string,
  pilih?: (o: repo.OrangBaris) => boolean,
): Promise<StatDesa & { orang: repo.OrangBaris[] }> {
  const [all, keluarga, rumahTangga] = await Promise.all([
    orangPada(db, desaKode, tanggal, hariIni),
    repo.listKeluarga(db, desaKode),
    repo.listRumahTangga(db, desaKode),
  ]);
  const hidup = pilih ? all.hidup.filter(pilih) : all.hidup;
  const meninggal = pilih ? all.meninggal.filter(pilih) : all.meninggal;
  const hitungan = hitungSemua(hidup, meninggal, tanggal);
  const kk = new Set(hidup.flatMap((o) => (o.keluarga_id === null ? [] : [o.keluarga_id])));
  const rt = new Set(hidup.flatMap((o) => (o.rumah_tangga_id === null ? [] : [o.rumah_tangga_id])));
  hitungan.set('keluarga-sejahtera', hitungKeluarga(kk, new Map(keluarga.map((k) => [k.id, k]))));
  hitungan.set('rumah-tangga-dtks', hitungRumahTangga(rt, new Map(rumahTangga.map((r) => [r.id, r]))));
  return { hitungan, orang: hidup };
}
