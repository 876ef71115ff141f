import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '#src/env.js';
import { GagalPermanen } from '#src/features/telegram/telegram-api.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { SIXTEEN_DIGITS, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertFamily, insertUser } from '../../../tests/support/builders.js';
import { startSmtp } from '../../../tests/support/smtp.js';
import { startTelegramStandIn } from '../../../tests/support/telegram-standin.js';
import { wargaAccount } from '../../../tests/support/warga.js';
import { hapusKeluarLama } from './notifikasi.repository.js';
import { beritahu } from './notifikasi.service.js';
import { simpanTemplat } from './notifikasi-admin.service.js';
import { tutupEmail } from './notifikasi-email.js';
import { jalankanOutbox, MAKS_PERCOBAAN, type Pengirim, pengirimDariEnv } from './notifikasi-worker.js';

/** The outbox: who gets which message, retries with backoff, permanent failures, channels off, no NIK anywhere. */
describe('notifikasi: outbox and worker', () => {
  const t = useTestApp();
  let pendudukId: number;
  let nik: string;
  let opId: number;

  const keluar = () => t.db.selectFrom('notifikasi_keluar').selectAll().orderBy('id').execute();
  const kosongkan = () => t.db.deleteFrom('notifikasi_keluar').execute();
  /** makes every waiting message due now (instead of waiting for the backoff) */
  const jatuhTempo = () =>
    t.db
      .updateTable('notifikasi_keluar')
      .set({ coba_pada: '2000-01-01T00:00:00.000Z' })
      .where('status', '=', 'menunggu')
      .execute();

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    const fam = await insertFamily(t.db, DESA_A, { nama: 'Sri Penerima', tanggallahir: '1987-05-06', sex: 2 });
    pendudukId = fam.kepalaId;
    nik = (await t.db.selectFrom('penduduk').select('nik').where('id', '=', pendudukId).executeTakeFirstOrThrow())
      .nik as string;
    const { akunId } = await wargaAccount(t.db, pendudukId);
    await t.db
      .updateTable('warga_akun')
      .set({ telegram_chat_id: '5001', email: 'sri@contoh.id', email_terverifikasi: 1 })
      .where('id', '=', akunId)
      .execute();
    opId = await insertUser(t.db, 'op.notif', 'operator-desa', DESA_A);
    const kadesId = await insertUser(t.db, 'kades.notif', 'kepala-desa', DESA_A);
    const editorId = await insertUser(t.db, 'editor.notif', 'editor-web', DESA_A);
    const opB = await insertUser(t.db, 'op.notif.b', 'operator-desa', DESA_B);
    await t.db.updateTable('pengguna').set({ email: 'op@desa-a.id' }).where('id', '=', opId).execute();
    await t.db.updateTable('pengguna').set({ email: 'editor@desa-a.id' }).where('id', '=', editorId).execute();
    await t.db.updateTable('pengguna').set({ email: 'op@desa-b.id' }).where('id', '=', opB).execute();
    await t.db
      .insertInto('pengguna_telegram')
      .values({ pengguna_id: kadesId, chat_id: '7001', dibuat_pada: new Date().toISOString() })
      .execute();
  });

  it('queues a status change for the resident on their linked chat and verified email, with no NIK', async () => {
    await kosongkan();
    await beritahu(t.db, {
      jenis: 'permohonan-status',
      desaKode: DESA_A,
      pendudukId,
      permohonanId: 42,
      status: 3,
      jenisSurat: 'Surat Keterangan Domisili',
    });
    const rows = await keluar();
    expect(rows.map((r) => [r.kanal, r.penerima])).toEqual([
      ['telegram', '5001'],
      ['email', 'sri@contoh.id'],
    ]);
    expect(rows[0]?.teks).toContain('siap diambil');
    expect(rows[0]?.teks).toContain('#42');
    expect(rows[0]?.teks).toContain('Sri Penerima');
    for (const r of rows) {
      expect(r.status).toBe('menunggu');
      expect(`${r.subjek} ${r.teks}`).not.toMatch(SIXTEEN_DIGITS);
      expect(r.teks).not.toContain(nik);
    }
  });

  it('sends nothing to an unverified email, and nothing to a resident without an active account', async () => {
    await kosongkan();
    await t.db
      .updateTable('warga_akun')
      .set({ email_terverifikasi: 0 })
      .where('penduduk_id', '=', pendudukId)
      .execute();
    await beritahu(t.db, { jenis: 'pesan-warga', desaKode: DESA_A, pendudukId });
    expect((await keluar()).map((r) => r.kanal)).toEqual(['telegram']);
    await t.db.updateTable('warga_akun').set({ aktif: 0 }).where('penduduk_id', '=', pendudukId).execute();
    await kosongkan();
    await beritahu(t.db, { jenis: 'pesan-warga', desaKode: DESA_A, pendudukId });
    expect(await keluar()).toEqual([]);
    await t.db
      .updateTable('warga_akun')
      .set({ aktif: 1, email_terverifikasi: 1 })
      .where('penduduk_id', '=', pendudukId)
      .execute();
  });

  it("tells the desa's request processors of a new request: not its web editor, not another desa's operator", async () => {
    await kosongkan();
    await beritahu(t.db, { jenis: 'permohonan-baru', desaKode: DESA_A, permohonanId: 7, jenisSurat: 'SKTM' });
    const rows = await keluar();
    expect(rows.map((r) => `${r.kanal}:${r.penerima}`).sort()).toEqual(['email:op@desa-a.id', 'telegram:7001']);
    expect(rows[0]?.teks).toContain('SKTM');
  });

  it("uses the desa's own wording, and blanks a 16-digit number written into it", async () => {
    await kosongkan();
    await simpanTemplat(t.db, systemActor('uji'), DESA_A, {
      jenis: 'pesan-warga',
      subjek: 'Balasan {desa}',
      teks: `Halo {nama}, cek pesan. Ref ${nik}`,
    });
    await beritahu(t.db, { jenis: 'pesan-warga', desaKode: DESA_A, pendudukId });
    const rows = await keluar();
    expect(rows[0]?.teks).toMatch(/^Halo Sri Penerima, cek pesan\. Ref \[nomor disembunyikan\]$/);
    for (const r of rows) expect(`${r.subjek} ${r.teks}`).not.toMatch(SIXTEEN_DIGITS);
    await t.db.deleteFrom('notifikasi_templat').execute();
  });

  it('never throws: a broken database is logged and the caller goes on', async () => {
    const broken = new Proxy(
      {},
      {
        get: () => () => {
          throw new Error('db mati');
        },
      },
    );
    await expect(
      beritahu(broken as never, { jenis: 'pesan-desa', desaKode: DESA_A, pendudukId }),
    ).resolves.toBeUndefined();
  });

  it('retries a failed delivery with growing backoff, then succeeds once; never twice', async () => {
    await kosongkan();
    await beritahu(t.db, { jenis: 'pesan-warga', desaKode: DESA_A, pendudukId });
    const sent: string[] = [];
    let fail = 2;
    const kirim = async (ke: string) => {
      if (fail-- > 0) throw new Error('jaringan putus');
      sent.push(ke);
    };
    const pengirim: Pengirim = { telegram: kirim, email: kirim };
    const before = Date.now();
    const r1 = await jalankanOutbox(t.db, pengirim);
    expect(r1).toEqual({ terkirim: 0, ditunda: 2, gagal: 0, dilewati: 0 });
    const rows = await keluar();
    for (const r of rows) {
      expect(r.percobaan).toBe(1);
      expect(r.galat_terakhir).toBe('jaringan putus');
      const wait = Date.parse(r.coba_pada) - before;
      expect(wait).toBeGreaterThanOrEqual(29_000);
      expect(wait).toBeLessThan(40_000);
    }
    // not due yet: nothing happens
    expect(await jalankanOutbox(t.db, pengirim)).toEqual({ terkirim: 0, ditunda: 0, gagal: 0, dilewati: 0 });
    await jatuhTempo();
    expect((await jalankanOutbox(t.db, pengirim)).terkirim).toBe(2);
    expect(sent.sort()).toEqual(['5001', 'sri@contoh.id']);
    const done = await keluar();
    expect(done.every((r) => r.status === 'terkirim' && r.percobaan === 2 && r.terkirim_pada !== null)).toBe(true);
    await jatuhTempo();
    expect((await jalankanOutbox(t.db, pengirim)).terkirim).toBe(0);
  });

  it('gives up at once on a permanent refusal, and after the last attempt on transient ones', async () => {
    await kosongkan();
    await beritahu(t.db, { jenis: 'pesan-warga', desaKode: DESA_A, pendudukId });
    const pengirim: Pengirim = {
      telegram: async () => {
        throw new GagalPermanen('Telegram menolak (403) bot diblokir');
      },
      email: async () => {
        throw new Error('SMTP: sementara');
      },
    };
    await jalankanOutbox(t.db, pengirim);
    let rows = await keluar();
    expect(rows.find((r) => r.kanal === 'telegram')?.status).toBe('gagal');
    for (let i = 1; i < MAKS_PERCOBAAN; i++) {
      await jatuhTempo();
      await jalankanOutbox(t.db, pengirim);
    }
    rows = await keluar();
    const email = rows.find((r) => r.kanal === 'email');
    expect(email?.status).toBe('gagal');
    expect(email?.percobaan).toBe(MAKS_PERCOBAAN);
  });

  it('clears finished messages older than the cut-off, never waiting ones', async () => {
    await kosongkan();
    await beritahu(t.db, { jenis: 'pesan-warga', desaKode: DESA_A, pendudukId });
    const [a, b] = await keluar();
    await t.db
      .updateTable('notifikasi_keluar')
      .set({ status: 'terkirim', diperbarui_pada: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', a?.id as number)
      .execute();
    await t.db
      .updateTable('notifikasi_keluar')
      .set({ diperbarui_pada: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', b?.id as number)
      .execute();
    expect(await hapusKeluarLama(t.db, '2021-01-01T00:00:00.000Z')).toBe(1);
    expect((await keluar()).map((r) => r.id)).toEqual([b?.id]);
  });

  it('skips messages of a channel that is off', async () => {
    await kosongkan();
    await beritahu(t.db, { jenis: 'pesan-warga', desaKode: DESA_A, pendudukId });
    const hasil = await jalankanOutbox(t.db, { telegram: null, email: null });
    expect(hasil.dilewati).toBe(2);
    expect((await keluar()).every((r) => r.status === 'dilewati')).toBe(true);
  });

  describe('delivery through the real channels (local Bot API stand-in, local SMTP server)', () => {
    let tg: Awaited<ReturnType<typeof startTelegramStandIn>>;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    beforeAll(async () => {
      tg = await startTelegramStandIn();
      smtp = await startSmtp();
    });
    afterAll(async () => {
      tutupEmail();
      await tg.close();
      await smtp.close();
    });

    it('sends Telegram and email, retries a 429 and a 5xx, gives up on a 403 and a refused mailbox', async () => {
      await kosongkan();
      const env = loadEnv({
        BALAI_TELEGRAM_TOKEN: '123:uji-token',
        BALAI_TELEGRAM_API: tg.url,
        BALAI_SMTP_URL: smtp.url,
        BALAI_SMTP_FROM: 'Desa Uji <desa@uji.id>',
      });
      await beritahu(t.db, {
        jenis: 'permohonan-status',
        desaKode: DESA_A,
        pendudukId,
        permohonanId: 9,
        status: 1,
        jenisSurat: 'SKU',
      });
      tg.failNext(429);
      expect(await jalankanOutbox(t.db, pengirimDariEnv(env))).toMatchObject({ terkirim: 1, ditunda: 1 });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]?.to).toEqual(['sri@contoh.id']);
      expect(smtp.text(smtp.received[0] as never)).toContain('sedang diperiksa');
      expect(smtp.received[0]?.raw).not.toContain(nik);
      tg.failNext(502);
      await jatuhTempo();
      expect((await jalankanOutbox(t.db, pengirimDariEnv(env))).ditunda).toBe(1);
      await jatuhTempo();
      expect((await jalankanOutbox(t.db, pengirimDariEnv(env))).terkirim).toBe(1);
      expect(tg.to('5001')).toHaveLength(1);
      expect(tg.to('5001')[0]?.token).toBe('123:uji-token');
      expect(tg.to('5001')[0]?.text).toContain('#9');

      await kosongkan();
      smtp.reject('sri@contoh.id');
      tg.failNext(403);
      await beritahu(t.db, { jenis: 'pesan-warga', desaKode: DESA_A, pendudukId });
      expect(await jalankanOutbox(t.db, pengirimDariEnv(env))).toMatchObject({ gagal: 2 });
      const rows = await keluar();
      expect(rows.find((r) => r.kanal === 'telegram')?.galat_terakhir).toContain('403');
      expect(rows.find((r) => r.kanal === 'telegram')?.galat_terakhir).not.toContain('uji-token');
    });
  });
});
