import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tutupEmail } from '#src/features/notifikasi/notifikasi-email.js';
import { get, ORIGIN, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, insertFamily, makeNik } from '../../../tests/support/builders.js';
import { startSmtp } from '../../../tests/support/smtp.js';
import { wargaAccount, wargaLogin } from '../../../tests/support/warga.js';

const smtp = await startSmtp();

/** Forgotten PIN by email: only to a verified address, the same answer for every NIK, a single-use link. */
describe('lupa PIN lewat email', () => {
  const t = useTestApp({ BALAI_SMTP_URL: smtp.url });
  const nik = makeNik('1986-07-08', 2, '331709');
  const nikBelum = makeNik('1987-09-10', 1, '331709');
  const nikTanpa = makeNik('1999-01-01', 1, '331709');
  let s: Session;

  const post = (url: string, payload: Record<string, string>, ip = '10.9.0.1') =>
    t.app.inject({ method: 'POST', url, headers: { origin: ORIGIN, host: 'localhost' }, remoteAddress: ip, payload });
  const tunggu = async (n: number) => {
    for (let i = 0; i < 100 && smtp.received.length < n; i++) await new Promise((r) => setTimeout(r, 20));
  };
  const tautan = (i: number) =>
    /\/layanan-mandiri\/lupa-pin\/atur\?t=([A-Za-z0-9_-]+)/.exec(smtp.text(smtp.received[i] as never))?.[1] as string;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    const a = (await insertFamily(t.db, DESA_A, { nama: 'Lupa Sekali', tanggallahir: '1986-07-08', sex: 2, nik }))
      .kepalaId;
    const b = (
      await insertFamily(t.db, DESA_A, { nama: 'Belum Verif', tanggallahir: '1987-09-10', sex: 1, nik: nikBelum })
    ).kepalaId;
    await wargaAccount(t.db, a);
    await wargaAccount(t.db, b);
    await t.db
      .updateTable('warga_akun')
      .set({ email: 'lupa@contoh.id', email_terverifikasi: 1 })
      .where('penduduk_id', '=', a)
      .execute();
    await t.db
      .updateTable('warga_akun')
      .set({ email: 'belum@contoh.id', email_terverifikasi: 0 })
      .where('penduduk_id', '=', b)
      .execute();
    s = await wargaLogin(t.app, nik, '482915');
  });
  afterAll(async () => {
    tutupEmail();
    await smtp.close();
  });

  it('answers every NIK the same; mails only a verified address', async () => {
    expect((await get(t.app, '/layanan-mandiri/lupa-pin')).statusCode).toBe(200);
    expect((await post('/layanan-mandiri/lupa-pin', { nik: '123' })).statusCode).toBe(400);
    const bodies: string[] = [];
    for (const n of [nikTanpa, nikBelum, nik]) {
      const res = await post('/layanan-mandiri/lupa-pin', { nik: n });
      expect(res.statusCode).toBe(200);
      bodies.push(/<p class="notice" role="status">([^<]+)</.exec(res.body)?.[1] ?? '');
      expect(res.body).not.toContain(n);
    }
    expect(new Set(bodies).size).toBe(1);
    await tunggu(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.received.map((m) => m.to)).toEqual([['lupa@contoh.id']]);
    expect(smtp.received[0]?.raw).not.toContain(nik);
  });

  it('lets the link set a new PIN once: weak or mismatched PINs do not use it up; sessions end', async () => {
    const token = tautan(0);
    const form = await get(t.app, `/layanan-mandiri/lupa-pin/atur?t=${token}`);
    expect(form.body).toContain('name="pin_baru"');
    const lemah = await post('/layanan-mandiri/lupa-pin/atur', { t: token, pin_baru: '123456', ulangi: '123456' });
    expect(lemah.statusCode).toBe(400);
    const beda = await post('/layanan-mandiri/lupa-pin/atur', { t: token, pin_baru: '593028', ulangi: '593029' });
    expect(beda.statusCode).toBe(400);
    const ok = await post('/layanan-mandiri/lupa-pin/atur', { t: token, pin_baru: '593028', ulangi: '593028' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/layanan-mandiri/masuk');
    expect((await get(t.app, '/layanan-mandiri', s)).statusCode).toBe(303);
    const baru = await wargaLogin(t.app, nik, '593028');
    expect((await get(t.app, '/layanan-mandiri', baru)).statusCode).toBe(200);
    const again = await post('/layanan-mandiri/lupa-pin/atur', { t: token, pin_baru: '604139', ulangi: '604139' });
    expect(again.statusCode).toBe(400);
    expect((await get(t.app, `/layanan-mandiri/lupa-pin/atur?t=${token}`)).body).not.toContain('name="pin_baru"');
    const audit = await t.db.selectFrom('audit_log').select('alasan').where('aksi', '=', 'lupa-pin').execute();
    expect(audit).toEqual([{ alasan: 'PIN baru lewat tautan email' }]);
  });

  it('limits requests per NIK', async () => {
    const n = makeNik('1970-02-02', 1, '331709');
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await post('/layanan-mandiri/lupa-pin', { nik: n }, `10.9.1.${i}`)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
  });
});
