import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TabelStatistik, tabelDari } from '#src/domain/statistik-hitung.js';
import { addHouseholdMember, createHousehold } from '#src/features/keluarga/rumah-tangga.service.js';
import { recordArrival } from '#src/features/peristiwa/kedatangan.service.js';
import { recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import { reverseEvent } from '#src/features/peristiwa/pembatalan.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { activate, DESA_A, DESA_B, insertFamily, makeNik, person } from '../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import {
  hariIni,
  kategoriDef,
  lupakanCache,
  SEMUA_KATEGORI,
  type StatistikContext,
  tabelWilayah,
} from './statistik.service.js';
import { hitungDesa } from './statistik-desa.js';

/**
 * Every category against a fixture counted by hand: 16 living residents of desa A with chosen attributes, plus
 * people who must not count (two deceased, one moved out, one reversed arrival, a family in desa B). Ages are
 * whole years and 10 days at today, so the tables hold on any day the test runs.
 */
const actor = systemActor('uji');
type Sel = [laki: number, perempuan: number, jumlah: number];
type Harapan = { baris: Record<string, Sel>; jumlah: Sel; belum: Sel; total: Sel };

/** The date `tahun` years and `hari` days before today (UTC arithmetic on the date). */
function mundur(tahun: number, hari: number): string {
  const [y, m, d] = hariIni().split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y - tahun, m - 1, d));
  t.setUTCDate(t.getUTCDate() - hari);
  return t.toISOString().slice(0, 10);
}
const lahir = (umur: number | null) => (umur === null ? null : mundur(umur, 10));

// biome-ignore format: the columns of ORANG, in order
const KOLOM = ['sex', 'umur', 'agama_id', 'pendidikan_kk_id', 'pendidikan_sedang_id', 'pekerjaan_id', 'status_kawin',
  'warganegara_id', 'status', 'golongan_darah_id', 'cacat_id', 'sakit_menahun_id', 'cara_kb_id', 'akta_lahir',
  'status_rekam', 'id_asuransi', 'suku', 'bpjs_ketenagakerjaan', 'hamil', 'akta_perkawinan', 'ktp_el'] as const;
type Nilai = string | number | null;
// biome-ignore format: one resident per line, columns as KOLOM
const ORANG: Record<string, Nilai[]> = {
  //    sex umur agm pkk psd pkj kwn wn st gd  cct skt kb   akta_lahir rekam asr  suku        bpjs      hamil akta_nikah ktp_el
  P1:  [1,  45,  1,  5,  18, 9,  2,  1, 1, 1,  7,  14, null, 'AL-1',   8,    2,   'Jawa',     'BPJS-1', null, 'AN-1',   2],
  P2:  [2,  40,  1,  4,  18, 2,  2,  1, 1, 4,  7,  6,  3,    null,     4,    2,   ' jawa ',   null,     2,    'AN-1',   2],
  P3:  [1,  16,  1,  3,  6,  3,  1,  1, 1, null,7, 14, null, 'AL-3',   1,    2,   'Jawa',     null,     null, null,     3],
  P4:  [2,  3,   1,  1,  2,  1,  1,  1, 1, null,null,null,null,'AL-4', 1,    2,   '   ',      null,     null, null,     1],
  P5:  [2,  80,  1,  1,  18, 1,  4,  1, 1, 13, 2,  1,  null, '-',      2,    1,   'Jawa',     '-',      null, null,     1],
  P6:  [2,  60,  2,  5,  18, 8,  4,  1, 1, 2,  7,  14, 1,    'AL-6',   8,    3,   'Sunda',    null,     2,    'AN-6',   2],
  P7:  [1,  30,  2,  8,  18, 15, 1,  1, 1, 3,  7,  14, null, 'AL-7',   3,    3,   'sunda  ',  'TK-7',   1,    null,     2],
  P8:  [2,  28,  1,  5,  18, 2,  2,  1, 1, 4,  7,  14, null, null,     8,    3,   'Jawa',     null,     1,    null,     2],
  P9:  [2,  0,   1,  1,  1,  1,  1,  1, 1, null,null,null,null,null,   1,    3,   null,       null,     null, null,     1],
  P10: [1,  1,   1,  1,  1,  1,  1,  1, 1, null,null,null,null,'AL-10', 1,   3,   null,       null,     null, null,     3],
  P11: [1,  17,  1,  4,  7,  3,  1,  1, 1, 11, 1,  14, null, 'AL-11',  2,    1,   'Madura',   null,     null, null,     3],
  P12: [1,  75,  3,  3,  18, 4,  2,  1, 1, 1,  7,  5,  7,    null,     8,    99,  'Jawa',     null,     null, 'AN-12',  2],
  P13: [2,  74,  3,  2,  18, 2,  2,  1, 1, 1,  7,  14, null, 'AL-13',  8,    99,  'jawa',     null,     2,    'AN-12',  2],
  P14: [1,  22,  7,  8,  11, 3,  1,  2, 2, 12, 7,  14, null, null,     null, null,null,       null,     null, null,     null],
  P15: [2,  19,  1,  5,  18, 2,  2,  1, 1, null,7, 14, null, 'AL-15',  7,    2,   'JAWA',     null,     1,    'AN-15',  2],
  P20: [null,null,null,null,null,null,null,1,1,null,null,null,null,null, null, null,null,       null,     null, null,     null],
  // must never be counted among the living: agama 5 (BUDHA) and suku BUGIS appear nowhere else
  P16: [1,  82,  5,  1,  18, 11, 2,  1, 1, 1,  7,  14, null, 'AL-16',  8,    1,   'Bugis',    'TK-16',  null, 'AN-16',  2],
  P17: [2,  55,  5,  1,  18, 11, 2,  1, 1, 1,  7,  14, 2,    'AL-17',  8,    1,   'Bugis',    'TK-17',  1,    'AN-17',  2],
  P18: [1,  35,  5,  1,  18, 11, 2,  1, 1, 1,  7,  14, null, 'AL-18',  8,    1,   'Bugis',    'TK-18',  null, 'AN-18',  2],
};

const H = (baris: Record<string, Sel>, jumlah: Sel, belum: Sel, total: Sel): Harapan => ({
  baris,
  jumlah,
  belum,
  total,
});
const SEMUA: Sel = [7, 8, 16];
const KODE: Sel = [7, 8, 15];
const P20: Sel = [0, 0, 1];

/** The tables, counted by hand from ORANG and the families below. */
const HARAPAN: Record<string, Harapan> = {
  // biome-ignore format: literal tables
  'rentang-umur': H({ '0-1': [1, 1, 2], '2-4': [0, 1, 1], '15-19': [2, 1, 3], '20-24': [1, 0, 1], '25-29': [0, 1, 1],
    '30-34': [1, 0, 1], '40-44': [0, 1, 1], '45-49': [1, 0, 1], '60-64': [0, 1, 1], '70-74': [0, 1, 1], '75+': [1, 1, 2] },
    KODE, P20, SEMUA),
  'kategori-umur': H({ balita: [1, 2, 3], anak: [2, 0, 2], dewasa: [2, 2, 4], tua: [2, 4, 6] }, KODE, P20, SEMUA),
  'pendidikan-dalam-kk': H(
    { 1: [1, 3, 4], 2: [0, 1, 1], 3: [2, 0, 2], 4: [1, 1, 2], 5: [1, 3, 4], 8: [2, 0, 2] },
    KODE,
    P20,
    SEMUA,
  ),
  'pendidikan-sedang-ditempuh': H(
    { 1: [1, 1, 2], 2: [0, 1, 1], 6: [1, 0, 1], 7: [1, 0, 1], 11: [1, 0, 1], 18: [3, 6, 9] },
    KODE,
    P20,
    SEMUA,
  ),
  pekerjaan: H(
    { 1: [1, 3, 4], 2: [0, 4, 4], 3: [3, 0, 3], 4: [1, 0, 1], 8: [0, 1, 1], 9: [1, 0, 1], 15: [1, 0, 1] },
    KODE,
    P20,
    SEMUA,
  ),
  'status-perkawinan': H({ 1: [5, 2, 7], 2: [2, 4, 6], 4: [0, 2, 2] }, KODE, P20, SEMUA),
  agama: H({ 1: [4, 6, 10], 2: [1, 1, 2], 3: [1, 1, 2], 7: [1, 0, 1] }, KODE, P20, SEMUA),
  'jenis-kelamin': H({ 1: [7, 0, 7], 2: [0, 8, 8] }, KODE, P20, SEMUA),
  'hubungan-dalam-kk': H(
    { 1: [3, 1, 4], 3: [0, 2, 2], 4: [2, 1, 3], 5: [0, 2, 2], 6: [1, 1, 2], 7: [0, 1, 1], 9: [1, 0, 1], 11: [0, 0, 1] },
    SEMUA,
    [0, 0, 0],
    SEMUA,
  ),
  'warga-negara': H({ 1: [6, 8, 15], 2: [1, 0, 1] }, SEMUA, [0, 0, 0], SEMUA),
  'status-penduduk': H({ 1: [6, 8, 15], 2: [1, 0, 1] }, SEMUA, [0, 0, 0], SEMUA),
  'golongan-darah': H(
    { 1: [2, 1, 3], 2: [0, 1, 1], 3: [1, 0, 1], 4: [0, 2, 2], 11: [1, 0, 1], 12: [1, 0, 1], 13: [0, 1, 1] },
    [5, 5, 10],
    [2, 3, 6],
    SEMUA,
  ),
  'penyandang-cacat': H({ 1: [1, 0, 1], 2: [0, 1, 1], 7: [5, 5, 10] }, [6, 6, 12], [1, 2, 4], SEMUA),
  'penyakit-menahun': H({ 1: [0, 1, 1], 5: [1, 0, 1], 6: [0, 1, 1], 14: [5, 4, 9] }, [6, 6, 12], [1, 2, 4], SEMUA),
  'akseptor-kb': H({ 3: [0, 1, 1], 7: [1, 0, 1] }, [1, 1, 2], [1, 3, 4], [2, 4, 6]),
  // biome-ignore format: literal tables
  'akta-kelahiran': H({ '0-1': [1, 0, 1], '2-4': [0, 1, 1], '15-19': [2, 1, 3], '30-34': [1, 0, 1], '45-49': [1, 0, 1],
    '60-64': [0, 1, 1], '70-74': [0, 1, 1] }, [5, 4, 9], [2, 4, 7], SEMUA),
  ktp: H({ 2: [1, 1, 2], 3: [1, 0, 1], 4: [0, 1, 1], 7: [0, 1, 1], 8: [2, 3, 5] }, [4, 6, 10], [1, 0, 1], [5, 6, 11]),
  'asuransi-kesehatan': H({ 1: [1, 1, 2], 2: [2, 3, 5], 3: [2, 3, 5], 99: [1, 1, 2] }, [6, 8, 14], [1, 0, 2], SEMUA),
  'status-covid': H({}, [0, 0, 0], SEMUA, SEMUA),
  suku: H({ JAWA: [3, 5, 8], SUNDA: [1, 1, 2], MADURA: [1, 0, 1] }, [5, 6, 11], [2, 2, 5], SEMUA),
  'bpjs-ketenagakerjaan': H({ 1: [2, 0, 2] }, [2, 0, 2], [5, 8, 14], SEMUA),
  'status-kehamilan': H({ 1: [0, 2, 2], 2: [0, 3, 3] }, [0, 5, 5], [0, 3, 3], [0, 8, 8]),
  'buku-nikah': H({ 1: [2, 3, 5], 2: [0, 1, 1] }, [2, 4, 6], [0, 0, 0], [2, 4, 6]),
  kia: H({ 1: [3, 0, 3], 2: [0, 2, 2] }, [3, 2, 5], [0, 0, 0], [3, 2, 5]),
  'akta-kematian': H({ 1: [1, 0, 1], 2: [0, 1, 1] }, [1, 1, 2], [0, 0, 0], [1, 1, 2]),
  // families F1 (class 1, head P1), F2 (class 3, head P6), F3 (no class, head P11), F4 (class 5, head P12); F5 left
  'keluarga-sejahtera': H({ 1: [1, 0, 1], 3: [0, 1, 1], 5: [1, 0, 1] }, [2, 1, 3], [1, 0, 1], [3, 1, 4]),
  // households of P1 (DTKS), P6 (BDT number only), P12 (neither); P16's closed with his death
  'rumah-tangga-dtks': H({ 1: [1, 1, 2], 2: [1, 0, 1] }, [2, 1, 3], [0, 0, 0], [2, 1, 3]),
};

const sel = (b: { laki: number; perempuan: number; jumlah: number }): Sel => [b.laki, b.perempuan, b.jumlah];

function cocokkan(t: TabelStatistik, h: Harapan) {
  const def = kategoriDef(t.kategori);
  const kodes = def.baris === 'dinamis' ? Object.keys(h.baris) : def.baris.map((b) => b.kode);
  expect(
    t.baris.map((b) => b.kode),
    t.kategori,
  ).toEqual(kodes);
  for (const b of t.baris) expect(sel(b), `${t.kategori} ${b.kode}`).toEqual(h.baris[b.kode] ?? [0, 0, 0]);
  expect(sel(t.jumlah), `${t.kategori} JUMLAH`).toEqual(h.jumlah);
  expect(sel(t.belumMengisi), `${t.kategori} BELUM MENGISI`).toEqual(h.belum);
  expect(sel(t.total), `${t.kategori} TOTAL`).toEqual(h.total);
}

describe('each category against a hand-counted fixture', () => {
  let t: TestDatabase;
  let ctx: StatistikContext;
  const id: Record<string, number> = {};

  async function isi(kunci: string) {
    const v = ORANG[kunci] as Nilai[];
    const row = Object.fromEntries(KOLOM.map((k, i) => [k, v[i]]));
    const { umur, ...rest } = row;
    await t.db
      .updateTable('penduduk')
      .set({ ...rest, tanggallahir: lahir(umur as number | null) } as never)
      .where('id', '=', id[kunci] as number)
      .execute();
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    ctx = { db: t.db, dialect: t.dialect };
    lupakanCache();
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    const keluarga = async (kelas: number | null, head: string, members: [string, number][]) => {
      const sexOf = (k: string) => ((ORANG[k]?.[0] as number | null) ?? 1) as 1 | 2;
      const f = await insertFamily(
        t.db,
        DESA_A,
        { nama: `Kepala ${head}`, tanggallahir: '1970-01-01', sex: sexOf(head) },
        members.map(([k, kkLevel]) => ({ nama: `Warga ${k}`, tanggallahir: '1990-01-01', sex: sexOf(k), kkLevel })),
      );
      id[head] = f.kepalaId;
      members.forEach(([k], i) => {
        id[k] = f.memberIds[i] as number;
      });
      await t.db.updateTable('keluarga').set({ kelas_sosial: kelas }).where('id', '=', f.keluargaId).execute();
      return f;
    };
    await keluarga(1, 'P1', [
      ['P2', 3],
      ['P3', 4],
      ['P4', 4],
      ['P5', 7],
      ['P16', 8],
    ]);
    await keluarga(3, 'P6', [
      ['P7', 4],
      ['P8', 5],
      ['P9', 6],
      ['P10', 6],
      ['P17', 9],
    ]);
    await keluarga(null, 'P11', [['P20', 11]]);
    const f4 = await keluarga(5, 'P12', [
      ['P13', 3],
      ['P14', 9],
      ['P15', 5],
    ]);
    await keluarga(2, 'P18', []);
    for (const k of Object.keys(ORANG)) await isi(k);

    // desa B: a family of a religion and class found nowhere in desa A
    const b = await insertFamily(t.db, DESA_B, { nama: 'Kepala B', tanggallahir: '1980-01-01', sex: 1 }, [
      { nama: 'Istri B', tanggallahir: '1982-01-01', sex: 2, kkLevel: 3 },
    ]);
    await t.db.updateTable('penduduk').set({ agama_id: 6, suku: 'Dayak' }).where('desa_kode', '=', DESA_B).execute();
    await t.db.updateTable('keluarga').set({ kelas_sosial: 4 }).where('id', '=', b.keluargaId).execute();

    // households
    const rt = async (kepala: string, data: { bdt: string | null; terdaftar_dtks: 0 | 1 }, anggota: string[]) => {
      const rtm = await createHousehold(t.db, actor, DESA_A, {
        kepala_id: id[kepala] as number,
        kelas_sosial: null,
        ...data,
      });
      for (const a of anggota) await addHouseholdMember(t.db, actor, DESA_A, rtm, { penduduk_id: id[a] as number });
    };
    await rt('P1', { bdt: null, terdaftar_dtks: 1 }, ['P2', 'P3']);
    await rt('P6', { bdt: 'BDT-9', terdaftar_dtks: 0 }, []);
    await rt('P12', { bdt: null, terdaftar_dtks: 0 }, ['P13']);
    await rt('P16', { bdt: null, terdaftar_dtks: 1 }, []);

    // who must not count: two deaths (one with a certificate), a move out, an arrival reversed as a mistake
    const kosong = {
      catatan: null,
      sebab: null,
      meninggal_di: null,
      jam_mati: null,
      penolong_mati: null,
      kepala_baru_id: null,
    };
    const tgl = mundur(0, 30);
    await recordLeavingEvent(t.db, actor, id.P16 as number, 2, {
      ...kosong,
      tgl_peristiwa: tgl,
      tgl_lapor: null,
      akta_mati: 'AM-16',
    });
    await recordLeavingEvent(t.db, actor, id.P17 as number, 2, {
      ...kosong,
      tgl_peristiwa: tgl,
      tgl_lapor: null,
      akta_mati: '-',
    });
    await recordLeavingEvent(t.db, actor, id.P18 as number, 3, {
      ...kosong,
      tgl_peristiwa: tgl,
      tgl_lapor: null,
      akta_mati: null,
      ref_pindah: 3,
      alamat_tujuan: 'Kudus',
    });
    const datang = await recordArrival(t.db, actor, DESA_A, {
      person: person({
        nama: 'Salah Catat',
        sex: 1,
        tanggallahir: '1976-04-04',
        nik: makeNik('1976-04-04', 1),
        agama_id: 5,
      }),
      lingkunganId: f4.lingkunganId,
      family: { kind: 'existing', keluargaId: f4.keluargaId, kkLevel: 11 },
      tglPeristiwa: tgl,
      tglLapor: null,
      alamatAsal: null,
      maksud: null,
      catatan: null,
    });
    if (datang.kind !== 'baru') throw new Error('expected a new resident');
    const ev = await t.db
      .selectFrom('peristiwa')
      .select('id')
      .where('penduduk_id', '=', datang.id)
      .executeTakeFirstOrThrow();
    await reverseEvent(t.db, actor, ev.id, 'salah catat orang');
  });
  afterAll(async () => t.close());

  it('the fixture is what the test thinks it is', async () => {
    const rows = await t.db.selectFrom('penduduk').select(['status_dasar']).where('desa_kode', '=', DESA_A).execute();
    const by = (s: number) => rows.filter((r) => r.status_dasar === s).length;
    expect([by(1), by(2), by(3), by(9)]).toEqual([16, 2, 1, 1]);
    expect(Object.keys(HARAPAN).sort()).toEqual(SEMUA_KATEGORI.map((k) => k.slug).sort());
  });

  for (const slug of Object.keys(HARAPAN))
    it(`${slug}: today, through the cached service`, async () => {
      cocokkan(await tabelWilayah(ctx, DESA_A, slug), HARAPAN[slug] as Harapan);
    });

  it('gives the same tables from the event history (as-of path) for today', async () => {
    const today = hariIni();
    const besok = mundur(0, -1);
    const lewatRiwayat = await hitungDesa(t.db, DESA_A, today, besok);
    for (const def of SEMUA_KATEGORI)
      cocokkan(tabelDari(def, lewatRiwayat.hitungan.get(def.slug)), HARAPAN[def.slug] as Harapan);
  });

  it('counts the deceased, the moved out and nobody else the day before they left', async () => {
    const t0 = await tabelWilayah(ctx, DESA_A, 'agama', mundur(0, 31));
    expect(sel(t0.baris.find((b) => b.kode === '5') as TabelStatistik['jumlah'])).toEqual([2, 1, 3]);
    expect(t0.total.jumlah).toBe(19);
    expect((await tabelWilayah(ctx, DESA_A, 'akta-kematian', mundur(0, 31))).total.jumlah).toBe(0);
    expect(sel((await tabelWilayah(ctx, DESA_A, 'agama', mundur(0, 30))).total)).toEqual(SEMUA);
  });

  it('keeps desa B apart, and the kecamatan adds both', async () => {
    const b = await tabelWilayah(ctx, DESA_B, 'agama');
    expect(sel(b.baris.find((r) => r.kode === '6') as TabelStatistik['jumlah'])).toEqual([1, 1, 2]);
    const kec = await tabelWilayah(ctx, '33.17.09', 'keluarga-sejahtera');
    expect(sel(kec.baris.find((r) => r.kode === '4') as TabelStatistik['jumlah'])).toEqual([1, 0, 1]);
    expect(sel(kec.total)).toEqual([4, 1, 5]);
    expect((await tabelWilayah(ctx, '33.17.09', 'suku')).baris.map((r) => r.kode)).toEqual([
      'JAWA',
      'DAYAK',
      'SUNDA',
      'MADURA',
    ]);
  });
});
