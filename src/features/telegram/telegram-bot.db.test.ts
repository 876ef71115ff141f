import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureJenisBawaan } from '#src/features/surat/surat-jenis.service.js';
import { get, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, insertFamily, makeNik } from '../../../tests/support/builders.js';
import { startTelegramStandIn } from '../../../tests/support/telegram-standin.js';
import { wargaAccount, wargaLogin } from '../../../tests/support/warga.js';
import { BELUM_TERHUBUNG } from './telegram-bot.js';

// the stand-in must listen before the app reads its env
const tg = await startTelegramStandIn();
const SECRET = 'rahasia-webhook-uji-0123456789';

/** The bot against a local Bot API stand-in: linking with a one-time code, status, contacts, a new PIN. */
describe('telegram bot: webhook, linking, status query, forgotten PIN', () => {
  const t = useTestApp({
    BALAI_TELEGRAM_TOKEN: '4242:uji-bot',
    BALAI_TELEGRAM_API: tg.url,
    BALAI_TELEGRAM_WEBHOOK_SECRET: SECRET,
  });
  const nik = makeNik('1982-11-12', 2, '331709');
  const nikMati = makeNik('1940-01-01', 1, '331709');
  let pendudukId: number;
  let akunId: number;
  let s: Session;
  let matiAkun: number;
  let chatSeq = 9000;
  let pinBaru = '';

  const kirim = (chatId: string, text: string, opts: { secret?: string | null; type?: string } = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/telegram/webhook',
      headers: {
        'content-type': 'application/json',
        ...(opts.secret === null ? {} : { 'x-telegram-bot-api-secret-token': opts.secret ?? SECRET }),
      },
      payload: {
        update_id: chatSeq++,
        message: { message_id: 1, chat: { id: Number(chatId), type: opts.type ?? 'private' }, text },
      },
    });
  /** the last reply the bot sent to a chat */
  const balasan = (chatId: string) => tg.to(chatId).at(-1)?.text ?? '';
  const buatKode = async (session: Session) => {
    const res = await postForm(t.app, '/layanan-mandiri/akun', session, { intent: 'telegram-kode' });
    expect(res.statusCode).toBe(200);
    const kode = /data-kode="([A-Z2-9]{8})"/.exec(res.body)?.[1];
    expect(kode).toBeDefined();
    return kode as string;
  };

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await ensureJenisBawaan(t.db);
    await t.db
      .updateTable('desa')
      .set({ alamat: 'Jl. Balai Desa 1', telepon: '0295 123456' })
      .where('kode', '=', DESA_A)
      .execute();
    pendudukId = (await insertFamily(t.db, DESA_A, { nama: 'Ani Telegram', tanggallahir: '1982-11-12', sex: 2, nik }))
      .kepalaId;
    akunId = (await wargaAccount(t.db, pendudukId, '482915')).akunId;
    const mati = (
      await insertFamily(t.db, DESA_A, { nama: 'Alm Telegram', tanggallahir: '1940-01-01', sex: 1, nik: nikMati })
    ).kepalaId;
    matiAkun = (await wargaAccount(t.db, mati, '482915')).akunId;
    await t.db.updateTable('warga_akun').set({ telegram_chat_id: '666' }).where('id', '=', matiAkun).execute();
    await t.db.updateTable('penduduk').set({ status_dasar: 2 }).where('id', '=', mati).execute();
    s = await wargaLogin(t.app, nik, '482915');
  });
  afterAll(() => tg.close());

  it('refuses calls without the secret header or with a wrong one, and answers nothing', async () => {
    const before = tg.calls.length;
    expect((await kirim('111', '/status', { secret: null })).statusCode).toBe(403);
    expect((await kirim('111', '/status', { secret: 'salah-rahasia-0123456789' })).statusCode).toBe(403);
    expect((await kirim('111', '/status', { secret: `${SECRET}x` })).statusCode).toBe(403);
    expect(tg.calls.length).toBe(before);
  });

  it('tells an unlinked chat how to link, and resets no PIN for it', async () => {
    expect((await kirim('111', '/pin')).statusCode).toBe(200);
    expect(balasan('111')).toBe(BELUM_TERHUBUNG);
    expect((await kirim('111', '/status')).statusCode).toBe(200);
    expect(balasan('111')).toBe(BELUM_TERHUBUNG);
    expect(balasan('111')).not.toMatch(/\d{6}/);
  });

  it('links the chat with a one-time code from the account page; the code works once and only 10 minutes', async () => {
    const page = await get(t.app, '/layanan-mandiri/akun', s);
    expect(page.body).toContain('Buat kode Telegram');
    const kode = await buatKode(s);
    await kirim('222', `/start ${kode}`);
    expect(balasan('222')).toContain('Terhubung. Halo Ani Telegram');
    const akun = await t.db
      .selectFrom('warga_akun')
      .select('telegram_chat_id')
      .where('id', '=', akunId)
      .executeTakeFirstOrThrow();
    expect(akun.telegram_chat_id).toBe('222');
    // used: another chat cannot take the account with it
    await kirim('333', kode);
    expect(balasan('333')).toContain('Kode tidak dikenal');
    // expired
    const kode2 = await buatKode(s);
    await t.db
      .updateTable('notifikasi_token')
      .set({ kedaluwarsa_pada: '2000-01-01T00:00:00.000Z' })
      .where('dipakai_pada', 'is', null)
      .execute();
    await kirim('333', kode2.toLowerCase());
    expect(balasan('333')).toContain('Kode tidak dikenal');
    expect(
      (
        await t.db
          .selectFrom('warga_akun')
          .select('telegram_chat_id')
          .where('id', '=', akunId)
          .executeTakeFirstOrThrow()
      ).telegram_chat_id,
    ).toBe('222');
    expect((await get(t.app, '/layanan-mandiri/akun', s)).body).toContain('terhubung ke Telegram');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('aksi')
      .where('entitas', '=', 'warga_akun')
      .where('entitas_id', '=', String(akunId))
      .execute();
    expect(audit.map((a) => a.aksi)).toContain('hubungkan-telegram');
  });

  it('answers "status surat" with the linked resident\'s own requests', async () => {
    await kirim('222', 'Status surat');
    expect(balasan('222')).toContain('belum punya permohonan');
    const jenis = await t.db
      .selectFrom('surat_jenis')
      .select(['id', 'nama'])
      .where('slug', '=', 'surat-keterangan-domisili')
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const { id } = await t.db
      .insertInto('permohonan_surat')
      .values({
        desa_kode: DESA_A,
        penduduk_id: pendudukId,
        akun_id: akunId,
        jenis_id: jenis.id,
        isian: JSON.stringify({}),
        status: 3,
        alasan: null,
        catatan: null,
        telepon: null,
        dokumen: JSON.stringify([]),
        tanggal_antrian: now.slice(0, 10),
        nomor_antrian: 1,
        surat_id: null,
        diproses_oleh: null,
        dibuat_pada: now,
        diperbarui_pada: now,
        diambil_pada: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await kirim('222', '/status@BalaiBot');
    expect(balasan('222')).toContain(`#${id} ${jenis.nama}`);
    expect(balasan('222')).toContain('siap diambil');
    expect(balasan('222')).not.toContain(nik);
  });

  it('gives the desa contacts and office hours', async () => {
    await kirim('222', '/kontak');
    expect(balasan('222')).toContain('Jl. Balai Desa 1');
    expect(balasan('222')).toContain('0295 123456');
    await kirim('222', '/jam');
    expect(balasan('222')).toContain('Jam layanan');
    await kirim('222', '/pengumuman');
    expect(balasan('222')).toContain('pengumuman');
  });

  it('sends a new PIN to the linked chat: forced change, sessions ended, audited; once per 10 minutes', async () => {
    await kirim('222', '/pin');
    const pin = /PIN baru Anda: (\d{6})/.exec(balasan('222'))?.[1];
    expect(pin).toBeDefined();
    pinBaru = pin as string;
    // the old session is gone, the old PIN no longer works, the new one does and must be changed
    const home = await get(t.app, '/layanan-mandiri', s);
    expect(home.statusCode).toBe(303);
    await expect(wargaLogin(t.app, nik, '482915')).rejects.toThrow();
    const akun = await t.db
      .selectFrom('warga_akun')
      .select('harus_ganti_pin')
      .where('id', '=', akunId)
      .executeTakeFirstOrThrow();
    expect(akun.harus_ganti_pin).toBe(1);
    const baru = await wargaLogin(t.app, nik, pin as string);
    expect((await get(t.app, '/layanan-mandiri', baru)).headers.location).toBe('/layanan-mandiri/pin');
    const row = await t.db
      .selectFrom('audit_log')
      .select(['aksi', 'alasan', 'perubahan'])
      .where('aksi', '=', 'lupa-pin')
      .executeTakeFirstOrThrow();
    expect(row.alasan).toContain('telegram');
    expect(JSON.stringify(row)).not.toContain(pin);
    await kirim('222', '/pin');
    expect(balasan('222')).toContain('Tunggu 10 menit');
    expect(tg.to('222').filter((c) => /PIN baru Anda/.test(c.text))).toHaveLength(1);
  });

  it("serves no one through a dead resident's linked chat, and ignores group chats", async () => {
    await kirim('666', '/pin');
    expect(balasan('666')).toBe(BELUM_TERHUBUNG);
    const before = tg.calls.length;
    expect((await kirim('222', '/status', { type: 'group' })).statusCode).toBe(200);
    expect(tg.calls.length).toBe(before);
  });

  it('limits how often one chat is answered', async () => {
    const before = tg.to('444').length;
    for (let i = 0; i < 30; i++) await kirim('444', '/jam');
    const got = tg.to('444').length - before;
    expect(got).toBe(21); // 20 answers, then one "too many" warning
    expect(balasan('444')).toContain('Terlalu banyak');
  });

  it('unlinks from the account page; the chat is then a stranger', async () => {
    const baru = await wargaLogin(t.app, nik, pinBaru);
    // the forced PIN change comes first
    const res = await postForm(t.app, '/layanan-mandiri/pin', baru, {
      pin_lama: pinBaru,
      pin_baru: '739164',
      ulangi: '739164',
    });
    expect(res.statusCode).toBe(303);
    const putus = await postForm(t.app, '/layanan-mandiri/akun', baru, { intent: 'telegram-putus' });
    expect(putus.statusCode).toBe(303);
    await kirim('222', '/status');
    expect(balasan('222')).toBe(BELUM_TERHUBUNG);
  });
});
