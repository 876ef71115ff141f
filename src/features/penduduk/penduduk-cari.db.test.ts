import { beforeAll, describe, expect, it } from 'vitest';
import { get, login, postForm, type Session, SIXTEEN_DIGITS, urlsIn, useTestApp } from '../../../tests/support/app.js';
import {
  activate,
  DESA_A,
  DESA_B,
  insertFamily,
  insertUser,
  KAB,
  KEC,
  makeNik,
  PASSWORD,
} from '../../../tests/support/builders.js';

describe('finding a resident across one’s area', () => {
  const t = useTestApp();
  let kab: Session;
  let kec: Session;
  let op: Session;
  const nikB = makeNik('1977-07-17', 2);

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertFamily(t.db, DESA_A, { nama: 'Sumarni Wulandari', tanggallahir: '1975-05-15', sex: 2 });
    await insertFamily(t.db, DESA_B, { nama: 'Sumarni Lestari', tanggallahir: '1977-07-17', sex: 2, nik: nikB });
    await insertUser(t.db, 'kab', 'admin-kabupaten', KAB);
    await insertUser(t.db, 'kec', 'staf-kecamatan', KEC);
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    kab = await login(t.app, 'kab', PASSWORD);
    kec = await login(t.app, 'kec', PASSWORD);
    op = await login(t.app, 'op.a', PASSWORD);
  });

  it('the kabupaten finds people in every desa by name prefix, with full numbers', async () => {
    const res = await get(t.app, '/penduduk?q=SUMARNI', kab);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Sumarni Wulandari');
    expect(res.body).toContain('Sumarni Lestari');
    expect(res.body).toContain(nikB);
    expect(res.body).toContain('2 penduduk.');
  });

  it('looks a NIK up by POST only: one match opens the record, a NIK in the URL is not searched', async () => {
    const lestari = await t.db.selectFrom('penduduk').select('id').where('nik', '=', nikB).executeTakeFirstOrThrow();
    const found = await postForm(t.app, '/penduduk/cari-nik', kab, { nik: nikB });
    expect(found.statusCode).toBe(303);
    expect(found.headers.location).toBe(`/penduduk/${lestari.id}`);
    const none = await postForm(t.app, '/penduduk/cari-nik', kab, { nik: makeNik('2001-01-01', 1) });
    expect(none.statusCode).toBe(404);
    expect(none.body).toContain('NIK tidak ditemukan di wilayah Anda.');
    expect((await postForm(t.app, '/penduduk/cari-nik', kab, { nik: 'x' })).statusCode).toBe(400);
    const byUrl = await get(t.app, `/penduduk?q=${nikB}`, kab);
    expect(byUrl.statusCode).toBe(200);
    expect(byUrl.body).not.toContain('Sumarni Lestari');
    expect(byUrl.body).toContain('Gunakan kotak &quot;Cari NIK&quot;');
    expect(byUrl.body).toContain('<form method="post" action="/penduduk/cari-nik"');
    for (const u of urlsIn(byUrl.body)) expect(u).not.toMatch(SIXTEEN_DIGITS);
  });

  it('kecamatan staff see masked numbers and may not search by NIK', async () => {
    const res = await get(t.app, '/penduduk?q=sumarni', kec);
    expect(res.body).toContain('Sumarni Lestari');
    expect(res.body).not.toContain(nikB);
    expect(res.body).toContain(nikB.slice(-4));
    const byNik = await get(t.app, `/penduduk?q=${nikB}`, kec);
    expect(byNik.body).not.toContain('Sumarni Lestari');
    expect(byNik.body).toContain('Mencari dengan NIK hanya untuk pengguna');
    expect(byNik.body).not.toContain('/penduduk/cari-nik');
    const lookup = await postForm(t.app, '/penduduk/cari-nik', kec, { nik: nikB });
    expect(lookup.statusCode).toBe(403);
    expect(lookup.body).not.toContain('Sumarni Lestari');
  });

  it('a desa operator finds only their own desa', async () => {
    const res = await get(t.app, '/penduduk?q=sumarni', op);
    expect(res.body).toContain('Sumarni Wulandari');
    expect(res.body).not.toContain('Sumarni Lestari');
    // nor, by NIK, a living person of another desa
    const other = await postForm(t.app, '/penduduk/cari-nik', op, { nik: nikB });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Sumarni Lestari');
  });

  it('lists several records with one NIK across the area in the POST response, links by id only', async () => {
    const dead = await insertFamily(t.db, DESA_A, { nama: 'Sumarni Kembar', tanggallahir: '1977-07-17', sex: 2 });
    await t.db.updateTable('penduduk').set({ status_dasar: 2, nik: nikB }).where('id', '=', dead.kepalaId).execute();
    const res = await postForm(t.app, '/penduduk/cari-nik', kab, { nik: nikB });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('2 data memakai NIK ini');
    expect(res.body).toContain('Sumarni Kembar');
    expect(res.body).toContain('Sumarni Lestari');
    expect(res.body).toContain('MATI');
    for (const u of urlsIn(res.body)) expect(u).not.toMatch(SIXTEEN_DIGITS);
    expect(res.body).toContain('name="kembali" value="/penduduk"');
  });
});

describe('counting matches across a region', () => {
  const t = useTestApp();

  it('stops counting at the cap and says "more than"', async () => {
    const { searchPenduduk } = await import('./penduduk-list.service.js');
    const { PendudukListQuerySchema } = await import('./penduduk-list.schema.js');
    await activate(t.db, DESA_A);
    for (let i = 0; i < 4; i++)
      await insertFamily(t.db, DESA_A, { nama: `Tukiman ${i}`, tanggallahir: '1960-01-01', sex: 1 });
    const q = PendudukListQuerySchema.parse({ q: 'tukiman' });
    expect(await searchPenduduk(t.db, { under: KEC, countCap: 3 }, q)).toMatchObject({ total: 3, capped: true });
    expect(await searchPenduduk(t.db, { under: KEC, countCap: 10 }, q)).toMatchObject({ total: 4, capped: false });
    expect(await searchPenduduk(t.db, { under: KEC }, q)).toMatchObject({ total: 4, capped: false });
  });
});
