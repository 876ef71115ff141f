import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  follow,
  get,
  login,
  ORIGIN,
  postForm,
  type Session,
  useTestApp,
} from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertUser, PASSWORD } from '../../../tests/support/builders.js';
import { buatTokenIsian } from './pengaduan.service.js';

/** Complaints: the public flow (file → number → reply → tracking), spam guards, hidden → 404, tenancy. */
const KONTAK = '0812 9876 5432';

/** A multipart complaint as a browser sends it, with an optional photo. */
function multipart(fields: Record<string, string>, foto?: Buffer) {
  const boundary = '----balaiuji';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const chunks: Buffer[] = [Buffer.from(parts.join(''))];
  if (foto)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="foto"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      foto,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('complaints', () => {
  const t = useTestApp();
  let operatorA: Session;
  let operatorB: Session;
  let nomor = '';
  const oldToken = () => buatTokenIsian(t.db, Date.now() - 10_000);
  const file = async (kode: string, fields: Record<string, string>, ip = '198.51.100.7', foto?: Buffer) => {
    const body = multipart({ token: await oldToken(), kategori: 'jalan', kontak: KONTAK, ...fields }, foto);
    return t.app.inject({
      method: 'POST',
      url: `/situs/${kode}/pengaduan`,
      headers: { origin: ORIGIN, host: 'localhost', ...body.headers },
      payload: body.payload,
      remoteAddress: ip,
    });
  };

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'op.b', 'operator-desa', DESA_B);
    operatorA = await login(t.app, 'op.a', PASSWORD);
    operatorB = await login(t.app, 'op.b', PASSWORD);
  });

  it('files a complaint with a photo (re-encoded, EXIF dropped) and shows its number once, contact never', async () => {
    const page = await get(t.app, `/situs/${DESA_A}/pengaduan`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/name="token" value="\d+\.[0-9a-f]{24}"/);
    const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#884422' } })
      .withMetadata({ exif: { IFD0: { Artist: 'gps-rahasia' } } })
      .jpeg()
      .toBuffer();
    const res = await file(
      DESA_A,
      { nama: 'Bu Sri', isi: 'Lampu jalan di RT 02 mati <script>alert(1)</script> sejak seminggu.' },
      undefined,
      photo,
    );
    expect(res.statusCode).toBe(303);
    nomor = /\/pengaduan\/(ADU-[2-9A-Z]{6})$/.exec(String(res.headers.location))?.[1] ?? '';
    expect(nomor).not.toBe('');
    const shown = await follow(t.app, res, null);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(nomor);
    expect(shown.body).toContain('Catat nomor pengaduan');
    expect(shown.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(shown.body).not.toContain('<script>alert');
    expect(shown.body).not.toContain(KONTAK);
    const again = await get(t.app, String(res.headers.location));
    expect(again.body).not.toContain('Catat nomor pengaduan');
    const foto = await get(t.app, `/situs/${DESA_A}/pengaduan/${nomor}/foto`);
    const meta = await sharp(foto.rawPayload).metadata();
    expect([meta.format, meta.width, meta.exif]).toEqual(['jpeg', 1600, undefined]);
  });

  it('refuses bad input, a filled honeypot, a too-fast form, a fake photo — and stores nothing', async () => {
    const before = (await t.db.selectFrom('pengaduan').select('id').execute()).length;
    const short = await file(DESA_A, { isi: 'pendek' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('paling sedikit 20 karakter');
    const badContact = await file(DESA_A, { isi: 'Sampah menumpuk di pinggir jalan desa.', kontak: 'besok' });
    expect(badContact.body).toContain('nomor HP/telepon');
    const bot = await file(DESA_A, { isi: 'Sampah menumpuk di pinggir jalan desa.', situs_web: 'http://spam.example' });
    expect(bot.statusCode).toBe(400);
    const body = multipart({
      token: await buatTokenIsian(t.db),
      kategori: 'jalan',
      kontak: KONTAK,
      isi: 'Sampah menumpuk di pinggir jalan desa.',
    });
    const fast = await t.app.inject({
      method: 'POST',
      url: `/situs/${DESA_A}/pengaduan`,
      headers: { origin: ORIGIN, host: 'localhost', ...body.headers },
      payload: body.payload,
    });
    expect(fast.statusCode).toBe(400);
    expect(fast.body).toContain('terlalu cepat');
    const php = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<?php system($_GET["c"]); ?>')]);
    const fake = await file(DESA_A, { isi: 'Sampah menumpuk di pinggir jalan desa.' }, '198.51.100.99', php);
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toMatch(/class="error" id="f-foto-error">[^<]*JPEG/);
    expect((await t.db.selectFrom('pengaduan').select('id').execute()).length).toBe(before);
  });

  it('throttles one network to a few complaints an hour', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await file(DESA_B, { isi: `Jalan rusak nomor ${i} di dusun Krajan.` }, '203.0.113.5')).statusCode);
    expect(codes).toEqual([303, 303, 303, 429]);
    expect((await file(DESA_B, { isi: 'Jalan rusak dari jaringan lain di dusun.' }, '203.0.113.6')).statusCode).toBe(
      303,
    );
    const hashes = await t.db.selectFrom('pengaduan').select('ip_hash').execute();
    expect(hashes.every((h) => !h.ip_hash.includes('203.0.113'))).toBe(true);
  });

  it('lets staff reply publicly and internally and change the state; the tracking page shows only public parts', async () => {
    const id = (await t.db.selectFrom('pengaduan').select('id').where('nomor', '=', nomor).executeTakeFirstOrThrow())
      .id;
    const detail = await get(t.app, `/desa/${DESA_A}/pengaduan/${id}`, operatorA);
    expect(detail.body).toContain(KONTAK);
    const empty = await postForm(t.app, `/desa/${DESA_A}/pengaduan/${id}`, operatorA, { isi: '' });
    expect(empty.statusCode).toBe(400);
    const noReason = await postForm(t.app, `/desa/${DESA_A}/pengaduan/${id}`, operatorA, { status: 'ditutup' });
    expect(noReason.body).toContain('alasan penutupan');
    await postForm(t.app, `/desa/${DESA_A}/pengaduan/${id}`, operatorA, {
      isi: 'Petugas listrik dijadwalkan Senin.',
      publik: '1',
      status: 'diproses',
    });
    await postForm(t.app, `/desa/${DESA_A}/pengaduan/${id}`, operatorA, {
      isi: 'Catatan dalam: tagih PLN',
      publik: '',
    });
    const track = await get(t.app, `/situs/${DESA_A}/pengaduan/${nomor}`);
    expect(track.body).toContain('Petugas listrik dijadwalkan Senin.');
    expect(track.body).toContain('Sedang diproses');
    expect(track.body).not.toContain('tagih PLN');
    expect(track.body).not.toContain('op.a');
    const list = await get(t.app, `/situs/${DESA_A}/pengaduan`);
    expect(list.body).toContain(nomor);
    expect(list.body).not.toContain(KONTAK);
    const audits = await t.db.selectFrom('audit_log').select('aksi').where('entitas', '=', 'pengaduan').execute();
    expect(audits.map((a) => a.aksi)).toEqual(expect.arrayContaining(['baca', 'tanggapi']));
  });

  it('keeps other desa out: staff of desa B, the tracking page on desa B’s site', async () => {
    const id = (await t.db.selectFrom('pengaduan').select('id').where('nomor', '=', nomor).executeTakeFirstOrThrow())
      .id;
    expect((await get(t.app, `/desa/${DESA_A}/pengaduan/${id}`, operatorB)).statusCode).toBe(404);
    expect((await get(t.app, `/desa/${DESA_B}/pengaduan/${id}`, operatorB)).statusCode).toBe(404);
    const post = await postForm(t.app, `/desa/${DESA_B}/pengaduan/${id}`, operatorB, {
      isi: 'bukan urusan saya',
      publik: '1',
    });
    expect(post.statusCode).toBe(404);
    expect((await get(t.app, `/situs/${DESA_B}/pengaduan/${nomor}`)).statusCode).toBe(404);
    expect((await get(t.app, `/situs/33.17.09.2003/pengaduan`)).statusCode).toBe(404); // not activated
    expect((await get(t.app, `/situs/${DESA_A}/pengaduan?nomor=${nomor.toLowerCase()}`)).headers.location).toBe(
      `/situs/${DESA_A}/pengaduan/${nomor}`,
    );
  });

  it('serves the same pages on the desa host name, with links at the root, never another desa’s complaints', async () => {
    await insertUser(t.db, 'admin.a', 'admin-desa', DESA_A);
    const admin = await login(t.app, 'admin.a', PASSWORD);
    const saved = await postForm(t.app, `/desa/${DESA_A}`, admin, {
      sebutan: 'desa',
      sebutan_dusun: 'dusun',
      hosts: 'meteseh.example',
    });
    expect(saved.statusCode).toBe(303);
    const onHost = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: 'meteseh.example' } });
    const form = await onHost('/pengaduan');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('action="/pengaduan"');
    expect(form.body).not.toContain('/situs/');
    expect((await onHost(`/pengaduan/${nomor}`)).statusCode).toBe(200);
    const inB = (
      await t.db.selectFrom('pengaduan').select('nomor').where('desa_kode', '=', DESA_B).executeTakeFirstOrThrow()
    ).nomor;
    expect((await onHost(`/pengaduan/${inB}`)).statusCode).toBe(404);
    expect((await onHost(`/desa/${DESA_A}/pengaduan`)).statusCode).toBe(404);
    const kamera = await onHost('/kamera');
    expect(kamera.statusCode).toBe(200);
    expect(kamera.body).not.toContain('/situs/');
  });

  it('hides a complaint: tracking page, photo and list answer as if it never existed', async () => {
    const id = (await t.db.selectFrom('pengaduan').select('id').where('nomor', '=', nomor).executeTakeFirstOrThrow())
      .id;
    await postForm(t.app, `/desa/${DESA_A}/pengaduan/${id}`, operatorA, {
      isi: 'spam',
      publik: '',
      status: 'disembunyikan',
    });
    expect((await get(t.app, `/situs/${DESA_A}/pengaduan/${nomor}`)).statusCode).toBe(404);
    expect((await get(t.app, `/situs/${DESA_A}/pengaduan/${nomor}/foto`)).statusCode).toBe(404);
    expect((await get(t.app, `/situs/${DESA_A}/pengaduan`)).body).not.toContain(nomor);
    expect((await get(t.app, `/desa/${DESA_A}/pengaduan/${id}/foto`, operatorA)).statusCode).toBe(200);
    expect(cookieFrom).toBeTypeOf('function');
  });
});
