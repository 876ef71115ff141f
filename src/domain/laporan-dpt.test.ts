import { describe, expect, it } from 'vitest';
import { alasanBukanPemilih, type CalonPemilih } from './laporan-dpt.js';
import { rentanKosong, tambahRentan } from './laporan-rentan.js';
import type { OrangStat } from './statistik-kategori.js';

const PEMILU = '2029-02-14';
const warga = (o: Partial<CalonPemilih>): CalonPemilih => ({
  status: 1,
  warganegara_id: 1,
  tanggallahir: '1990-01-01',
  status_kawin: 1,
  pekerjaan_id: 9,
  ...o,
});

describe('DPT rules', () => {
  it('lists someone whose 17th birthday is on or before the election date, not the day after', () => {
    expect(alasanBukanPemilih(warga({ tanggallahir: '2012-02-13' }), PEMILU)).toBeNull();
    expect(alasanBukanPemilih(warga({ tanggallahir: '2012-02-14' }), PEMILU)).toBeNull();
    expect(alasanBukanPemilih(warga({ tanggallahir: '2012-02-15' }), PEMILU)).toBe('belumCukupUmur');
  });

  it('lists a married 16-year-old, and a divorced one', () => {
    expect(alasanBukanPemilih(warga({ tanggallahir: '2012-06-01', status_kawin: 2 }), PEMILU)).toBeNull();
    expect(alasanBukanPemilih(warga({ tanggallahir: '2012-06-01', status_kawin: 3 }), PEMILU)).toBeNull();
    expect(alasanBukanPemilih(warga({ tanggallahir: '2012-06-01', status_kawin: null }), PEMILU)).toBe(
      'belumCukupUmur',
    );
  });

  it('leaves out TNI, POLRI, foreigners, non-permanent residents, and unknown ages of the unmarried', () => {
    expect(alasanBukanPemilih(warga({ pekerjaan_id: 6 }), PEMILU)).toBe('tniPolri');
    expect(alasanBukanPemilih(warga({ pekerjaan_id: 7 }), PEMILU)).toBe('tniPolri');
    expect(alasanBukanPemilih(warga({ pekerjaan_id: 5 }), PEMILU)).toBeNull();
    expect(alasanBukanPemilih(warga({ pekerjaan_id: null }), PEMILU)).toBeNull();
    expect(alasanBukanPemilih(warga({ warganegara_id: 2 }), PEMILU)).toBe('bukanWni');
    expect(alasanBukanPemilih(warga({ warganegara_id: null }), PEMILU)).toBe('bukanWni');
    expect(alasanBukanPemilih(warga({ status: 2 }), PEMILU)).toBe('tidakTetap');
    expect(alasanBukanPemilih(warga({ tanggallahir: null }), PEMILU)).toBe('umurTidakDiketahui');
    expect(alasanBukanPemilih(warga({ tanggallahir: null, status_kawin: 2 }), PEMILU)).toBeNull();
  });
});

const stat = (o: Partial<OrangStat>): OrangStat =>
  ({ sex: 1, tanggallahir: null, cacat_id: null, sakit_menahun_id: null, hamil: null, ...o }) as OrangStat;

describe('vulnerable groups', () => {
  it('puts ages in the stated buckets, "> 60" meaning 61 and over', () => {
    const r = rentanKosong();
    const lahir = (umur: number) => `${2026 - umur}-06-01`;
    for (const umur of [0, 1, 5, 6, 12, 13, 15, 16, 18, 19, 60, 61, 90])
      tambahRentan(r, stat({ tanggallahir: lahir(umur) }), '2026-06-01');
    tambahRentan(r, stat({ tanggallahir: null }), '2026-06-01');
    expect(r.umur).toEqual({ bayi: 1, balita: 2, anak: 2, remaja: 2, muda: 2, lansia: 2 });
    expect(r.jiwa).toBe(14);
  });

  it('counts every disability code, chronic illness other than 14, and pregnant women only', () => {
    const r = rentanKosong();
    for (const c of [1, 2, 2, 7, null]) tambahRentan(r, stat({ cacat_id: c }), '2026-06-01');
    for (const s of [1, 12, 14, null]) tambahRentan(r, stat({ sakit_menahun_id: s }), '2026-06-01');
    tambahRentan(r, stat({ sex: 2, hamil: 1 }), '2026-06-01');
    tambahRentan(r, stat({ sex: 2, hamil: 2 }), '2026-06-01');
    tambahRentan(r, stat({ sex: 1, hamil: 1 }), '2026-06-01');
    expect(r.cacat).toEqual({ 1: 1, 2: 2, 3: 0, 4: 0, 5: 0, 6: 0, 7: 1 });
    expect(r.sakitMenahun).toBe(2);
    expect(r.hamil).toBe(1);
  });
});
