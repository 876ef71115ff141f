import { beforeAll, describe, expect, it } from 'vitest';
import { follow, get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { DESA_A, DESA_B, insertUser, KAB, KEC, PASSWORD } from '../../../tests/support/builders.js';

describe('desa activation and profile', () => {
  const t = useTestApp();
  let kab: Session;
  let admin: Session;

  beforeAll(async () => {
    await insertUser(t.db, 'kab', 'admin-kabupaten', KAB);
    kab = await login(t.app, 'kab', PASSWORD);
  });

  it('activates one desa from the region browser, then the rest of the kecamatan in one action, idempotently', async () => {
    const one = await postForm(t.app, `/wilayah/${DESA_B}/aktifkan`, kab, {});
    expect(one.statusCode).toBe(303);
    expect(one.headers.location).toBe(`/wilayah/${KEC}`);
    const page = await follow(t.app, one, kab);
    expect(page.body).toContain('1 desa/kelurahan diaktifkan.');
    expect(page.body).toContain('Aktifkan semua 23 desa/kelurahan di kecamatan ini');

    const all = await postForm(t.app, `/wilayah/${KEC}/aktifkan`, kab, {});
    expect(all.statusCode).toBe(303);
    const after = await follow(t.app, all, kab);
    expect(after.body).toContain('22 desa/kelurahan diaktifkan, 1 sudah aktif sebelumnya.');
    expect(after.body).toContain('Semua desa/kelurahan di kecamatan ini sudah aktif.');
    const rows = await t.db.selectFrom('desa').select('kode').execute();
    expect(rows).toHaveLength(23);

    await postForm(t.app, `/wilayah/${KEC}/aktifkan`, kab, {});
    expect(await t.db.selectFrom('desa').select('kode').execute()).toHaveLength(23);
    const audits = await t.db.selectFrom('audit_log').select('entitas_id').where('aksi', '=', 'aktifkan').execute();
    expect(audits).toHaveLength(23);
  });

  it('refuses to activate a whole kabupaten or province at once', async () => {
    const res = await postForm(t.app, `/wilayah/${KAB}/aktifkan`, kab, {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('hanya satu desa/kelurahan atau semua desa dalam satu kecamatan');
  });

  it('updates the profile; invalid input gets Indonesian field messages and changes nothing', async () => {
    await insertUser(t.db, 'admin.a', 'admin-desa', DESA_A);
    admin = await login(t.app, 'admin.a', PASSWORD);
    const bad = await postForm(t.app, `/desa/${DESA_A}`, admin, {
      sebutan: 'kota',
      sebutan_dusun: 'dusun',
      alamat: 'Jl. Raya 1',
      kode_pos: '592',
      telepon: 'telepon saya',
      email: 'bukan email',
      situs: 'meteseh.desa.id',
      hosts: 'https://meteseh.desa.id/',
    });
    expect(bad.statusCode).toBe(400);
    for (const message of [
      'Pilih salah satu pilihan yang tersedia.',
      'Kode pos terdiri dari 5 angka.',
      'Nomor telepon tidak valid',
      'Alamat email tidak valid',
      'Alamat situs harus diawali http:// atau https://.',
      'Nama domain tidak valid',
    ]) {
      expect(bad.body).toContain(message);
    }
    expect(bad.body).toContain('value="Jl. Raya 1"');
    const unchanged = await t.db.selectFrom('desa').selectAll().where('kode', '=', DESA_A).executeTakeFirstOrThrow();
    expect(unchanged.alamat).toBeNull();

    const ok = await postForm(t.app, `/desa/${DESA_A}`, admin, {
      sebutan: 'desa',
      sebutan_dusun: 'dukuh',
      alamat: 'Jl. Raya Kaliori Km 5',
      kode_pos: '59252',
      telepon: '0295 123456',
      email: 'pemdes@meteseh.desa.id',
      situs: 'https://meteseh.desa.id',
      kepala_desa: 'Sutrisno',
      hosts: 'meteseh.desa.id\nWWW.Meteseh.desa.id.',
    });
    expect(ok.statusCode).toBe(303);
    const api = (
      await t.app.inject({ method: 'GET', url: `/api/v1/desa/${DESA_A}`, headers: { cookie: admin.cookie } })
    ).json();
    expect(api).toMatchObject({
      sebutan_dusun: 'dukuh',
      kode_pos: '59252',
      hosts: ['meteseh.desa.id', 'www.meteseh.desa.id'],
    });
  });

  it('refuses a host name already used by another desa', async () => {
    await insertUser(t.db, 'admin.b', 'admin-desa', DESA_B);
    const b = await login(t.app, 'admin.b', PASSWORD);
    const res = await postForm(t.app, `/desa/${DESA_B}`, b, {
      sebutan: 'desa',
      sebutan_dusun: 'dusun',
      hosts: 'meteseh.desa.id',
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Domain meteseh.desa.id sudah dipakai desa lain.');
    expect(await t.db.selectFrom('desa_host').select('host').where('desa_kode', '=', DESA_B).execute()).toEqual([]);
  });

  it('shows the profile read-only to roles that may not edit it', async () => {
    await insertUser(t.db, 'sekdes.a', 'sekretaris-desa', DESA_A);
    const s = await login(t.app, 'sekdes.a', PASSWORD);
    const page = await get(t.app, `/desa/${DESA_A}`, s);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Anda hanya dapat melihat profil ini.');
    expect(page.body).not.toContain(`action="/desa/${DESA_A}"`);
    expect((await postForm(t.app, `/desa/${DESA_A}`, s, { sebutan: 'desa', sebutan_dusun: 'dusun' })).statusCode).toBe(
      403,
    );
  });

  it('answers 404 for a desa that is not active', async () => {
    const res = await get(t.app, '/desa/33.17.01.2001', kab);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('belum diaktifkan');
  });
});
