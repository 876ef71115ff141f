import { describe, expect, it } from 'vitest';
import { get, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, KEC } from '../../../tests/support/builders.js';

describe('open data: regions', () => {
  const t = useTestApp();

  it('loads all 91,599 official codes on the first migration', async () => {
    const rows = await t.db
      .selectFrom('wilayah')
      .select(['tingkat', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('tingkat')
      .execute();
    const count = Object.fromEntries(rows.map((r) => [r.tingkat, Number(r.n)]));
    expect(count).toEqual({ provinsi: 38, kabupaten: 416, kota: 98, kecamatan: 7285, desa: 75266, kelurahan: 8496 });
  });

  it('lists the 38 provinces', async () => {
    const res = await get(t.app, '/api/v1/wilayah');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.anak).toHaveLength(38);
    expect(body.anak[0]).toEqual({ kode: '11', nama: 'Aceh', tingkat: 'provinsi', aktif: false });
  });

  it('shows a kecamatan with its 23 desa and their activation', async () => {
    await activate(t.db, DESA_A);
    const res = await get(t.app, `/api/v1/wilayah/${KEC}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kode: KEC, nama: 'Kaliori', tingkat: 'kecamatan', induk: '33.17' });
    expect(body.anak).toHaveLength(23);
    expect(body.anak[0]).toEqual({ kode: DESA_A, nama: 'Meteseh', tingkat: 'desa', aktif: true });
    expect(body.anak[1].aktif).toBe(false);
  });

  it('marks a kabupaten and province active when a desa inside is active', async () => {
    const kab = (await get(t.app, '/api/v1/wilayah/33')).json();
    expect(kab.anak.find((k: { kode: string }) => k.kode === '33.17')).toMatchObject({
      tingkat: 'kabupaten',
      aktif: true,
    });
    expect(kab.anak.find((k: { kode: string }) => k.kode === '33.74')).toMatchObject({ tingkat: 'kota', aktif: false });
    const desa = (await get(t.app, `/api/v1/wilayah/${DESA_A}`)).json();
    expect(desa).toEqual({ kode: DESA_A, nama: 'Meteseh', tingkat: 'desa', induk: KEC, anak: [] });
  });

  it('answers 404 with a clear message for unknown and malformed codes', async () => {
    for (const code of ['99', '33.99', '33.17.09.9999', 'abc', '33-17', "33.17'--", '3317']) {
      const res = await get(t.app, `/api/v1/wilayah/${encodeURIComponent(code)}`);
      expect(res.statusCode, code).toBe(404);
      expect(res.json().error.message).toMatch(/Kode wilayah/);
    }
  });

  it('tells kelurahan from desa', async () => {
    const body = (await get(t.app, '/api/v1/wilayah/33.17.08')).json();
    const tingkat = new Set(body.anak.map((a: { tingkat: string }) => a.tingkat));
    expect([...tingkat].every((x) => x === 'desa' || x === 'kelurahan')).toBe(true);
  });
});
