import { codeList } from './codes.js';
import type { Hitungan, Sel } from './statistik-hitung.js';
import type { KategoriDef } from './statistik-kategori.js';

/**
 * Family and household tables (statistics.md §5): the families and households that have at least one counted
 * resident at the date, by welfare class and by DTKS/BDT registration; men/women = the head's sex.
 */
export const KATEGORI_KELUARGA: readonly KategoriDef[] = [
  {
    slug: 'keluarga-sejahtera',
    key: 'kelas_sosial',
    label: 'Keluarga menurut kelas sosial',
    baris: codeList('keluarga_sejahtera').map((c) => ({ kode: String(c.code), label: c.label })),
    nilai: () => null,
  },
  {
    slug: 'rumah-tangga-dtks',
    key: 'bdt',
    label: 'Rumah tangga menurut DTKS/BDT',
    baris: [
      { kode: '1', label: 'TERDAFTAR DTKS/BDT' },
      { kode: '2', label: 'TIDAK TERDAFTAR' },
    ],
    nilai: () => null,
  },
];

const sel = (): Sel => [0, 0, 0];
const tambah = (h: Hitungan, kode: string | null, sex: number | null) => {
  let target = h.belum;
  if (kode !== null) {
    target = h.baris.get(kode) ?? sel();
    h.baris.set(kode, target);
  }
  target[sex === 1 ? 0 : sex === 2 ? 1 : 2] += 1;
};

export function hitungKeluarga(
  ids: ReadonlySet<number>,
  keluarga: ReadonlyMap<number, { kelas_sosial: number | null; sex: number | null }>,
): Hitungan {
  const h: Hitungan = { baris: new Map(), belum: sel() };
  const valid = new Set(codeList('keluarga_sejahtera').map((c) => c.code));
  for (const id of ids) {
    const k = keluarga.get(id);
    const kelas = k?.kelas_sosial ?? null;
    tambah(h, kelas !== null && valid.has(kelas) ? String(kelas) : null, k?.sex ?? null);
  }
  return h;
}

export function hitungRumahTangga(
  ids: ReadonlySet<number>,
  rumahTangga: ReadonlyMap<number, { terdaftar_dtks: number; bdt: string | null; sex: number | null }>,
): Hitungan {
  const h: Hitungan = { baris: new Map(), belum: sel() };
  for (const id of ids) {
    const r = rumahTangga.get(id);
    const terdaftar = r ? r.terdaftar_dtks === 1 || Boolean(r.bdt?.trim()) : false;
    tambah(h, terdaftar ? '1' : '2', r?.sex ?? null);
  }
  return h;
}
