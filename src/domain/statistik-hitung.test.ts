import { describe, expect, it } from 'vitest';
import { gabungHitungan, type HitunganSemua, hitungSemua, persen, tabelDari } from './statistik-hitung.js';
import {
  KATEGORI,
  KATEGORI_BY_SLUG,
  type KategoriDef,
  KOLOM_ORANG_STAT,
  type OrangStat,
} from './statistik-kategori.js';

const TANGGAL = '2026-11-28';

function orang(o: Partial<OrangStat> = {}): OrangStat {
  const blank = Object.fromEntries(KOLOM_ORANG_STAT.map((k) => [k, null]));
  return { ...blank, ...o } as OrangStat;
}

/** mulberry32: a small seeded generator, so that every run sees the same people. */
function acak(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  /** a code in 1..n, sometimes missing, sometimes not in the list at all */
  const kode = (n: number) => (next() < 0.1 ? null : next() < 0.05 ? 999 : int(1, n));
  return { next, int, kode };
}

function orangAcak(r: ReturnType<typeof acak>): OrangStat {
  const teks = (isi: string) => (r.next() < 0.5 ? isi : r.next() < 0.5 ? '-' : null);
  return orang({
    sex: r.next() < 0.05 ? null : r.int(1, 2),
    tanggallahir:
      r.next() < 0.05
        ? null
        : `${r.int(1920, 2026)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    agama_id: r.kode(7),
    pendidikan_kk_id: r.kode(10),
    pendidikan_sedang_id: r.kode(18),
    pekerjaan_id: r.kode(89),
    status_kawin: r.kode(4),
    kk_level: r.kode(11),
    warganegara_id: r.kode(3),
    status: r.kode(2),
    golongan_darah_id: r.kode(13),
    cacat_id: r.kode(7),
    sakit_menahun_id: r.kode(14),
    cara_kb_id: r.kode(7),
    akta_lahir: teks('AL'),
    status_rekam: r.kode(8),
    id_asuransi: r.next() < 0.2 ? 99 : r.kode(3),
    suku: r.next() < 0.3 ? null : (['Jawa', ' jawa', 'Sunda', 'Madura  ', 'Bugis'][r.int(0, 4)] ?? null),
    bpjs_ketenagakerjaan: teks('TK'),
    hamil: r.kode(2),
    akta_perkawinan: teks('AN'),
    ktp_el: r.kode(3),
    akta_mati: teks('AM'),
  });
}

const def = (slug: string) => KATEGORI_BY_SLUG.get(slug) as KategoriDef;
const semua = (h: HitunganSemua) => KATEGORI.map((k) => tabelDari(k, h.get(k.slug)));

describe('tables from counts', () => {
  const hidup = [
    orang({ sex: 1, tanggallahir: '1980-01-01', agama_id: 1 }),
    orang({ sex: 2, tanggallahir: '1985-01-01', agama_id: 1 }),
    orang({ sex: 2, tanggallahir: '2026-01-01', agama_id: 2 }),
    orang({ sex: null, tanggallahir: null, agama_id: 1 }),
    orang({ sex: 1, tanggallahir: '1950-01-01', agama_id: 99 }),
    orang({ sex: 2, tanggallahir: '1990-01-01', agama_id: null }),
  ];
  const h = hitungSemua(hidup, [], TANGGAL);

  it('has one row per code in order, then JUMLAH (666), BELUM MENGISI (777), TOTAL (888)', () => {
    const t = tabelDari(def('agama'), h.get('agama'));
    expect(t.baris.map((b) => b.kode)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(t.baris[0]).toEqual({ kode: '1', label: 'ISLAM', laki: 1, perempuan: 1, jumlah: 3 });
    expect(t.baris[1]).toMatchObject({ laki: 0, perempuan: 1, jumlah: 1 });
    expect(t.baris.slice(2).every((b) => b.jumlah === 0)).toBe(true);
    expect(t.jumlah).toEqual({ kode: '666', label: 'JUMLAH', laki: 1, perempuan: 2, jumlah: 4 });
    // a code outside the list (99) and a missing one are both "belum mengisi"
    expect(t.belumMengisi).toEqual({ kode: '777', label: 'BELUM MENGISI', laki: 1, perempuan: 1, jumlah: 2 });
    expect(t.total).toEqual({ kode: '888', label: 'TOTAL', laki: 2, perempuan: 3, jumlah: 6 });
  });

  it('counts a person whose sex is not recorded in the total but in neither sex column', () => {
    const jk = tabelDari(def('jenis-kelamin'), h.get('jenis-kelamin'));
    expect(jk.baris.map((b) => [b.kode, b.laki, b.perempuan, b.jumlah])).toEqual([
      ['1', 2, 0, 2],
      ['2', 0, 3, 3],
    ]);
    expect(jk.belumMengisi).toMatchObject({ laki: 0, perempuan: 0, jumlah: 1 });
    expect(jk.total.jumlah).toBe(6);
    const umur = tabelDari(def('rentang-umur'), h.get('rentang-umur'));
    expect(umur.belumMengisi.jumlah).toBe(1);
    expect(umur.baris.find((b) => b.kode === '0-1')?.jumlah).toBe(1);
    expect(umur.baris.find((b) => b.kode === '75+')?.laki).toBe(1);
  });

  it('gives an empty table (all rows, zeros) for an area without counts', () => {
    const t = tabelDari(def('golongan-darah'), undefined);
    expect(t.baris).toHaveLength(13);
    expect([t.jumlah.jumlah, t.belumMengisi.jumlah, t.total.jumlah]).toEqual([0, 0, 0]);
    expect(tabelDari(def('suku'), undefined).baris).toEqual([]);
  });

  it('lists the values found for suku, largest first, ties by name', () => {
    const t = tabelDari(
      def('suku'),
      hitungSemua(
        [orang({ suku: 'Sunda' }), orang({ suku: 'jawa' }), orang({ suku: 'Bugis' }), orang({ suku: ' JAWA ' })],
        [],
        TANGGAL,
      ).get('suku'),
    );
    expect(t.baris.map((b) => [b.label, b.jumlah])).toEqual([
      ['JAWA', 2],
      ['BUGIS', 1],
      ['SUNDA', 1],
    ]);
  });

  it('counts only the deceased in akta-kematian, and never the deceased elsewhere', () => {
    const mati = [orang({ sex: 1, akta_mati: 'AM-1' }), orang({ sex: 2, akta_mati: null })];
    const hh = hitungSemua([orang({ sex: 1 })], mati, TANGGAL);
    const akta = tabelDari(def('akta-kematian'), hh.get('akta-kematian'));
    expect(akta.baris.map((b) => [b.kode, b.laki, b.perempuan])).toEqual([
      ['1', 1, 0],
      ['2', 0, 1],
    ]);
    expect(tabelDari(def('jenis-kelamin'), hh.get('jenis-kelamin')).total.jumlah).toBe(1);
    expect(tabelDari(def('akta-kematian'), hitungSemua(mati, [], TANGGAL).get('akta-kematian')).total.jumlah).toBe(0);
  });

  it('rounds shares to two decimals and never divides by zero', () => {
    expect(persen(1, 3)).toBe(33.33);
    expect(persen(2, 3)).toBe(66.67);
    expect(persen(3, 3)).toBe(100);
    expect(persen(0, 0)).toBe(0);
    expect(persen(5, 0)).toBe(0);
  });
});

describe('identities on random people (seeded)', () => {
  const r = acak(20261128);
  const hidup = Array.from({ length: 600 }, () => orangAcak(r));
  const meninggal = Array.from({ length: 40 }, () => orangAcak(r));
  const h = hitungSemua(hidup, meninggal, TANGGAL);

  it('JUMLAH is the sum of the rows, JUMLAH + BELUM MENGISI = TOTAL, laki + perempuan ≤ jumlah', () => {
    for (const t of semua(h)) {
      const sum = (k: 'laki' | 'perempuan' | 'jumlah') => t.baris.reduce((a, b) => a + b[k], 0);
      expect([t.jumlah.laki, t.jumlah.perempuan, t.jumlah.jumlah], t.kategori).toEqual([
        sum('laki'),
        sum('perempuan'),
        sum('jumlah'),
      ]);
      for (const k of ['laki', 'perempuan', 'jumlah'] as const)
        expect(t.jumlah[k] + t.belumMengisi[k], `${t.kategori} ${k}`).toBe(t.total[k]);
      for (const b of [...t.baris, t.jumlah, t.belumMengisi, t.total])
        expect(b.laki + b.perempuan, `${t.kategori} ${b.kode}`).toBeLessThanOrEqual(b.jumlah);
      const shares = t.baris.reduce(
        (a, b) => a + persen(b.jumlah, t.total.jumlah),
        persen(t.belumMengisi.jumlah, t.total.jumlah),
      );
      expect(Math.abs(shares - 100), t.kategori).toBeLessThan(0.01 * (t.baris.length + 1));
    }
  });

  it('TOTAL is everyone the category counts: all the living, or its own subset, or the deceased', () => {
    const total = (slug: string) => tabelDari(def(slug), h.get(slug)).total.jumlah;
    for (const k of KATEGORI) {
      const source = k.sumber === 'meninggal' ? meninggal : hidup;
      const expected = source.filter((o) => !k.ikut || k.ikut(o, o.tanggallahir ? ageAt(o.tanggallahir) : null)).length;
      expect(total(k.slug), k.slug).toBe(expected);
    }
    expect(total('jenis-kelamin')).toBe(600);
    expect(total('status-kehamilan')).toBe(hidup.filter((o) => o.sex === 2).length);
    expect(total('buku-nikah')).toBe(hidup.filter((o) => o.status_kawin === 2).length);
    expect(total('akta-kematian')).toBe(40);
  });

  it('adds up: the counts of the parts, merged, equal the count of the whole', () => {
    const parts = [hidup.slice(0, 100), hidup.slice(100, 350), hidup.slice(350)];
    const dead = [meninggal.slice(0, 5), meninggal.slice(5, 6), meninggal.slice(6)];
    const merged = gabungHitungan(parts.map((p, i) => hitungSemua(p, dead[i] ?? [], TANGGAL)));
    expect(semua(merged)).toEqual(semua(h));
    expect(semua(gabungHitungan([h]))).toEqual(semua(h));
    expect(semua(gabungHitungan([h, hitungSemua([], [], TANGGAL)]))).toEqual(semua(h));
  });

  it('does not change its inputs when merging', () => {
    const a = hitungSemua(hidup.slice(0, 10), [], TANGGAL);
    const before = semua(a);
    gabungHitungan([a, a]);
    expect(semua(a)).toEqual(before);
    expect(semua(gabungHitungan([a, a]))[7]?.total.jumlah).toBe(20);
  });
});

function ageAt(tanggallahir: string): number {
  const [by, bm, bd] = tanggallahir.split('-').map(Number) as [number, number, number];
  const [y, m, d] = TANGGAL.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
