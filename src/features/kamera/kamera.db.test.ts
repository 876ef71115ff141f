import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/lib/audit/audit.js';
import { get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertUser, KAB, KEC, PASSWORD } from '../../../tests/support/builders.js';
import { createKamera } from './kamera.service.js';
import { cekSemuaKamera } from './kamera-cek.js';

/** Camera admin (tenancy, validation, audit), the checker against a local stream server, and the public pages. */
let server: Server;
let base = '';
beforeAll(async () => {
  const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#663399' } })
    .withMetadata({ exif: { IFD0: { Copyright: 'rahasia-exif' } } })
    .jpeg()
    .toBuffer();
  server = createServer((req, res) => {
    if (req.url === '/snap.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    if (req.url === '/live.m3u8') return res.writeHead(200).end('#EXTM3U\n');
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('cameras', () => {
  const t = useTestApp({ BALAI_KAMERA_ALAMAT_PRIVAT: '1', BALAI_IFRAME_HOSTS: 'www.youtube-nocookie.com' });
  const actor = systemActor('test');
  let adminA: Session;
  let staf: Session;
  let kecId: number;
  let bId: number;
  const baru = (over: Record<string, string> = {}) => ({
    nama: 'Perempatan Balai',
    lokasi: 'Depan balai desa',
    lat: '-6,7001',
    lng: '111.4002',
    jenis: 'hls',
    stream_url: `${base}/live.m3u8`,
    snapshot_url: `${base}/snap.jpg`,
    aktif: '1',
    ...over,
  });

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'admin.a', 'admin-desa', DESA_A);
    await insertUser(t.db, 'staf.kec', 'staf-kecamatan', KEC);
    adminA = await login(t.app, 'admin.a', PASSWORD);
    staf = await login(t.app, 'staf.kec', PASSWORD);
    const input = { lokasi: null, lat: null, lng: null, jenis: 'hls' as const, snapshot_url: null, aktif: 1 as const };
    kecId = await createKamera(t.db, actor, KEC, {
      ...input,
      nama: 'Kamera Kecamatan',
      stream_url: `${base}/live.m3u8`,
    });
    bId = await createKamera(t.db, actor, DESA_B, { ...input, nama: 'Kamera Maguan', stream_url: `${base}/mati.m3u8` });
  });

  it('lets a desa admin add a camera to their desa, with an audit record; bad input changes nothing', async () => {
    const bad = await postForm(t.app, `/wilayah/${DESA_A}/kamera`, adminA, baru({ stream_url: 'ftp://x/live.m3u8' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('http://');
    const embed = await postForm(
      t.app,
      `/wilayah/${DESA_A}/kamera`,
      adminA,
      baru({ jenis: 'embed', stream_url: 'https://evil.example/p' }),
    );
    expect(embed.statusCode).toBe(400);
    expect(embed.body).toContain('www.youtube-nocookie.com');
    expect(await t.db.selectFrom('kamera').select('id').where('wilayah_kode', '=', DESA_A).execute()).toHaveLength(0);

    const ok = await postForm(t.app, `/wilayah/${DESA_A}/kamera`, adminA, baru());
    expect(ok.statusCode).toBe(303);
    const row = await t.db
      .selectFrom('kamera')
      .selectAll()
      .where('wilayah_kode', '=', DESA_A)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ nama: 'Perempatan Balai', lat: -6.7001, lng: 111.4002, status: 'belum-diperiksa' });
    const log = await t.db
      .selectFrom('audit_log')
      .select('aksi')
      .where('entitas', '=', 'kamera')
      .where('entitas_id', '=', String(row.id))
      .execute();
    expect(log.map((l) => l.aksi)).toEqual(['tambah']);
  });

  it('keeps a desa admin out of another desa and the kecamatan; kecamatan staff reach the desa below', async () => {
    expect((await get(t.app, `/wilayah/${DESA_B}/kamera`, adminA)).statusCode).toBe(404);
    expect((await get(t.app, `/wilayah/${KEC}/kamera`, adminA)).statusCode).toBe(404);
    // the kecamatan's and desa B's cameras reached through desa A's own region: hidden
    expect((await get(t.app, `/wilayah/${DESA_A}/kamera/${kecId}`, adminA)).statusCode).toBe(404);
    const edit = await postForm(t.app, `/wilayah/${DESA_A}/kamera/${bId}`, adminA, { intent: 'hapus' });
    expect(edit.statusCode).toBe(404);
    expect(await t.db.selectFrom('kamera').select('id').where('id', '=', bId).executeTakeFirst()).toBeDefined();
    const list = await get(t.app, `/wilayah/${KEC}/kamera`, staf);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Kamera Maguan');
    expect(list.body).toContain('Perempatan Balai');
    expect((await get(t.app, `/wilayah/${KAB}/kamera`, staf)).statusCode).toBe(404);
  });

  it('checks every camera against the stream server and stores live/offline with the last-seen time', async () => {
    const counts = await cekSemuaKamera(t.db, { timeoutMs: 1000, izinkanPrivat: true });
    expect(counts).toEqual({ live: 2, offline: 1 });
    const rows = await t.db
      .selectFrom('kamera')
      .select(['nama', 'status', 'terakhir_terlihat', 'galat'])
      .orderBy('id')
      .execute();
    const byName = Object.fromEntries(rows.map((r) => [r.nama, r]));
    expect(byName['Kamera Maguan']).toMatchObject({ status: 'offline', terakhir_terlihat: null, galat: 'HTTP 500' });
    expect(byName['Perempatan Balai']?.status).toBe('live');
    expect(byName['Perempatan Balai']?.terakhir_terlihat).toBeTruthy();
  });

  it('shows the public pages without staff data, the snapshot re-encoded through Balai, a per-page CSP', async () => {
    const list = await get(t.app, `/situs/${KEC}/kamera`);
    expect(list.statusCode).toBe(200);
    for (const name of ['Kamera Kecamatan', 'Kamera Maguan', 'Perempatan Balai']) expect(list.body).toContain(name);
    expect(list.body).not.toContain('HTTP 500');
    expect(list.body).not.toContain('/snap.jpg');
    expect(list.body).not.toContain('live.m3u8'); // streams only on the player page
    expect(list.body).toContain('-6.70010, 111.40020');
    expect(list.headers['content-security-policy']).toContain('https://tile.openstreetmap.org');
    const desaList = await get(t.app, `/situs/${DESA_A}/kamera`);
    expect(desaList.body).not.toContain('Kamera Kecamatan');

    const id = (
      await t.db.selectFrom('kamera').select('id').where('wilayah_kode', '=', DESA_A).executeTakeFirstOrThrow()
    ).id;
    const snap = await get(t.app, `/situs/${DESA_A}/kamera/${id}/snapshot`);
    expect(snap.statusCode).toBe(200);
    expect(snap.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(snap.rawPayload).metadata();
    expect(meta.width).toBe(640);
    expect(meta.exif).toBeUndefined();
    expect((await get(t.app, `/situs/${DESA_B}/kamera/${id}/snapshot`)).statusCode).toBe(404);

    const player = await get(t.app, `/situs/${DESA_A}/kamera/${id}`);
    expect(player.statusCode).toBe(200);
    expect(player.body).not.toContain('<video');
    expect(player.body).toContain('id="kamera-putar"');
    expect(player.headers['content-security-policy']).toContain(`media-src 'self' blob: ${base}`);
    const played = await get(t.app, `/situs/${DESA_A}/kamera/${id}?putar=1`);
    expect(played.body).toContain(`<video src="${base}/live.m3u8"`);
    // the global policy elsewhere is untouched
    expect((await get(t.app, '/masuk')).headers['content-security-policy']).not.toContain(base);
    expect((await get(t.app, `/situs/${DESA_A}/kamera/${kecId}`)).statusCode).toBe(404);
  });

  it('deletes a camera with an audit record', async () => {
    const id = (
      await t.db.selectFrom('kamera').select('id').where('wilayah_kode', '=', DESA_A).executeTakeFirstOrThrow()
    ).id;
    expect((await postForm(t.app, `/wilayah/${DESA_A}/kamera/${id}`, adminA, { intent: 'x' })).statusCode).toBe(400);
    expect((await postForm(t.app, `/wilayah/${DESA_A}/kamera/${id}`, adminA, { intent: 'hapus' })).statusCode).toBe(
      303,
    );
    expect(await t.db.selectFrom('kamera').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
    const log = await t.db
      .selectFrom('audit_log')
      .select('aksi')
      .where('entitas', '=', 'kamera')
      .where('entitas_id', '=', String(id))
      .execute();
    expect(log.map((l) => l.aksi).sort()).toEqual(['hapus', 'tambah']);
  });
});
