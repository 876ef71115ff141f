import { describe, expect, it } from 'vitest';
import { cookieFrom, get, ORIGIN, useTestApp } from '../../../tests/support/app.js';
import { createSetupLink } from './instalasi.service.js';

describe('first-time setup: no default password anywhere', () => {
  const t = useTestApp();
  const form = (token: string, payload: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: `/setup/${token}`, headers: { origin: ORIGIN, host: 'localhost' }, payload });
  const good = {
    kabupaten: '33.17',
    username: 'admin.rembang',
    nama: 'Admin Rembang',
    sandi: 'lautan biru di kaliori',
    sandi_ulang: 'lautan biru di kaliori',
  };

  it('an empty installation has no account and nobody can sign in', async () => {
    expect(await t.db.selectFrom('pengguna').selectAll().execute()).toEqual([]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/masuk',
      headers: { origin: ORIGIN, host: 'localhost' },
      payload: { username: 'admin', sandi: 'admin' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('creates the first kabupaten admin through a one-time link', async () => {
    const token = await createSetupLink(t.db);
    expect(token).toBeTruthy();
    const again = await createSetupLink(t.db);
    // a new start replaces the link: the old one stops working
    expect((await get(t.app, `/setup/${token}`)).statusCode).toBe(404);
    const page = await get(t.app, `/setup/${again}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kabupaten Rembang (Jawa Tengah)');

    const weak = await form(again ?? '', { ...good, sandi: 'admin12345', sandi_ulang: 'admin12345' });
    expect(weak.statusCode).toBe(400);
    const notKab = await form(again ?? '', { ...good, kabupaten: '33.17.09' });
    expect(notKab.statusCode).toBe(400);
    expect(notKab.body).toContain('kode kabupaten/kota');
    expect(await t.db.selectFrom('pengguna').selectAll().execute()).toEqual([]);

    const done = await form(again ?? '', good);
    expect(done.statusCode).toBe(303);
    expect(cookieFrom(done, 'balai_sesi')).toBeTruthy();
    const user = await t.db
      .selectFrom('pengguna')
      .innerJoin('peran_pengguna as p', 'p.pengguna_id', 'pengguna.id')
      .select(['username', 'p.peran', 'p.lingkup_kode'])
      .execute();
    expect(user).toEqual([{ username: 'admin.rembang', peran: 'admin-kabupaten', lingkup_kode: '33.17' }]);
    const setting = await t.db
      .selectFrom('pengaturan')
      .select('nilai')
      .where('kunci', '=', 'kabupaten_kode')
      .executeTakeFirst();
    expect(setting?.nilai).toBe('33.17');

    // the link works once, and no new link is made once an account exists
    expect((await form(again ?? '', { ...good, username: 'kedua' })).statusCode).toBe(404);
    expect(await createSetupLink(t.db)).toBeNull();
  });
});
