import { beforeAll, describe, expect, it } from 'vitest';
import { aturLayanan } from '#src/features/mandiri/mandiri-desa.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { get, login, ORIGIN, postForm, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, insertFamily, insertUser, makeNik, PASSWORD } from '../../../tests/support/builders.js';
import { wargaAccount, wargaLogin } from '../../../tests/support/warga.js';
import { aktifkanAkun } from './warga-akun.service.js';

const masuk = (t: ReturnType<typeof useTestApp>, nik: string, pin: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/layanan-mandiri/masuk',
    headers: { origin: ORIGIN, host: 'localhost' },
    remoteAddress: ip,
    payload: { nik, pin },
  });

describe('layanan mandiri: resident login', () => {
  const t = useTestApp();
  const nik = makeNik('1985-08-17', 1, '331709');
  const nikMati = makeNik('1950-01-01', 1, '331709');
  const nikTanpaAkun = makeNik('1991-03-03', 2, '331709');
  let pendudukId: number;
  let matiId: number;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    pendudukId = (await insertFamily(t.db, DESA_A, { nama: 'Siti Warga', tanggallahir: '1985-08-17', sex: 1, nik }))
      .kepalaId;
    matiId = (await insertFamily(t.db, DESA_A, { nama: 'Alm Warga', tanggallahir: '1950-01-01', sex: 1, nik: nikMati }))
      .kepalaId;
    await insertFamily(t.db, DESA_A, { nama: 'Tanpa Akun', tanggallahir: '1991-03-03', sex: 2, nik: nikTanpaAkun });
    await wargaAccount(t.db, pendudukId, '482915');
    await wargaAccount(t.db, matiId, '482915');
    await t.db.updateTable('penduduk').set({ status_dasar: 2 }).where('id', '=', matiId).execute();
  });

  it('logs a living resident in with NIK + PIN: 302 to the resident page, which then shows their name', async () => {
    const res = await masuk(t, nik, '482915', '10.0.1.1');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/layanan-mandiri');
    const s = await wargaLogin(t.app, nik, '482915');
    const home = await get(t.app, '/layanan-mandiri', s);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Siti Warga');
    expect(home.body).not.toContain(nik);
  });

  it('answers a wrong PIN, a dead resident, an unknown NIK and a NIK without account with the same words', async () => {
    const bodies: string[] = [];
    for (const [n, pin] of [
      [nik, '000111'],
      [nikMati, '482915'],
      [makeNik('1999-09-09', 1, '331709'), '482915'],
      [nikTanpaAkun, '482915'],
    ] as const) {
      const res = await masuk(t, n, pin, '10.0.2.1');
      expect(res.statusCode).toBe(401);
      expect(res.headers['set-cookie'] ?? '').not.toContain('balai_warga=');
      const msg = /<div class="error-summary" role="alert"><p>([^<]+)<\/p>/.exec(res.body)?.[1];
      bodies.push(msg ?? '');
      expect(res.body).not.toContain('482915');
    }
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain('NIK atau PIN tidak cocok');
  });

  it('refuses badly formed input with a clear message and no session', async () => {
    const res = await masuk(t, '12345', '12', '10.0.3.1');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('NIK terdiri dari 16 angka');
  });

  it('locks a NIK after five wrong PINs in a row, even the right PIN, with a clear message', async () => {
    await t.db.deleteFrom('percobaan_masuk').execute();
    for (let i = 0; i < 4; i++) expect((await masuk(t, nik, '135790', `10.0.4.${i}`)).statusCode).toBe(401);
    const fifth = await masuk(t, nik, '135790', '10.0.4.9');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.body).toContain('Terlalu banyak percobaan');
    const right = await masuk(t, nik, '482915', '10.0.4.10');
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    // the attempts table keeps a hash, not the NIK
    const keys = await t.db.selectFrom('percobaan_masuk').select('kunci').execute();
    expect(keys.some((k) => k.kunci.includes(nik))).toBe(false);
    await t.db.deleteFrom('percobaan_masuk').execute();
  });

  it('locks NIKs that have no account the same way (no hint whether a NIK exists)', async () => {
    const unknown = makeNik('1977-07-07', 1, '331709');
    for (let i = 0; i < 4; i++) await masuk(t, unknown, '135790', `10.0.5.${i}`);
    expect((await masuk(t, unknown, '135790', '10.0.5.9')).statusCode).toBe(429);
    await t.db.deleteFrom('percobaan_masuk').execute();
  });

  it('refuses everyone of a desa whose service is switched off, and ends open sessions', async () => {
    const s = await wargaLogin(t.app, nik, '482915');
    await aturLayanan(t.db, DESA_A, false, 'uji');
    expect((await masuk(t, nik, '482915', '10.0.6.1')).statusCode).toBe(401);
    const page = await get(t.app, '/layanan-mandiri', s);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toContain('/layanan-mandiri/masuk');
    await aturLayanan(t.db, DESA_A, true, 'uji');
    expect((await masuk(t, nik, '482915', '10.0.6.2')).statusCode).toBe(302);
  });

  it('ends the session of a resident recorded dead meanwhile', async () => {
    const other = makeNik('1988-02-02', 2, '331709');
    const id = (
      await insertFamily(t.db, DESA_A, { nama: 'Akan Pindah', tanggallahir: '1988-02-02', sex: 2, nik: other })
    ).kepalaId;
    await wargaAccount(t.db, id, '482915');
    const s = await wargaLogin(t.app, other, '482915');
    expect((await get(t.app, '/layanan-mandiri', s)).statusCode).toBe(200);
    await t.db.updateTable('penduduk').set({ status_dasar: 3 }).where('id', '=', id).execute();
    expect((await get(t.app, '/layanan-mandiri', s)).statusCode).toBe(303);
  });

  it('forces a PIN change after activation, refuses weak PINs, then lets the resident in', async () => {
    const n = makeNik('1979-04-04', 1, '331709');
    const id = (await insertFamily(t.db, DESA_A, { nama: 'Baru Aktif', tanggallahir: '1979-04-04', sex: 1, nik: n }))
      .kepalaId;
    const { pin } = await aktifkanAkun(t.db, systemActor('uji'), id, DESA_A);
    const stored = await t.db
      .selectFrom('warga_akun')
      .select('pin_hash')
      .where('penduduk_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.pin_hash.startsWith('$argon2id$')).toBe(true);
    expect(stored.pin_hash).not.toContain(pin);
    const s = await wargaLogin(t.app, n, pin);
    const home = await get(t.app, '/layanan-mandiri', s);
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/layanan-mandiri/pin');
    const weak = await postForm(t.app, '/layanan-mandiri/pin', s, {
      pin_lama: pin,
      pin_baru: '040479',
      ulangi: '040479',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('terlalu mudah ditebak');
    const wrongOld = await postForm(t.app, '/layanan-mandiri/pin', s, {
      pin_lama: '999999',
      pin_baru: '583017',
      ulangi: '583017',
    });
    expect(wrongOld.statusCode).toBe(400);
    const noCsrf = await postForm(
      t.app,
      '/layanan-mandiri/pin',
      { ...s, csrf: 'salah' },
      { pin_lama: pin, pin_baru: '583017', ulangi: '583017' },
    );
    expect(noCsrf.statusCode).toBe(403);
    const ok = await postForm(t.app, '/layanan-mandiri/pin', s, {
      pin_lama: pin,
      pin_baru: '583017',
      ulangi: '583017',
    });
    expect(ok.statusCode).toBe(303);
    expect((await get(t.app, '/layanan-mandiri', s)).statusCode).toBe(200);
    expect((await masuk(t, n, pin, '10.0.7.1')).statusCode).toBe(401);
    expect((await masuk(t, n, '583017', '10.0.7.2')).statusCode).toBe(302);
  });

  it('lets the office activate accounts of its own desa only, showing the PIN once, and audits it', async () => {
    await insertUser(t.db, 'op.mandiri', 'operator-desa', DESA_A);
    await insertUser(t.db, 'web.mandiri', 'editor-web', DESA_A);
    const op = await login(t.app, 'op.mandiri', PASSWORD);
    const n = makeNik('1982-05-05', 2, '331709');
    const id = (
      await insertFamily(t.db, DESA_A, { nama: 'Diaktifkan Operator', tanggallahir: '1982-05-05', sex: 2, nik: n })
    ).kepalaId;
    const list = await get(t.app, `/desa/${DESA_A}/mandiri?q=diaktifkan`, op);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Diaktifkan Operator');
    expect(list.body).not.toContain(n);
    const res = await postForm(t.app, `/desa/${DESA_A}/mandiri`, op, { intent: 'aktifkan', penduduk_id: String(id) });
    expect(res.statusCode).toBe(200);
    const pin = /data-pin="(\d{6})"/.exec(res.body)?.[1];
    expect(pin).toMatch(/^\d{6}$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await masuk(t, n, pin as string, '10.0.8.1')).statusCode).toBe(302);
    const trail = await t.db
      .selectFrom('audit_log')
      .select(['aksi', 'username'])
      .where('entitas', '=', 'warga_akun')
      .execute();
    expect(trail).toContainEqual({ aksi: 'aktifkan', username: 'op.mandiri' });
    // another desa's resident, and a role without manage:mandiri
    const otherDesa = await postForm(t.app, '/desa/33.17.09.2002/mandiri', op, {
      intent: 'aktifkan',
      penduduk_id: String(id),
    });
    expect(otherDesa.statusCode).toBe(404);
    const web = await login(t.app, 'web.mandiri', PASSWORD);
    expect((await get(t.app, `/desa/${DESA_A}/mandiri`, web)).statusCode).toBe(403);
  });

  it('refuses to activate a dead resident', async () => {
    await expect(aktifkanAkun(t.db, systemActor('uji'), matiId, DESA_A)).rejects.toMatchObject({ status: 400 });
  });
});
