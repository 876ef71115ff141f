import { beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '#src/lib/auth/tokens.js';
import { cookieFrom, get, login, ORIGIN, postForm, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, insertUser, PASSWORD } from '../../../tests/support/builders.js';

describe('login, sessions and throttling', () => {
  const t = useTestApp();

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    for (const u of ['sri', 'budi', 'ani', 'joko', 'tutik']) await insertUser(t.db, u, 'operator-desa', DESA_A);
  });

  const attempt = (username: string, sandi: string, ip = '10.0.0.1', cookie?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/masuk',
      remoteAddress: ip,
      headers: { origin: ORIGIN, host: 'localhost', ...(cookie ? { cookie } : {}) },
      payload: { username, sandi },
    });

  it('signs in with a hashed, HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await attempt('sri', PASSWORD);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const setCookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('balai_sesi='));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Max-Age=\d+/);
    const token = cookieFrom(res, 'balai_sesi') ?? '';
    const rows = await t.db.selectFrom('sesi').select('id_hash').execute();
    expect(rows.map((r) => r.id_hash)).toContain(hashSecret(token));
    expect(rows.map((r) => r.id_hash)).not.toContain(token);
    const home = await get(t.app, '/', { cookie: `balai_sesi=${token}`, csrf: '', username: 'sri' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Beranda');
  });

  it('rotates the session on login: a new id, the old session ended', async () => {
    const first = await login(t.app, 'budi', PASSWORD);
    const again = await attempt('budi', PASSWORD, '10.0.0.2', first.cookie);
    const second = cookieFrom(again, 'balai_sesi');
    expect(second).toBeTruthy();
    expect(`balai_sesi=${second}`).not.toBe(first.cookie);
    const old = await get(t.app, '/', first);
    expect(old.statusCode).toBe(303);
    expect(old.headers.location).toMatch(/^\/masuk/);
  });

  it('logout ends the session on the server', async () => {
    const s = await login(t.app, 'ani', PASSWORD);
    const out = await postForm(t.app, '/keluar', s, {});
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/masuk');
    const after = await get(t.app, '/', s);
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/masuk/);
  });

  it('"log out everywhere" ends every session of the user', async () => {
    const phone = await login(t.app, 'joko', PASSWORD);
    const office = await login(t.app, 'joko', PASSWORD);
    expect((await get(t.app, '/', phone)).statusCode).toBe(200);
    await postForm(t.app, '/keluar-semua', office, {});
    expect((await get(t.app, '/', phone)).statusCode).toBe(303);
    expect((await get(t.app, '/', office)).statusCode).toBe(303);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await attempt('tidak.ada', 'salah sekali katanya', '10.0.0.3');
    const wrong = await attempt('tutik', 'salah sekali katanya', '10.0.0.3');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toContain('Nama pengguna atau kata sandi salah.');
    expect(wrong.body).toContain('Nama pengguna atau kata sandi salah.');
    expect(wrong.body).toContain('value="tutik"');
  });

  it('throttles an account after 5 failures, even from other addresses and with the right password', async () => {
    await insertUser(t.db, 'target', 'operator-desa', DESA_A);
    for (let i = 0; i < 5; i++)
      expect((await attempt('target', `tebakan salah ke-${i}`, `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await attempt('target', PASSWORD, '10.1.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toMatch(/Terlalu banyak percobaan masuk yang gagal\. Coba lagi dalam \d+ menit\./);
    expect(cookieFrom(blocked, 'balai_sesi')).toBeUndefined();
    // other accounts are not affected
    expect((await attempt('sri', PASSWORD, '10.1.0.98')).statusCode).toBe(303);
  });

  it('throttles an address after 20 failures across accounts', async () => {
    for (let i = 0; i < 20; i++) await attempt(`coba${i}`, 'tebakan salah sekali', '10.2.0.1');
    const blocked = await attempt('sri', PASSWORD, '10.2.0.1');
    expect(blocked.statusCode).toBe(429);
    expect((await attempt('sri', PASSWORD, '10.2.0.2')).statusCode).toBe(303);
  });

  it('refuses a login without the site origin (login CSRF)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/masuk',
      headers: { origin: 'https://evil.example', host: 'localhost' },
      payload: { username: 'sri', sandi: PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(cookieFrom(res, 'balai_sesi')).toBeUndefined();
  });

  it('keeps the return path after login but never sends people off-site', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/desa/33.17.09.2001' });
    expect(res.headers.location).toBe('/masuk?lanjut=%2Fdesa%2F33.17.09.2001');
    const ok = await postForm(t.app, '/masuk', null, {
      username: 'sri',
      sandi: PASSWORD,
      lanjut: '/desa/33.17.09.2001',
    });
    expect(ok.headers.location).toBe('/desa/33.17.09.2001');
    const evil = await postForm(t.app, '/masuk', null, {
      username: 'sri',
      sandi: PASSWORD,
      lanjut: '//evil.example/x',
    });
    expect(evil.headers.location).toBe('/');
  });

  it('refuses a disabled account with a clear message', async () => {
    await t.db.updateTable('pengguna').set({ aktif: 0 }).where('username', '=', 'tutik').execute();
    const res = await attempt('tutik', PASSWORD, '10.3.0.1');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Akun ini dinonaktifkan');
  });
});
