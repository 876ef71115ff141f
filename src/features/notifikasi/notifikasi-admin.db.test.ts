import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follow, get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertFamily, insertUser, PASSWORD } from '../../../tests/support/builders.js';
import { startTelegramStandIn } from '../../../tests/support/telegram-standin.js';
import { beritahu } from './notifikasi.service.js';

const tg = await startTelegramStandIn();
const SECRET = 'rahasia-webhook-admin-0123456789';

/** /desa/{kode}/notifikasi: per-desa wording, placeholder checks, tenancy, and a staff member's Telegram link. */
describe('notifikasi: the desa page of message templates', () => {
  const t = useTestApp({
    BALAI_TELEGRAM_TOKEN: '77:admin',
    BALAI_TELEGRAM_API: tg.url,
    BALAI_TELEGRAM_WEBHOOK_SECRET: SECRET,
  });
  const page = `/desa/${DESA_A}/notifikasi`;
  let admin: Session;
  let operatorB: Session;
  let sekdes: Session;
  let adminId: number;
  let pendudukId: number;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    adminId = await insertUser(t.db, 'admin.notif', 'admin-desa', DESA_A);
    await insertUser(t.db, 'op.notif.b', 'operator-desa', DESA_B);
    await insertUser(t.db, 'sekdes.notif', 'sekretaris-desa', DESA_A);
    admin = await login(t.app, 'admin.notif', PASSWORD);
    operatorB = await login(t.app, 'op.notif.b', PASSWORD);
    sekdes = await login(t.app, 'sekdes.notif', PASSWORD);
    pendudukId = (await insertFamily(t.db, DESA_A, { nama: 'Warga Templat', tanggallahir: '1980-01-02', sex: 1 }))
      .kepalaId;
    await t.db
      .insertInto('warga_akun')
      .values({
        penduduk_id: pendudukId,
        pin_hash: 'x',
        harus_ganti_pin: 0,
        aktif: 1,
        kartu_hash: null,
        telegram_chat_id: '808',
        email: null,
        email_terverifikasi: 0,
        dibuat_oleh: 'uji',
        dibuat_pada: new Date().toISOString(),
        diperbarui_pada: new Date().toISOString(),
        terakhir_masuk: null,
      })
      .execute();
  });
  afterAll(() => tg.close());

  it('shows the defaults and the channels to the desa admin; not to another desa, not without manage:mandiri', async () => {
    const res = await get(t.app, page, admin);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Kanal aktif: Telegram ya, email tidak.');
    expect(res.body).toContain('Status permohonan berubah (ke warga)');
    expect((await get(t.app, page, operatorB)).statusCode).toBe(404);
    expect((await get(t.app, page, sekdes)).statusCode).toBe(403);
    expect((await postForm(t.app, page, operatorB, { intent: 'bawaan', jenis: 'pesan-warga' })).statusCode).toBe(404);
  });

  it('refuses an unknown placeholder and an empty text, saving nothing', async () => {
    const typo = await postForm(t.app, page, admin, {
      intent: 'simpan',
      jenis: 'pesan-warga',
      subjek: 'Balasan',
      teks: 'Halo {nmaa}',
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.body).toContain('Tempat isian tidak dikenal: nmaa');
    const kosong = await postForm(t.app, page, admin, {
      intent: 'simpan',
      jenis: 'pesan-warga',
      subjek: 'Balasan',
      teks: '  ',
    });
    expect(kosong.statusCode).toBe(400);
    const asing = await postForm(t.app, page, admin, { intent: 'simpan', jenis: 'lain', subjek: 'a', teks: 'b' });
    expect(asing.statusCode).toBe(400);
    expect(await t.db.selectFrom('notifikasi_templat').selectAll().execute()).toEqual([]);
  });

  it("saves the desa's wording (audited), uses it, and goes back to the default", async () => {
    const res = await postForm(t.app, page, admin, {
      intent: 'simpan',
      jenis: 'pesan-warga',
      subjek: 'Balasan dari {desa}',
      teks: 'Sugeng, {nama}! Ada balasan dari {desa}.',
    });
    expect(res.statusCode).toBe(303);
    expect((await follow(t.app, res, admin)).body).toContain('diubah untuk desa ini');
    await beritahu(t.db, { jenis: 'pesan-warga', desaKode: DESA_A, pendudukId });
    const row = await t.db.selectFrom('notifikasi_keluar').selectAll().executeTakeFirstOrThrow();
    expect(row.teks).toMatch(/^Sugeng, Warga Templat! Ada balasan dari Desa /);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['aksi', 'desa_kode'])
      .where('entitas', '=', 'notifikasi')
      .execute();
    expect(audit).toEqual([{ aksi: 'ubah-templat', desa_kode: DESA_A }]);
    expect((await postForm(t.app, page, admin, { intent: 'bawaan', jenis: 'pesan-warga' })).statusCode).toBe(303);
    expect(await t.db.selectFrom('notifikasi_templat').selectAll().execute()).toEqual([]);
  });

  it("links a staff member's Telegram with a code from this page; new requests then reach that chat", async () => {
    const res = await postForm(t.app, page, admin, { intent: 'telegram-kode' });
    expect(res.statusCode).toBe(200);
    const kode = /data-kode="([A-Z2-9]{8})"/.exec(res.body)?.[1] as string;
    expect(kode).toBeTruthy();
    await t.app.inject({
      method: 'POST',
      url: '/telegram/webhook',
      headers: { 'x-telegram-bot-api-secret-token': SECRET },
      payload: {
        update_id: 1,
        message: { message_id: 1, chat: { id: 4321, type: 'private' }, text: `/start ${kode}` },
      },
    });
    expect(tg.to('4321').at(-1)?.text).toContain('permohonan baru dari warga');
    const link = await t.db.selectFrom('pengguna_telegram').selectAll().executeTakeFirstOrThrow();
    expect(link).toMatchObject({ pengguna_id: adminId, chat_id: '4321' });
    await t.db.deleteFrom('notifikasi_keluar').execute();
    await beritahu(t.db, { jenis: 'permohonan-baru', desaKode: DESA_A, permohonanId: 3, jenisSurat: 'SKD' });
    const rows = await t.db.selectFrom('notifikasi_keluar').select(['kanal', 'penerima']).execute();
    expect(rows).toEqual([{ kanal: 'telegram', penerima: '4321' }]);
    // a staff chat is not a resident: resident commands answer with the linking help
    await t.app.inject({
      method: 'POST',
      url: '/telegram/webhook',
      headers: { 'x-telegram-bot-api-secret-token': SECRET },
      payload: { update_id: 2, message: { message_id: 2, chat: { id: 4321, type: 'private' }, text: '/pin' } },
    });
    expect(tg.to('4321').at(-1)?.text).toContain('belum terhubung');
  });
});
