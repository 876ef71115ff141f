import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFileStore, uploadsRoot } from '#src/lib/storage.js';
import { get, login, ORIGIN, postForm, useTestApp } from '../../../tests/support/app.js';
import {
  activate,
  DESA_A,
  DESA_B,
  insertFamily,
  insertUser,
  makeNik,
  PASSWORD,
} from '../../../tests/support/builders.js';

/** A multipart form as a browser sends it: fields and one picture in `berkas`. */
function multipart(fields: Record<string, string>, berkas?: Buffer) {
  const boundary = '----balaidaftar';
  const chunks: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (berkas) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="berkas"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      berkas,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('layanan mandiri: self-registration', () => {
  const t = useTestApp();
  const nik = makeNik('1990-09-09', 2, '331709');
  const nik2 = makeNik('1992-02-02', 1, '331709');
  const nikB = makeNik('1993-03-03', 1, '331709');
  let noKk = '';
  let noKk2 = '';
  let noKkB = '';
  let foto: Buffer;

  const kirim = (fields: Record<string, string>, berkas?: Buffer, ip = '10.7.0.1') => {
    const body = multipart(fields, berkas);
    return t.app.inject({
      method: 'POST',
      url: '/layanan-mandiri/daftar',
      headers: { origin: ORIGIN, host: 'localhost', ...body.headers },
      remoteAddress: ip,
      payload: body.payload,
    });
  };
  const identitas = (over: Record<string, string> = {}) => ({
    langkah: 'identitas',
    nik,
    nama: 'Dewi Lestari',
    tanggallahir: '1990-09-09',
    no_kk: noKk,
    ...over,
  });
  const pesan = (body: string) => /<div class="error-summary" role="alert"><p>([^<]+)<\/p>/.exec(body)?.[1] ?? '';
  const tokenOf = (body: string) => /name="token" value="([^"]+)"/.exec(body)?.[1] as string;
  const kkOf = async (keluargaId: number) =>
    (await t.db.selectFrom('keluarga').select('no_kk').where('id', '=', keluargaId).executeTakeFirstOrThrow()).no_kk;

  /** All three steps for one resident; returns the last answer. */
  const daftarLengkap = async (fields: Record<string, string>, ip: string) => {
    const s1 = await kirim(fields, foto, ip);
    expect(s1.statusCode).toBe(200);
    const token = tokenOf(s1.body);
    const s2 = await kirim({ langkah: 'kk', token }, foto, ip);
    expect(s2.statusCode).toBe(200);
    return kirim({ langkah: 'swafoto', token }, foto, ip);
  };

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    const a = await insertFamily(t.db, DESA_A, { nama: 'Dewi Lestari', tanggallahir: '1990-09-09', sex: 2, nik });
    const a2 = await insertFamily(t.db, DESA_A, { nama: 'Agus Salim', tanggallahir: '1992-02-02', sex: 1, nik: nik2 });
    const b = await insertFamily(t.db, DESA_B, { nama: 'Warga B', tanggallahir: '1993-03-03', sex: 1, nik: nikB });
    noKk = await kkOf(a.keluargaId);
    noKk2 = await kkOf(a2.keluargaId);
    noKkB = await kkOf(b.keluargaId);
    await insertUser(t.db, 'operator.daftar', 'operator-desa', DESA_A);
    await insertUser(t.db, 'operator.b', 'operator-desa', DESA_B);
    const op = await login(t.app, 'operator.daftar', PASSWORD);
    const izin = await postForm(t.app, `/desa/${DESA_A}/mandiri/pendaftaran`, op, { intent: 'izin', boleh: '1' });
    expect(izin.statusCode).toBe(303);
    // a JPEG carrying EXIF data (a camera's make and a comment)
    foto = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#aa7744' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'KameraRahasia', ImageDescription: 'lokasi rumah' } })
      .toBuffer();
  });

  it('refuses every mismatch, and a desa that does not allow it, with the same words', async () => {
    const msgs: string[] = [];
    const salah: Record<string, string>[] = [
      { nama: 'Dewi Lestary' },
      { tanggallahir: '1990-09-10' },
      { no_kk: noKk2 },
      { nik: makeNik('1990-09-09', 2, '331709').replace(/\d{4}$/, '9999') },
      { nik: nikB, nama: 'Warga B', tanggallahir: '1993-03-03', no_kk: noKkB },
    ];
    for (const over of salah) {
      const res = await kirim(identitas(over), foto, '10.7.1.1');
      expect(res.statusCode).toBe(400);
      expect(res.body).not.toContain('name="token"');
      msgs.push(pesan(res.body));
    }
    expect(new Set(msgs).size).toBe(1);
    expect(msgs[0]).toContain('Data tidak cocok');
    expect(await t.db.selectFrom('warga_pendaftaran_draf').selectAll().execute()).toEqual([]);
  });

  it('refuses a file that is not a picture whatever the identity, and keeps no draft', async () => {
    const php = Buffer.from('<?php system($_GET["c"]); ?>');
    for (const fields of [identitas(), identitas({ nama: 'Orang Lain' })]) {
      const res = await kirim(fields, php, '10.7.2.1');
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('bukan gambar');
    }
    expect(await t.db.selectFrom('warga_pendaftaran_draf').selectAll().execute()).toEqual([]);
  });

  it('throttles tries on one NIK like the login', async () => {
    for (let i = 0; i < 4; i++)
      expect((await kirim(identitas({ nik: nik2, nama: 'Salah' }), foto, `10.7.3.${i}`)).statusCode).toBe(400);
    expect((await kirim(identitas({ nik: nik2, nama: 'Salah' }), foto, '10.7.3.8')).statusCode).toBe(429);
    const right = await kirim(
      identitas({ nik: nik2, nama: 'Agus Salim', tanggallahir: '1992-02-02', no_kk: noKk2 }),
      foto,
      '10.7.3.9',
    );
    expect(right.statusCode).toBe(429);
    await t.db.deleteFrom('percobaan_masuk').execute();
  });

  it('takes the three pictures in turn, re-encoded without metadata, and the office approves with a PIN shown once', async () => {
    const done = await daftarLengkap(identitas({ nama: ' dewi  LESTARI ' }), '10.7.4.1');
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Pendaftaran terkirim');
    const row = await t.db.selectFrom('warga_pendaftaran').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('menunggu');
    const files = createFileStore(uploadsRoot(t.dataDir));
    for (const key of [row.berkas_ktp, row.berkas_kk, row.berkas_swafoto]) {
      const buf = (await files.read(key)) as Buffer;
      const meta = await sharp(buf).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect(buf.includes('KameraRahasia')).toBe(false);
    }
    // a second registration while one waits: refused the same way
    expect((await kirim(identitas(), foto, '10.7.4.2')).statusCode).toBe(400);

    const op = await login(t.app, 'operator.daftar', PASSWORD);
    const page = await get(t.app, `/desa/${DESA_A}/mandiri/pendaftaran`, op);
    expect(page.body).toContain('Dewi Lestari');
    expect(page.body).not.toContain(nik);
    const img = await get(t.app, `/desa/${DESA_A}/mandiri/pendaftaran/${row.id}/ktp`, op);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    const seen = await t.db
      .selectFrom('audit_log')
      .select('aksi')
      .where('entitas', '=', 'warga_pendaftaran')
      .where('entitas_id', '=', String(row.id))
      .execute();
    expect(seen.map((a) => a.aksi)).toContain('lihat-ktp');

    // another desa's operator sees nothing of it
    const opB = await login(t.app, 'operator.b', PASSWORD);
    expect((await get(t.app, `/desa/${DESA_A}/mandiri/pendaftaran`, opB)).statusCode).toBe(404);
    const cross = await postForm(t.app, `/desa/${DESA_B}/mandiri/pendaftaran`, opB, {
      intent: 'setujui',
      id: String(row.id),
    });
    expect(cross.statusCode).toBe(404);

    const ok = await postForm(t.app, `/desa/${DESA_A}/mandiri/pendaftaran`, op, {
      intent: 'setujui',
      id: String(row.id),
    });
    expect(ok.statusCode).toBe(200);
    const pin = /data-pin="(\d{6})"/.exec(ok.body)?.[1] as string;
    expect(pin).toMatch(/^\d{6}$/);
    const masuk = await t.app.inject({
      method: 'POST',
      url: '/layanan-mandiri/masuk',
      headers: { origin: ORIGIN, host: 'localhost' },
      remoteAddress: '10.7.4.3',
      payload: { nik, pin },
    });
    expect(masuk.statusCode).toBe(302);
    const after = await t.db
      .selectFrom('warga_pendaftaran')
      .select('status')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('disetujui');
    // decided once
    const again = await postForm(t.app, `/desa/${DESA_A}/mandiri/pendaftaran`, op, {
      intent: 'setujui',
      id: String(row.id),
    });
    expect(again.statusCode).toBe(400);
  });

  it('lets the office refuse with a reason, and only with one', async () => {
    await t.db.deleteFrom('percobaan_masuk').execute();
    const done = await daftarLengkap(
      identitas({ nik: nik2, nama: 'Agus Salim', tanggallahir: '1992-02-02', no_kk: noKk2 }),
      '10.7.5.1',
    );
    expect(done.statusCode).toBe(200);
    const row = await t.db
      .selectFrom('warga_pendaftaran')
      .select('id')
      .where('status', '=', 'menunggu')
      .executeTakeFirstOrThrow();
    const op = await login(t.app, 'operator.daftar', PASSWORD);
    const kosong = await postForm(t.app, `/desa/${DESA_A}/mandiri/pendaftaran`, op, {
      intent: 'tolak',
      id: String(row.id),
      alasan: ' ',
    });
    expect(kosong.statusCode).toBe(400);
    expect(kosong.body).toContain('Tulis alasan penolakan');
    const res = await postForm(t.app, `/desa/${DESA_A}/mandiri/pendaftaran`, op, {
      intent: 'tolak',
      id: String(row.id),
      alasan: 'Foto KK tidak terbaca',
    });
    expect(res.statusCode).toBe(303);
    const after = await t.db
      .selectFrom('warga_pendaftaran')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('ditolak');
    expect(after.alasan).toBe('Foto KK tidak terbaca');
  });

  it('refuses a step with an unknown or expired draft', async () => {
    const res = await kirim({ langkah: 'kk', token: 'bukan-token' }, foto, '10.7.6.1');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('lewat waktunya');
  });
});
