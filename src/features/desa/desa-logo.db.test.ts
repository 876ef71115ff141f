import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { get, login, ORIGIN, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, insertUser, PASSWORD } from '../../../tests/support/builders.js';

describe('desa logo upload', () => {
  const t = useTestApp({ BALAI_UPLOAD_LIMIT: '200000' });
  let admin: Session;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await insertUser(t.db, 'admin.a', 'admin-desa', DESA_A);
    admin = await login(t.app, 'admin.a', PASSWORD);
  });

  const upload = (data: Buffer, filename: string, type: string) => {
    const form = new FormData();
    form.append('_csrf', admin.csrf);
    form.append('logo', new Blob([new Uint8Array(data)], { type }), filename);
    return t.app.inject({
      method: 'POST',
      url: `/desa/${DESA_A}/logo`,
      headers: { origin: ORIGIN, host: 'localhost', cookie: admin.cookie },
      payload: form,
    });
  };

  it('re-encodes an image to a small PNG without metadata, served publicly as PNG', async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#0b5d3b' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'rahasia', Artist: 'Budi' } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeTruthy();
    const res = await upload(jpeg, 'logo.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(303);
    const logo = await get(t.app, `/desa/${DESA_A}/logo`);
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    const meta = await sharp(logo.rawPayload).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(512);
    expect(meta.exif).toBeUndefined();
    const row = await t.db
      .selectFrom('desa')
      .select('logo_berkas')
      .where('kode', '=', DESA_A)
      .executeTakeFirstOrThrow();
    expect(row.logo_berkas).toMatch(/^desa\/33\.17\.09\.2001\/logo-[0-9a-f]{16}\.png$/);
  });

  it('judges by content, not by name: a script named .png or an SVG is refused', async () => {
    const before = await t.db
      .selectFrom('desa')
      .select('logo_berkas')
      .where('kode', '=', DESA_A)
      .executeTakeFirstOrThrow();
    const cases: [Buffer, string, string][] = [
      [Buffer.from('GIF89a<?php system($_GET["c"]); ?>'), 'shell.gif', 'image/gif'],
      [Buffer.from('<?php echo 1; ?>'), 'logo.png', 'image/png'],
      [
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'logo.svg',
        'image/svg+xml',
      ],
      [Buffer.alloc(0), 'kosong.png', 'image/png'],
    ];
    for (const [data, name, type] of cases) {
      const res = await upload(data, name, type);
      expect(res.statusCode, name).toBe(400);
      expect(res.body).toContain('Berkas bukan gambar JPEG, PNG atau WebP yang dapat dibaca.');
    }
    const after = await t.db
      .selectFrom('desa')
      .select('logo_berkas')
      .where('kode', '=', DESA_A)
      .executeTakeFirstOrThrow();
    expect(after.logo_berkas).toBe(before.logo_berkas);
  });

  it('answers 413 for a file over the limit', async () => {
    const big = await sharp({
      create: { width: 3000, height: 3000, channels: 3, background: '#123456' },
      limitInputPixels: false,
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    const res = await upload(big, 'besar.png', 'image/png');
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('terlalu besar');
  });
});
