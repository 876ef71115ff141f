import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/lib/audit/audit.js';
import { cookieFrom, csrfFrom, login, ORIGIN, postForm, useTestApp } from '../../../tests/support/app.js';
import {
  activate,
  DESA_A,
  DESA_B,
  insertFamily,
  insertUser,
  makeNik,
  PASSWORD,
} from '../../../tests/support/builders.js';
import { wargaAccount } from '../../../tests/support/warga.js';
import { daftarkanKartu } from './anjungan-masuk.service.js';
import { pasangAnjungan, tambahAnjungan } from './anjungan-perangkat.service.js';

/** Sign-in at a kiosk (card tap as the USB reader types it, or NIK) + PIN, card registration, idle end. */
describe('anjungan: resident sign-in at a kiosk', () => {
  const t = useTestApp();
  const nikA = makeNik('1984-04-04', 1, '331709');
  const nikA2 = makeNik('1986-06-06', 2, '331709');
  const nikB = makeNik('1985-05-05', 2, '331709');
  const KARTU_A = '04A1B2C3D4E5F6';
  const KARTU_B = '04B0B0B0B0B0B0';
  let kioskA = '';
  let kioskAId = 0;
  let kioskB = '';
  let akunA = 0;

  const kiosk = async (desa: string, nama: string) => {
    const { id, kode } = await tambahAnjungan(t.db, systemActor('uji'), desa, nama);
    const r = await pasangAnjungan(t.db, kode, '127.0.0.1');
    if (!r.ok) throw new Error('pasang gagal');
    return { id, cookie: `balai_anjungan=${r.token}` };
  };
  const post = (cookie: string, url: string, payload: Record<string, string>, ip = '10.1.0.1') =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { origin: ORIGIN, host: 'localhost', cookie },
      remoteAddress: ip,
      payload,
    });
  const getK = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  /** tap (the reader types the UID + Enter: a form POST), then the PIN pad */
  const tapPin = async (cookie: string, uid: string, pin: string, ip = '10.1.0.1') => {
    const tap = await post(cookie, '/anjungan/kartu', { uid }, ip);
    expect(tap.statusCode).toBe(200);
    const hidden = /name="uid" value="([^"]+)"/.exec(tap.body)?.[1] as string;
    return post(cookie, '/anjungan/pin', { uid: hidden, pin }, ip);
  };
  const both = (kioskCookie: string, res: { headers: Record<string, unknown> }) =>
    `${kioskCookie}; balai_warga=${cookieFrom(res as never, 'balai_warga')}`;
  const pesan = (body: string) => /<div class="error-summary" role="alert"><p>([^<]+)<\/p>/.exec(body)?.[1] ?? '';

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    const a = await insertFamily(t.db, DESA_A, {
      nama: 'Budi Anjungan',
      tanggallahir: '1984-04-04',
      sex: 1,
      nik: nikA,
    });
    const a2 = await insertFamily(t.db, DESA_A, {
      nama: 'Sri Anjungan',
      tanggallahir: '1986-06-06',
      sex: 2,
      nik: nikA2,
    });
    const b = await insertFamily(t.db, DESA_B, {
      nama: 'Warga Tetangga',
      tanggallahir: '1985-05-05',
      sex: 2,
      nik: nikB,
    });
    akunA = (await wargaAccount(t.db, a.kepalaId, '482915')).akunId;
    await wargaAccount(t.db, a2.kepalaId, '482915');
    const akunB = (await wargaAccount(t.db, b.kepalaId, '482915')).akunId;
    await daftarkanKartu(t.db, akunA, KARTU_A);
    await daftarkanKartu(t.db, akunB, KARTU_B);
    const ka = await kiosk(DESA_A, 'Anjungan A');
    kioskA = ka.cookie;
    kioskAId = ka.id;
    kioskB = (await kiosk(DESA_B, 'Anjungan B')).cookie;
    await insertUser(t.db, 'admin.kartu', 'admin-desa', DESA_A);
  });

  it('signs a resident in by card tap + PIN, whatever separators the reader types, into a 3-minute kiosk session', async () => {
    const res = await tapPin(kioskA, ' 04:a1:b2:c3:d4:e5:f6\n', '482915');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/anjungan/layanan');
    const cookie = both(kioskA, res);
    const menu = await getK(cookie, '/anjungan/layanan');
    expect(menu.statusCode).toBe(200);
    expect(menu.body).toContain('Budi Anjungan');
    expect(menu.body).toContain('/layanan-mandiri/surat');
    expect(menu.body).not.toContain(nikA);
    const sesi = await t.db.selectFrom('warga_sesi').selectAll().where('anjungan_id', '=', kioskAId).execute();
    expect(sesi).toHaveLength(1);
    const s = sesi[0] as (typeof sesi)[number];
    expect(Date.parse(s.kedaluwarsa_pada) - Date.parse(s.dibuat_pada)).toBe(3 * 60_000);
    // the kiosk session cookie is a browser-session cookie (no Max-Age): closing the browser ends it too
    expect(String([res.headers['set-cookie']].flat().find((c) => String(c).startsWith('balai_warga=')))).not.toMatch(
      /Max-Age/i,
    );
  });

  it("refuses desa B's card and NIK at desa A's kiosk, an unknown card and a wrong PIN with the same words", async () => {
    const msgs: string[] = [];
    for (const [uid, pin] of [
      [KARTU_B, '482915'],
      ['0499999999999999', '482915'],
      [KARTU_A, '000111'],
    ] as const) {
      const res = await tapPin(kioskA, uid, pin, '10.1.1.1');
      expect(res.statusCode).toBe(401);
      expect(cookieFrom(res, 'balai_warga')).toBeUndefined();
      msgs.push(pesan(res.body));
    }
    expect(new Set(msgs).size).toBe(1);
    expect(msgs[0]).toContain('tidak cocok');
    const nik = await post(kioskA, '/anjungan/nik', { nik: nikB, pin: '482915' }, '10.1.1.2');
    expect(nik.statusCode).toBe(401);
    expect(nik.body).not.toContain('Warga Tetangga');
    // desa B's own kiosk does know them
    expect((await tapPin(kioskB, KARTU_B, '482915', '10.1.1.3')).statusCode).toBe(303);
  });

  it('refuses an unreadable tap with a clear message', async () => {
    const res = await post(kioskA, '/anjungan/kartu', { uid: 'xx' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Kartu tidak terbaca');
  });

  it('locks a card after five wrong PINs, even the right PIN then', async () => {
    const uid = KARTU_A;
    await t.db.deleteFrom('percobaan_masuk').execute();
    for (let i = 0; i < 4; i++) expect((await tapPin(kioskA, uid, '135790', `10.1.2.${i}`)).statusCode).toBe(401);
    expect((await tapPin(kioskA, uid, '135790', '10.1.2.8')).statusCode).toBe(429);
    const right = await tapPin(kioskA, uid, '482915', '10.1.2.9');
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain('Terlalu banyak percobaan');
    await t.db.deleteFrom('percobaan_masuk').execute();
  });

  it('counts typos per kiosk, not per address: a queue of residents with typos does not lock the kiosk at 20', async () => {
    await t.db.deleteFrom('percobaan_masuk').execute();
    // 25 different cards with a wrong PIN, all from the kiosk's one address
    for (let i = 0; i < 25; i++) {
      const res = await tapPin(kioskA, `04C0FFEE${String(i).padStart(4, '0')}`, '135790', '10.1.9.9');
      expect(res.statusCode, `try ${i + 1}`).toBe(401);
    }
    const rows = await t.db.selectFrom('percobaan_masuk').select(['kunci', 'gagal']).execute();
    expect(rows.find((r) => r.kunci === `anjungan:${kioskAId}`)?.gagal).toBe(25);
    expect(rows.some((r) => r.kunci.startsWith('ip:'))).toBe(false);
    // the right PIN of a real card still works at this kiosk
    expect((await tapPin(kioskA, KARTU_A, '482915', '10.1.9.9')).statusCode).toBe(303);
    await t.db.deleteFrom('percobaan_masuk').execute();
  });

  it('lets a resident signed in with NIK + PIN register their card; a card of someone else is refused', async () => {
    const res = await post(kioskA, '/anjungan/nik', { nik: nikA2, pin: '482915' }, '10.1.3.1');
    expect(res.statusCode).toBe(303);
    const cookie = both(kioskA, res);
    const page = await getK(cookie, '/anjungan/kartu-saya');
    expect(page.statusCode).toBe(200);
    const csrf = csrfFrom(page.body) as string;
    // without the resident's CSRF token: refused
    expect((await post(cookie, '/anjungan/kartu-saya', { uid: '04C1C2C3C4C5C6' })).statusCode).toBe(403);
    const dipakai = await post(cookie, '/anjungan/kartu-saya', { _csrf: csrf, uid: '04-a1-b2-c3-d4-e5-f6' });
    expect(dipakai.statusCode).toBe(409);
    expect(dipakai.body).toContain('sudah terdaftar untuk warga lain');
    const ok = await post(cookie, '/anjungan/kartu-saya', { _csrf: csrf, uid: '04C1C2C3C4C5C6' });
    expect(ok.statusCode).toBe(303);
    const akun = await t.db
      .selectFrom('warga_akun as a')
      .innerJoin('penduduk as p', 'p.id', 'a.penduduk_id')
      .select('a.kartu_hash')
      .where('p.nik', '=', nikA2)
      .executeTakeFirstOrThrow();
    expect(akun.kartu_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(akun.kartu_hash).not.toContain('04C1C2');
    // and the new card now signs her in
    await post(cookie, '/anjungan/selesai', {});
    expect((await tapPin(kioskA, '04c1c2c3c4c5c6', '482915', '10.1.3.2')).statusCode).toBe(303);
  });

  it('lets the office unlink a card of its own desa only', async () => {
    const admin = await login(t.app, 'admin.kartu', PASSWORD);
    const luar = await postForm(t.app, `/desa/${DESA_A}/anjungan`, admin, { intent: 'lepas-kartu', nik: nikB });
    expect(luar.statusCode).toBe(400);
    expect(luar.body).not.toContain(nikB);
    const res = await postForm(t.app, `/desa/${DESA_A}/anjungan`, admin, { intent: 'lepas-kartu', nik: nikA2 });
    expect(res.statusCode).toBe(303);
    expect((await tapPin(kioskA, '04C1C2C3C4C5C6', '482915', '10.1.4.1')).statusCode).toBe(401);
    const b = await t.db
      .selectFrom('warga_akun as a')
      .innerJoin('penduduk as p', 'p.id', 'a.penduduk_id')
      .select('a.kartu_hash')
      .where('p.nik', '=', nikB)
      .executeTakeFirstOrThrow();
    expect(b.kartu_hash).not.toBeNull();
  });

  it('ends the resident session on idle (GET without JavaScript, POST from the button) and goes home', async () => {
    await t.db.deleteFrom('warga_sesi').where('anjungan_id', '=', kioskAId).execute();
    for (const method of ['GET', 'POST'] as const) {
      const res = await tapPin(kioskA, KARTU_A, '482915', '10.1.5.1');
      const cookie = both(kioskA, res);
      expect((await getK(cookie, '/anjungan/layanan')).statusCode).toBe(200);
      const end =
        method === 'GET' ? await getK(cookie, '/anjungan/selesai') : await post(cookie, '/anjungan/selesai', {});
      expect(end.statusCode).toBe(303);
      expect(end.headers.location).toBe('/anjungan');
      const after = await getK(cookie, '/anjungan/layanan');
      expect(after.statusCode).toBe(303);
      expect(after.headers.location).toBe('/anjungan');
    }
    expect(await t.db.selectFrom('warga_sesi').selectAll().where('anjungan_id', '=', kioskAId).execute()).toEqual([]);
    // without a device cookie, ending is refused like every kiosk page
    expect((await t.app.inject({ method: 'GET', url: '/anjungan/selesai' })).statusCode).toBe(403);
  });

  it('puts the idle timer and its no-JavaScript fallback on kiosk pages', async () => {
    const home = await getK(kioskA, '/anjungan');
    expect(home.body).toContain('data-idle="60"');
    expect(home.body).toMatch(/<noscript><meta http-equiv="refresh" content="60;url=\/anjungan"/);
    expect(home.body).toContain('inputmode="numeric"');
    expect(home.body).toMatch(/<input[^>]*name="uid"[^>]*autofocus/);
  });

  it('does not take a phone session as a kiosk session', async () => {
    const phone = await t.app.inject({
      method: 'POST',
      url: '/layanan-mandiri/masuk',
      headers: { origin: ORIGIN, host: 'localhost' },
      remoteAddress: '10.1.6.1',
      payload: { nik: nikA, pin: '482915' },
    });
    const cookie = both(kioskA, phone);
    const res = await getK(cookie, '/anjungan/layanan');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/anjungan');
  });
});
