import type { UnitRow } from '#src/features/lingkungan/lingkungan-names.js';

/**
 * Where a person counts inside a desa in the reports: their dusun/RW/RT and their family. Someone who has since
 * moved to another desa of this installation carries that desa's unit and family on their record now; for the
 * desa they left, the family is the one written on their last event there (events keep the family at the
 * time), and the unit is that family's address.
 */
export interface Unit {
  id: number;
  nama: string;
}
export interface JalurUnit {
  dusun: Unit | null;
  rw: Unit | null;
  rt: Unit | null;
}
export type Tingkat = 'dusun' | 'rw' | 'rt';

/** dusun → RW → RT of every unit of a desa (an RT may hang straight under a dusun). */
export function jalurUnit(rows: readonly UnitRow[]): (id: number | null) => JalurUnit {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const cache = new Map<number, JalurUnit>();
  const none: JalurUnit = { dusun: null, rw: null, rt: null };
  return (id) => {
    if (id === null) return none;
    let jalur = cache.get(id);
    if (!jalur) {
      jalur = { dusun: null, rw: null, rt: null };
      let u = byId.get(id);
      for (let depth = 0; u && depth < 4; depth++) {
        jalur[u.tingkat] = { id: u.id, nama: u.nama };
        u = u.induk_id === null ? undefined : byId.get(u.induk_id);
      }
      cache.set(id, jalur);
    }
    return jalur;
  };
}

export interface OrangTempat {
  id: number;
  desa_kode: string;
  keluarga_id: number | null;
  lingkungan_id: number | null;
}

export interface Tempat {
  keluargaOf(o: OrangTempat): number | null;
  unitOf(o: OrangTempat): number | null;
  /** the unit a family counts in: its address, else that of its first member known here */
  unitKeluarga(keluargaId: number): number | null;
}

export function tempatDiDesa(
  desaKode: string,
  orang: readonly OrangTempat[],
  peristiwa: readonly { id: number; penduduk_id: number; keluarga_id: number | null }[],
  keluarga: readonly { id: number; lingkungan_id: number | null }[],
): Tempat {
  const unitKk = new Map(keluarga.map((k) => [k.id, k.lingkungan_id]));
  const terakhir = new Map<number, { id: number; keluarga_id: number }>();
  for (const e of peristiwa) {
    if (e.keluarga_id === null || !unitKk.has(e.keluarga_id)) continue;
    const prev = terakhir.get(e.penduduk_id);
    if (!prev || prev.id < e.id) terakhir.set(e.penduduk_id, { id: e.id, keluarga_id: e.keluarga_id });
  }
  const keluargaOf = (o: OrangTempat): number | null => {
    if (o.desa_kode === desaKode) return o.keluarga_id !== null && unitKk.has(o.keluarga_id) ? o.keluarga_id : null;
    return terakhir.get(o.id)?.keluarga_id ?? null;
  };
  const unitOf = (o: OrangTempat): number | null => {
    if (o.desa_kode === desaKode) return o.lingkungan_id;
    const f = keluargaOf(o);
    return f === null ? null : (unitKk.get(f) ?? null);
  };
  const unitAnggota = new Map<number, { id: number; unit: number | null }>();
  for (const o of orang) {
    const f = keluargaOf(o);
    if (f === null) continue;
    const prev = unitAnggota.get(f);
    if (!prev || o.id < prev.id) unitAnggota.set(f, { id: o.id, unit: unitOf(o) });
  }
  return {
    keluargaOf,
    unitOf,
    unitKeluarga: (f) => unitKk.get(f) ?? unitAnggota.get(f)?.unit ?? null,
  };
}

/** A row of an area table: a dusun, an RW or an RT with the units above it (null: none recorded). */
export interface Wilayah extends JalurUnit {
  kunci: string;
}

/** The row of a unit at a level: its path cut below that level. */
export function wilayahDi(jalur: JalurUnit, tingkat: Tingkat): Wilayah {
  const dusun = jalur.dusun;
  const rw = tingkat === 'dusun' ? null : jalur.rw;
  const rt = tingkat === 'rt' ? jalur.rt : null;
  return { kunci: [dusun?.id ?? '-', rw?.id ?? '-', rt?.id ?? '-'].join('/'), dusun, rw, rt };
}

/** Every unit of a level as an (empty) row, so that areas without anyone still show. */
export function wilayahSemua(
  units: readonly UnitRow[],
  jalur: (id: number | null) => JalurUnit,
  tingkat: Tingkat,
): Map<string, Wilayah> {
  const out = new Map<string, Wilayah>();
  for (const u of units) {
    if (u.tingkat !== tingkat) continue;
    const w = wilayahDi(jalur(u.id), tingkat);
    out.set(w.kunci, w);
  }
  return out;
}

const namaUrut = (u: Unit | null) => (u ? `0${u.nama}` : '1');
/** one collator for every comparison (String.localeCompare with a locale builds one per call: slow) */
export const urutNama = new Intl.Collator('id', { numeric: true }).compare;

/** Rows in the order people read them: by dusun, RW, RT name (areas not recorded last). */
export function urutWilayah(a: Wilayah, b: Wilayah): number {
  for (const k of ['dusun', 'rw', 'rt'] as const) {
    const c = urutNama(namaUrut(a[k]), namaUrut(b[k]));
    if (c !== 0) return c;
  }
  return a.kunci.localeCompare(b.kunci);
}
