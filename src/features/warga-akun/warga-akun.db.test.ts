import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beritahu } from '#src/features/notifikasi/notifikasi.service.js';
import { tutupEmail } from '#src/features/notifikasi/notifikasi-email.js';
import { follow, get, ORIGIN, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, insertFamily, makeNik } from '../../../tests/support/builders.js';
import { startSmtp } from '../../../tests/support/smtp.js';
import { wargaAccount, wargaLogin } from '../../../tests/support/warga.js';

// the SMTP server must listen before the app reads its env
const smtp = await startSmtp();

/** The resident's account page: email verification against a real local SMTP server, the single-use link. */
describe('warga akun: email verification and the account page', () => {
  const t = useTestApp({ BALAI_SMTP_URL: smtp.url, BALAI_SMTP_FROM: 'Layanan Desa <layanan@desa.uji>' });
  const nik = makeNik('1990-02-03', 2, '331709');
  const nikLain = makeNik('1991-04-05', 1, '331709');
  let s: Session;
  let lain: Session;
  let pendudukId: number;
  const tautan = (i: number) => {
    const text = smtp.text(smtp.received[i] as never);
    return /http:\/\/localhost\/layanan-mandiri\/email\?t=([A-Za-z0-9_-]+)/.exec(text)?.[1] as string;
  };
  const verifikasi = (token: string) =>
    t.app.inject({
      method: 'POST',
      url: '/layanan-mandiri/email',
      headers: { origin: ORIGIN, host: 'localhost' },
      payload: { t: token },
    });
  const akun = () =>
    t.db
      .selectFrom('warga_akun')
      .select(['email', 'email_terverifikasi'])
      .where('penduduk_id', '=', pendudukId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    pendudukId = (await insertFamily(t.db, DESA_A, { nama: 'Dewi Surel', tanggallahir: '1990-02-03', sex: 2, nik }))
      .kepalaId;
    const lainId = (
      await insertFamily(t.db, DESA_A, { nama: 'Eko Lain', tanggallahir: '1991-04-05', sex: 1, nik: nikLain })
    ).kepalaId;
    await wargaAccount(t.db, pendudukId);
    await wargaAccount(t.db, lainId);
    s = await wargaLogin(t.app, nik, '482915');
    lain = await wargaLogin(t.app, nikLain, '482915');
  });
  afterAll(async () => {
    tutupEmail();
    await smtp.close();
  });

  it('shows the account page with PIN link, no Telegram (off here) and the email form', async () => {
    const res = await get(t.app, '/layanan-mandiri/akun', s);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('href="/layanan-mandiri/pin"');
    expect(res.body).toContain('Bot Telegram belum disiapkan');
    expect(res.body).toContain('name="email"');
    expect(res.body).toContain('rel="manifest"');
    expect(res.body).not.toContain(nik);
    // Telegram is off: no code can be made
    expect((await postForm(t.app, '/layanan-mandiri/akun', s, { intent: 'telegram-kode' })).statusCode).toBe(400);
  });

  it('refuses a bad address with a field message and sends nothing', async () => {
    const res = await postForm(t.app, '/layanan-mandiri/akun', s, { intent: 'email', email: 'bukan email' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('aria-invalid="true"');
    expect(smtp.received).toHaveLength(0);
    expect((await akun()).email).toBeNull();
    // without the session's CSRF token: refused
    const noCsrf = await postForm(
      t.app,
      '/layanan-mandiri/akun',
      { ...s, csrf: 'salah' },
      { intent: 'email', email: 'x@y.id' },
    );
    expect(noCsrf.statusCode).toBe(403);
  });

  it('sends a verification link; the link verifies once, and only after pressing the button', async () => {
    const res = await postForm(t.app, '/layanan-mandiri/akun', s, { intent: 'email', email: 'Dewi@Contoh.ID' });
    expect(res.statusCode).toBe(303);
    expect((await follow(t.app, res, s)).body).toContain('Tautan verifikasi dikirim ke dewi@contoh.id');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual(['dewi@contoh.id']);
    expect(smtp.received[0]?.from).toBe('layanan@desa.uji');
    expect(smtp.received[0]?.raw).not.toContain(nik);
    expect(await akun()).toEqual({ email: 'dewi@contoh.id', email_terverifikasi: 0 });
    // not verified: no notification goes to it yet
    await beritahu(t.db, { jenis: 'pesan-warga', desaKode: DESA_A, pendudukId });
    expect(await t.db.selectFrom('notifikasi_keluar').selectAll().execute()).toHaveLength(0);

    const token = tautan(0);
    expect(token).toBeTruthy();
    // the token itself is not stored
    expect(JSON.stringify(await t.db.selectFrom('notifikasi_token').selectAll().execute())).not.toContain(token);
    const landing = await get(t.app, `/layanan-mandiri/email?t=${token}`);
    expect(landing.statusCode).toBe(200);
    expect(landing.body).toContain('Verifikasi email saya');
    expect((await akun()).email_terverifikasi).toBe(0);
    const ok = await verifikasi(token);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('sudah terverifikasi');
    expect(await akun()).toEqual({ email: 'dewi@contoh.id', email_terverifikasi: 1 });
    expect((await verifikasi(token)).statusCode).toBe(400);
    expect((await get(t.app, '/layanan-mandiri/akun', s)).body).toContain('Terverifikasi: dewi@contoh.id');
    await beritahu(t.db, { jenis: 'pesan-warga', desaKode: DESA_A, pendudukId });
    const rows = await t.db.selectFrom('notifikasi_keluar').selectAll().execute();
    expect(rows.map((r) => r.penerima)).toEqual(['dewi@contoh.id']);
  });

  it('refuses unknown, expired and stale links (address changed since)', async () => {
    expect((await verifikasi('x'.repeat(43))).statusCode).toBe(400);
    expect((await get(t.app, '/layanan-mandiri/email?t=<script>')).body).toContain('Tautan tidak dikenal');
    await postForm(t.app, '/layanan-mandiri/akun', lain, { intent: 'email', email: 'eko@contoh.id' });
    const first = tautan(smtp.received.length - 1);
    await postForm(t.app, '/layanan-mandiri/akun', lain, { intent: 'email', email: 'eko2@contoh.id' });
    const second = tautan(smtp.received.length - 1);
    // the first link was replaced by the second
    expect((await verifikasi(first)).statusCode).toBe(400);
    await t.db
      .updateTable('notifikasi_token')
      .set({ kedaluwarsa_pada: '2000-01-01T00:00:00.000Z' })
      .where('dipakai_pada', 'is', null)
      .execute();
    expect((await verifikasi(second)).statusCode).toBe(400);
    const eko = await t.db
      .selectFrom('warga_akun')
      .select(['email', 'email_terverifikasi'])
      .where('email', '=', 'eko2@contoh.id')
      .executeTakeFirstOrThrow();
    expect(eko.email_terverifikasi).toBe(0);
    // Dewi's verified address was never touched by Eko's links
    expect(await akun()).toEqual({ email: 'dewi@contoh.id', email_terverifikasi: 1 });
  });

  it('shows an SMTP refusal on the form and keeps the address unverified', async () => {
    smtp.reject('ditolak@contoh.id');
    const res = await postForm(t.app, '/layanan-mandiri/akun', lain, { intent: 'email', email: 'ditolak@contoh.id' });
    expect(res.statusCode).toBe(502);
    expect(res.body).toContain('Email gagal dikirim');
  });

  it('removes the email on request', async () => {
    const res = await postForm(t.app, '/layanan-mandiri/akun', s, { intent: 'email-hapus' });
    expect(res.statusCode).toBe(303);
    expect(await akun()).toEqual({ email: null, email_terverifikasi: 0 });
  });
});
