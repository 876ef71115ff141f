import { beforeAll, describe, expect, it } from 'vitest';
import { get, login, ORIGIN, postForm, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertUser, PASSWORD } from '../../../tests/support/builders.js';

/** Kiosk devices: the office adds one, its one-time code pairs one browser, switch off / rename / re-issue. */
describe('anjungan: kiosk registration', () => {
  const t = useTestApp();
  let admin: Awaited<ReturnType<typeof login>>;
  let adminB: Awaited<ReturnType<typeof login>>;
  let operator: Awaited<ReturnType<typeof login>>;

  const tambah = async (s: typeof admin, nama: string, desa = DESA_A) => {
    const res = await postForm(t.app, `/desa/${desa}/anjungan`, s, { intent: 'tambah', nama });
    expect(res.statusCode).toBe(200);
    const kode = /data-kode="([A-Z0-9-]+)"/.exec(res.body)?.[1];
    if (!kode) throw new Error('kode tidak tampil');
    const row = await t.db.selectFrom('anjungan').select('id').where('nama', '=', nama).executeTakeFirstOrThrow();
    return { kode, id: row.id, res };
  };
  const pasang = (kode: string, ip = '10.9.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/anjungan/pasang',
      headers: { origin: ORIGIN, host: 'localhost' },
      remoteAddress: ip,
      payload: { kode },
    });
  const kioskCookie = (res: { headers: Record<string, unknown> }) => {
    const all = [res.headers['set-cookie']].flat().map(String);
    const c = all.find((x) => x.startsWith('balai_anjungan='));
    return c ? { cookie: c.split(';')[0] as string, raw: c } : null;
  };
  const beranda = (cookie: string) => t.app.inject({ method: 'GET', url: '/anjungan', headers: { cookie } });

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'admin.a', 'admin-desa', DESA_A);
    await insertUser(t.db, 'admin.b', 'admin-desa', DESA_B);
    await insertUser(t.db, 'operator.a', 'operator-desa', DESA_A);
    admin = await login(t.app, 'admin.a', PASSWORD);
    adminB = await login(t.app, 'admin.b', PASSWORD);
    operator = await login(t.app, 'operator.a', PASSWORD);
  });

  it('shows a new kiosk code once, stores only hashes, and pairs exactly one browser with it', async () => {
    const { kode, id, res } = await tambah(admin, 'Anjungan Balai');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(kode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const stored = await t.db.selectFrom('anjungan_kode').selectAll().where('anjungan_id', '=', id).execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(kode.replace('-', ''));
    // the list afterwards no longer shows the code
    expect((await get(t.app, `/desa/${DESA_A}/anjungan`, admin)).body).not.toContain(kode);

    // a browser without the device cookie is no kiosk
    expect((await t.app.inject({ method: 'GET', url: '/anjungan' })).statusCode).toBe(403);

    // typed in lower case with a space instead of the dash: the same code
    const first = await pasang(kode.toLowerCase().replace('-', ' '));
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/anjungan');
    const c = kioskCookie(first);
    expect(c?.raw).toMatch(/HttpOnly/i);
    expect(c?.raw).toMatch(/Max-Age=\d{7,}/);
    const home = await beranda(c?.cookie as string);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Tempelkan e-KTP');
    const row = await t.db.selectFrom('anjungan').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.terakhir_terlihat).not.toBeNull();
    expect(row.token_hash).not.toBe(c?.cookie.split('=')[1]);

    // single use: a second browser with the same code gets nothing
    const again = await pasang(kode);
    expect(again.statusCode).toBe(400);
    expect(kioskCookie(again)).toBeNull();
    expect(again.body).toContain('Kode tidak berlaku');
  });

  it('refuses an expired code, and a re-issued code replaces the old browser', async () => {
    const { kode, id } = await tambah(admin, 'Anjungan Pos');
    await t.db
      .updateTable('anjungan_kode')
      .set({ kedaluwarsa_pada: '2020-01-01T00:00:00.000Z' })
      .where('anjungan_id', '=', id)
      .execute();
    expect((await pasang(kode)).statusCode).toBe(400);

    const ulang = await postForm(t.app, `/desa/${DESA_A}/anjungan`, admin, { intent: 'terbitkan', id: String(id) });
    const kode2 = /data-kode="([A-Z0-9-]+)"/.exec(ulang.body)?.[1] as string;
    const old = kioskCookie(await pasang(kode2))?.cookie as string;
    expect((await beranda(old)).statusCode).toBe(200);
    const ulang2 = await postForm(t.app, `/desa/${DESA_A}/anjungan`, admin, { intent: 'terbitkan', id: String(id) });
    const kode3 = /data-kode="([A-Z0-9-]+)"/.exec(ulang2.body)?.[1] as string;
    const baru = kioskCookie(await pasang(kode3))?.cookie as string;
    expect((await beranda(baru)).statusCode).toBe(200);
    expect((await beranda(old)).statusCode).toBe(403);
  });

  it('switches a kiosk off and on, renames it, and writes the audit trail', async () => {
    const { kode, id } = await tambah(admin, 'Anjungan Lama');
    const cookie = kioskCookie(await pasang(kode))?.cookie as string;
    const off = await postForm(t.app, `/desa/${DESA_A}/anjungan`, admin, { intent: 'matikan', id: String(id) });
    expect(off.statusCode).toBe(303);
    expect((await beranda(cookie)).statusCode).toBe(403);
    await postForm(t.app, `/desa/${DESA_A}/anjungan`, admin, { intent: 'hidupkan', id: String(id) });
    expect((await beranda(cookie)).statusCode).toBe(200);
    const bad = await postForm(t.app, `/desa/${DESA_A}/anjungan`, admin, { intent: 'ubah', id: String(id), nama: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Isi nama anjungan');
    await postForm(t.app, `/desa/${DESA_A}/anjungan`, admin, { intent: 'ubah', id: String(id), nama: 'Anjungan Baru' });
    const row = await t.db.selectFrom('anjungan').select('nama').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.nama).toBe('Anjungan Baru');
    const aksi = await t.db
      .selectFrom('audit_log')
      .select('aksi')
      .where('entitas', '=', 'anjungan')
      .where('entitas_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(aksi.map((a) => a.aksi)).toEqual(['tambah', 'pasang', 'nonaktifkan', 'aktifkan', 'ubah']);
  });

  it('keeps kiosks inside their desa and from roles without manage:anjungan', async () => {
    const { id } = await tambah(admin, 'Anjungan Tetangga');
    expect((await get(t.app, `/desa/${DESA_A}/anjungan`, operator)).statusCode).toBe(403);
    expect((await get(t.app, `/desa/${DESA_A}/anjungan`, adminB)).statusCode).toBe(404);
    // desa B's admin on their own page, naming desa A's kiosk: not found, nothing changes
    const res = await postForm(t.app, `/desa/${DESA_B}/anjungan`, adminB, { intent: 'matikan', id: String(id) });
    expect(res.statusCode).toBe(404);
    const row = await t.db.selectFrom('anjungan').select('aktif').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.aktif).toBe(1);
    expect((await get(t.app, `/desa/${DESA_B}/anjungan`, adminB)).body).not.toContain('Anjungan Tetangga');
  });

  it('blocks an address after many wrong codes, even for a right one', async () => {
    const { kode } = await tambah(admin, 'Anjungan Kunci');
    for (let i = 0; i < 20; i++) expect((await pasang(`SALAH-${i}`, '10.9.9.9')).statusCode).toBe(400);
    const res = await pasang(kode, '10.9.9.9');
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('Terlalu banyak kode');
    expect((await pasang(kode, '10.9.9.10')).statusCode).toBe(303);
  });
});
