import { describe, expect, it } from 'vitest';
import {
  bucket,
  KATEGORI,
  KATEGORI_BY_SLUG,
  KATEGORI_UMUR,
  type KategoriDef,
  type OrangStat,
  RENTANG_UMUR,
  umurPada,
} from './statistik-kategori.js';

/** A person with nothing recorded but what the test names. */
function orang(o: Partial<OrangStat> = {}): OrangStat {
  return {
    sex: null,
    tanggallahir: null,
    agama_id: null,
    pendidikan_kk_id: null,
    pendidikan_sedang_id: null,
    pekerjaan_id: null,
    status_kawin: null,
    kk_level: null,
    warganegara_id: null,
    status: null,
    golongan_darah_id: null,
    cacat_id: null,
    sakit_menahun_id: null,
    cara_kb_id: null,
    akta_lahir: null,
    status_rekam: null,
    id_asuransi: null,
    suku: null,
    bpjs_ketenagakerjaan: null,
    hamil: null,
    akta_perkawinan: null,
    ktp_el: null,
    ...o,
  };
}

const def = (slug: string): KategoriDef => {
  const d = KATEGORI_BY_SLUG.get(slug);
  if (!d) throw new Error(`no category ${slug}`);
  return d;
};
/** Whether a person is counted in a category at all, and in which row (null = belum mengisi). */
const ikut = (slug: string, o: OrangStat, umur: number | null) => def(slug).ikut?.(o, umur) ?? true;
const nilai = (slug: string, o: OrangStat, umur: number | null) => def(slug).nilai(o, umur);

describe('age in whole years at a reference date', () => {
  it('turns a year older on the birthday itself, not the day before', () => {
    expect(umurPada('2009-11-28', '2026-11-28')).toBe(17);
    expect(umurPada('2009-11-28', '2026-11-27')).toBe(16);
    expect(umurPada('2009-11-28', '2026-11-29')).toBe(17);
    expect(umurPada('2026-11-28', '2026-11-28')).toBe(0);
    expect(umurPada('1951-12-01', '2026-11-30')).toBe(74);
    expect(umurPada('1951-12-01', '2026-12-01')).toBe(75);
  });

  it('counts a 29 February birthday on 1 March in other years, on 29 February in leap years', () => {
    expect(umurPada('2008-02-29', '2025-02-28')).toBe(16);
    expect(umurPada('2008-02-29', '2025-03-01')).toBe(17);
    expect(umurPada('2008-02-29', '2028-02-28')).toBe(19);
    expect(umurPada('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('has no age without a valid birth date', () => {
    expect(umurPada(null, '2026-11-28')).toBeNull();
    expect(umurPada('', '2026-11-28')).toBeNull();
    expect(umurPada('12-05-1980', '2026-11-28')).toBeNull();
    expect(umurPada('1980-5-1', '2026-11-28')).toBeNull();
  });

  it('gives a negative age to someone born after the date (no bucket takes it)', () => {
    expect(umurPada('2026-11-28', '2026-11-27')).toBe(-1);
    expect(bucket(RENTANG_UMUR, -1)).toBeNull();
  });
});

describe('age buckets (bounds inclusive, statistics.md §4)', () => {
  it('puts ages 0 and 1 under "Di bawah 1 Tahun" and starts the next bucket at 2', () => {
    expect(bucket(RENTANG_UMUR, 0)).toBe('0-1');
    expect(bucket(RENTANG_UMUR, 1)).toBe('0-1');
    expect(bucket(RENTANG_UMUR, 2)).toBe('2-4');
    expect(bucket(RENTANG_UMUR, 4)).toBe('2-4');
    expect(bucket(RENTANG_UMUR, 5)).toBe('5-9');
    expect(bucket(RENTANG_UMUR, 74)).toBe('70-74');
    expect(bucket(RENTANG_UMUR, 75)).toBe('75+');
    expect(bucket(RENTANG_UMUR, 99)).toBe('75+');
    expect(bucket(RENTANG_UMUR, 130)).toBe('75+');
    expect(bucket(RENTANG_UMUR, null)).toBeNull();
  });

  it('has 17 range buckets that cover every age from 0 without gap or overlap', () => {
    expect(RENTANG_UMUR).toHaveLength(17);
    for (let umur = 0; umur <= 120; umur++)
      expect(RENTANG_UMUR.filter((b) => umur >= b.dari && umur <= b.sampai)).toHaveLength(1);
    expect(RENTANG_UMUR.map((b) => b.label)).toContain('Di atas 75 Tahun');
    expect(RENTANG_UMUR[0]?.label).toBe('Di bawah 1 Tahun');
  });

  it('uses the four life stages with their bounds', () => {
    expect([0, 5, 6, 17, 18, 30, 31, 99].map((u) => bucket(KATEGORI_UMUR, u))).toEqual([
      'balita',
      'balita',
      'anak',
      'anak',
      'dewasa',
      'dewasa',
      'tua',
      'tua',
    ]);
    for (let umur = 0; umur <= 120; umur++)
      expect(KATEGORI_UMUR.filter((b) => umur >= b.dari && umur <= b.sampai)).toHaveLength(1);
  });

  it('buckets by the age at the reference date: the day before a birthday stays in the lower bucket', () => {
    const rentang = def('rentang-umur');
    const lahir = orang({ tanggallahir: '2021-11-28' });
    expect(rentang.nilai(lahir, umurPada(lahir.tanggallahir, '2026-11-27'))).toBe('2-4');
    expect(rentang.nilai(lahir, umurPada(lahir.tanggallahir, '2026-11-28'))).toBe('5-9');
    const tua = orang({ tanggallahir: '1951-11-28' });
    expect(rentang.nilai(tua, umurPada(tua.tanggallahir, '2026-11-27'))).toBe('70-74');
    expect(rentang.nilai(tua, umurPada(tua.tanggallahir, '2026-11-28'))).toBe('75+');
    expect(def('kategori-umur').nilai(tua, null)).toBeNull();
  });
});

describe('the 25 categories', () => {
  it('are the 25 of the reference, each slug once, in the reference order', () => {
    expect(KATEGORI.map((k) => k.slug)).toEqual([
      'rentang-umur',
      'kategori-umur',
      'pendidikan-dalam-kk',
      'pendidikan-sedang-ditempuh',
      'pekerjaan',
      'status-perkawinan',
      'agama',
      'jenis-kelamin',
      'hubungan-dalam-kk',
      'warga-negara',
      'status-penduduk',
      'golongan-darah',
      'penyandang-cacat',
      'penyakit-menahun',
      'akseptor-kb',
      'akta-kelahiran',
      'ktp',
      'asuransi-kesehatan',
      'status-covid',
      'suku',
      'bpjs-ketenagakerjaan',
      'status-kehamilan',
      'buku-nikah',
      'kia',
      'akta-kematian',
    ]);
    expect(new Set(KATEGORI.map((k) => k.key)).size).toBe(25);
    expect(KATEGORI.filter((k) => k.sumber === 'meninggal').map((k) => k.slug)).toEqual(['akta-kematian']);
  });

  it('take the rows of the code lists for coded fields', () => {
    const kodes = (slug: string) => (def(slug).baris as readonly { kode: string }[]).map((b) => b.kode);
    expect(kodes('jenis-kelamin')).toEqual(['1', '2']);
    expect(kodes('status-perkawinan')).toEqual(['1', '2', '3', '4']);
    expect(kodes('agama')).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(kodes('asuransi-kesehatan')).toEqual(['1', '2', '3', '99']);
    expect(kodes('hubungan-dalam-kk')).toHaveLength(11);
    expect(kodes('golongan-darah')).toHaveLength(13);
    expect(kodes('ktp')).toHaveLength(8);
    expect(def('suku').baris).toBe('dinamis');
  });

  it('reads each coded field into its own category', () => {
    const o = orang({
      sex: 2,
      agama_id: 3,
      pendidikan_kk_id: 5,
      pendidikan_sedang_id: 18,
      pekerjaan_id: 9,
      status_kawin: 4,
      kk_level: 7,
      warganegara_id: 2,
      status: 2,
      golongan_darah_id: 13,
      cacat_id: 7,
      sakit_menahun_id: 6,
      id_asuransi: 99,
    });
    const expected: Record<string, string> = {
      'jenis-kelamin': '2',
      agama: '3',
      'pendidikan-dalam-kk': '5',
      'pendidikan-sedang-ditempuh': '18',
      pekerjaan: '9',
      'status-perkawinan': '4',
      'hubungan-dalam-kk': '7',
      'warga-negara': '2',
      'status-penduduk': '2',
      'golongan-darah': '13',
      'penyandang-cacat': '7',
      'penyakit-menahun': '6',
      'asuransi-kesehatan': '99',
    };
    for (const [slug, kode] of Object.entries(expected)) {
      expect(ikut(slug, o, 40), slug).toBe(true);
      expect(nilai(slug, o, 40), slug).toBe(kode);
      expect(nilai(slug, orang(), 40), slug).toBeNull();
    }
  });

  it('KTP: obliged from 17 (on the birthday) or once ever married; grouped by recording status', () => {
    expect(ikut('ktp', orang({ status_kawin: 1 }), 16)).toBe(false);
    expect(ikut('ktp', orang({ status_kawin: 1 }), 17)).toBe(true);
    expect(ikut('ktp', orang({ status_kawin: null }), 17)).toBe(true);
    expect(ikut('ktp', orang({ status_kawin: 2 }), 15)).toBe(true);
    expect(ikut('ktp', orang({ status_kawin: 3 }), 16)).toBe(true);
    expect(ikut('ktp', orang({ status_kawin: 4 }), null)).toBe(true);
    expect(ikut('ktp', orang({ status_kawin: null }), null)).toBe(false);
    expect(ikut('ktp', orang({ status_kawin: 1 }), null)).toBe(false);
    expect(nilai('ktp', orang({ status_rekam: 8 }), 30)).toBe('8');
    expect(nilai('ktp', orang(), 30)).toBeNull();
  });

  it('akseptor KB: only married persons (status 2), by method', () => {
    expect(ikut('akseptor-kb', orang({ status_kawin: 2, cara_kb_id: 3 }), 30)).toBe(true);
    for (const s of [null, 1, 3, 4])
      expect(ikut('akseptor-kb', orang({ status_kawin: s, cara_kb_id: 3 }), 30)).toBe(false);
    expect(nilai('akseptor-kb', orang({ status_kawin: 2, cara_kb_id: 99 }), 30)).toBe('99');
    expect(nilai('akseptor-kb', orang({ status_kawin: 2 }), 30)).toBeNull();
  });

  it('pregnancy: women only', () => {
    expect(ikut('status-kehamilan', orang({ sex: 2, hamil: 1 }), 25)).toBe(true);
    expect(ikut('status-kehamilan', orang({ sex: 1, hamil: 1 }), 25)).toBe(false);
    expect(ikut('status-kehamilan', orang({ sex: null, hamil: 1 }), 25)).toBe(false);
    expect(nilai('status-kehamilan', orang({ sex: 2, hamil: 2 }), 25)).toBe('2');
    expect(nilai('status-kehamilan', orang({ sex: 2 }), 25)).toBeNull();
  });

  it('KIA: children up to and including 17, holding one when ktp_el is 3', () => {
    expect(ikut('kia', orang(), 0)).toBe(true);
    expect(ikut('kia', orang(), 17)).toBe(true);
    expect(ikut('kia', orang(), 18)).toBe(false);
    expect(ikut('kia', orang(), null)).toBe(false);
    expect(ikut('kia', orang(), -1)).toBe(false);
    expect(nilai('kia', orang({ ktp_el: 3 }), 5)).toBe('1');
    expect(nilai('kia', orang({ ktp_el: 1 }), 5)).toBe('2');
    expect(nilai('kia', orang({ ktp_el: 2 }), 17)).toBe('2');
    expect(nilai('kia', orang(), 5)).toBe('2');
  });

  it('buku nikah: among the married only, with or without a marriage deed number', () => {
    expect(ikut('buku-nikah', orang({ status_kawin: 2 }), 30)).toBe(true);
    expect(ikut('buku-nikah', orang({ status_kawin: 3, akta_perkawinan: 'AN-1' }), 30)).toBe(false);
    expect(ikut('buku-nikah', orang({ status_kawin: 1 }), 30)).toBe(false);
    expect(nilai('buku-nikah', orang({ status_kawin: 2, akta_perkawinan: '474/12/2001' }), 30)).toBe('1');
    for (const akta of [null, '', '  ', '-', ' - '])
      expect(nilai('buku-nikah', orang({ status_kawin: 2, akta_perkawinan: akta }), 30)).toBe('2');
  });

  it('akta kelahiran: holders by age bucket, non-holders ("-", blank) not filled', () => {
    expect(nilai('akta-kelahiran', orang({ akta_lahir: '3317-LT-01' }), 1)).toBe('0-1');
    expect(nilai('akta-kelahiran', orang({ akta_lahir: '3317-LT-01' }), 80)).toBe('75+');
    expect(nilai('akta-kelahiran', orang({ akta_lahir: '3317-LT-01' }), null)).toBeNull();
    for (const akta of [null, '', ' ', '-'])
      expect(nilai('akta-kelahiran', orang({ akta_lahir: akta }), 30)).toBeNull();
    expect(ikut('akta-kelahiran', orang(), null)).toBe(true);
  });

  it('suku: trimmed, upper case, inner spaces collapsed; blank is not filled', () => {
    expect(nilai('suku', orang({ suku: '  jawa ' }), 30)).toBe('JAWA');
    expect(nilai('suku', orang({ suku: 'Jawa   Tengah' }), 30)).toBe('JAWA TENGAH');
    expect(nilai('suku', orang({ suku: 'JAWA' }), 30)).toBe('JAWA');
    expect(nilai('suku', orang({ suku: '   ' }), 30)).toBeNull();
    expect(nilai('suku', orang({ suku: null }), 30)).toBeNull();
  });

  it('BPJS Ketenagakerjaan: registered when a number is recorded', () => {
    expect(nilai('bpjs-ketenagakerjaan', orang({ bpjs_ketenagakerjaan: '12345678901' }), 30)).toBe('1');
    for (const n of [null, '', '-'])
      expect(nilai('bpjs-ketenagakerjaan', orang({ bpjs_ketenagakerjaan: n }), 30)).toBeNull();
  });

  it('status Covid: not recorded by Balai, so everyone is "belum mengisi"', () => {
    const covid = def('status-covid');
    expect(covid.baris).toHaveLength(7);
    expect(covid.nilai(orang({ sex: 1, tanggallahir: '1990-01-01', status: 1 }), 36)).toBeNull();
    expect(ikut('status-covid', orang(), null)).toBe(true);
  });

  it('akta kematian: the deceased, with or without a death certificate number', () => {
    expect(nilai('akta-kematian', orang({ akta_mati: 'AM-1' }), 80)).toBe('1');
    for (const a of [undefined, null, '', '-']) expect(nilai('akta-kematian', orang({ akta_mati: a }), 80)).toBe('2');
  });

  it('counts everyone of its source in the categories without an own rule', () => {
    const withRule = new Set(['akseptor-kb', 'ktp', 'status-kehamilan', 'buku-nikah', 'kia']);
    for (const k of KATEGORI) expect(k.ikut !== undefined, k.slug).toBe(withRule.has(k.slug));
  });
});
