import { KATEGORI, type KategoriDef, type OrangStat, umurPada } from './statistik-kategori.js';

/** Counts of one cell: men, women, and persons whose sex is not recorded. */
export type Sel = [laki: number, perempuan: number, lain: number];
export interface Hitungan {
  baris: Map<string, Sel>;
  /** counted persons without a value (or with one outside the rows): "belum mengisi" */
  belum: Sel;
}
/** Every category's counts for one area and date, by slug. */
export type HitunganSemua = Map<string, Hitungan>;

const kosong = (): Sel => [0, 0, 0];
const tambah = (sel: Sel, sex: number | null, n = 1) => {
  sel[sex === 1 ? 0 : sex === 2 ? 1 : 2] += n;
};

function rowsOf(def: KategoriDef): Set<string> | null {
  return def.baris === 'dinamis' ? null : new Set(def.baris.map((b) => b.kode));
}

/**
 * One pass over the persons of an area: every category at once. `hidup` are the living residents counted at
 * the date, `meninggal` the deceased (only akta-kematian counts them); ages are whole years at `tanggal`.
 */
export function hitungSemua(
  hidup: readonly OrangStat[],
  meninggal: readonly OrangStat[],
  tanggal: string,
): HitunganSemua {
  const out: HitunganSemua = new Map();
  const defs = KATEGORI.map((def) => {
    const h: Hitungan = { baris: new Map(), belum: kosong() };
    out.set(def.slug, h);
    return { def, h, rows: rowsOf(def) };
  });
  const living = defs.filter((d) => d.def.sumber !== 'meninggal');
  const dead = defs.filter((d) => d.def.sumber === 'meninggal');
  const count = (o: OrangStat, list: typeof defs) => {
    const umur = umurPada(o.tanggallahir, tanggal);
    for (const { def, h, rows } of list) {
      if (def.ikut && !def.ikut(o, umur)) continue;
      const v = def.nilai(o, umur);
      if (v === null || (rows && !rows.has(v))) {
        tambah(h.belum, o.sex);
        continue;
      }
      let sel = h.baris.get(v);
      if (!sel) {
        sel = kosong();
        h.baris.set(v, sel);
      }
      tambah(sel, o.sex);
    }
  };
  for (const o of hidup) count(o, living);
  for (const o of meninggal) count(o, dead);
  return out;
}

/** The sum of several areas' counts (desa → kecamatan → kabupaten). */
export function gabungHitungan(parts: readonly HitunganSemua[]): HitunganSemua {
  const out: HitunganSemua = new Map();
  for (const part of parts)
    for (const [slug, h] of part) {
      let t = out.get(slug);
      if (!t) {
        t = { baris: new Map(), belum: kosong() };
        out.set(slug, t);
      }
      for (let i = 0; i < 3; i++) (t.belum[i] as number) += h.belum[i] as number;
      for (const [k, sel] of h.baris) {
        let s = t.baris.get(k);
        if (!s) {
          s = kosong();
          t.baris.set(k, s);
        }
        for (let i = 0; i < 3; i++) (s[i] as number) += sel[i] as number;
      }
    }
  return out;
}

export interface BarisTabel {
  kode: string;
  label: string;
  laki: number;
  perempuan: number;
  jumlah: number;
}

/** A category as the reference shows it: one row per code, then JUMLAH, BELUM MENGISI and TOTAL. */
export interface TabelStatistik {
  kategori: string;
  label: string;
  baris: BarisTabel[];
  jumlah: BarisTabel;
  belumMengisi: BarisTabel;
  total: BarisTabel;
}

const baris = (kode: string, label: string, sel: Sel): BarisTabel => ({
  kode,
  label,
  laki: sel[0],
  perempuan: sel[1],
  jumlah: sel[0] + sel[1] + sel[2],
});

export function tabelDari(def: KategoriDef, h: Hitungan | undefined): TabelStatistik {
  const counts = h ?? { baris: new Map(), belum: kosong() };
  const rows =
    def.baris === 'dinamis'
      ? [...counts.baris.keys()]
          .sort((a, b) => {
            const d = sum(counts.baris.get(b)) - sum(counts.baris.get(a));
            return d !== 0 ? d : a.localeCompare(b);
          })
          .map((k) => ({ kode: k, label: k }))
      : def.baris;
  const list = rows.map((r) => baris(r.kode, r.label, counts.baris.get(r.kode) ?? kosong()));
  const jml: Sel = kosong();
  for (const r of list) {
    jml[0] += r.laki;
    jml[1] += r.perempuan;
    jml[2] += r.jumlah - r.laki - r.perempuan;
  }
  const tot: Sel = [jml[0] + counts.belum[0], jml[1] + counts.belum[1], jml[2] + counts.belum[2]];
  return {
    kategori: def.slug,
    label: def.label,
    baris: list,
    jumlah: baris('666', 'JUMLAH', jml),
    belumMengisi: baris('777', 'BELUM MENGISI', counts.belum),
    total: baris('888', 'TOTAL', tot),
  };
}

function sum(sel: Sel | undefined): number {
  return sel ? sel[0] + sel[1] + sel[2] : 0;
}

/** A share in percent of the total, 2 decimals (0 when the total is 0). */
export function persen(n: number, total: number): number {
  return total === 0 ? 0 : Math.round((n / total) * 10_000) / 100;
}
