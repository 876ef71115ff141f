import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/lib/audit/audit.js';
import { get, login, ORIGIN, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertUser, PASSWORD } from '../../../tests/support/builders.js';
import { artikelForm, idDari } from '../../../tests/support/konten-fixture.js';
import { simpanArtikel } from './konten.service.js';

/** A one-page PDF with nothing active in it. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

describe('konten uploads: pictures, attachments, gallery, media files', () => {
  const t = useTestApp();
  let editor: Session;
  let editorB: Session;
  let artikelId: number;
  let jpeg: Buffer;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'editor.a', 'editor-web', DESA_A);
    await insertUser(t.db, 'editor.b', 'editor-web', DESA_B);
    editor = await login(t.app, 'editor.a', PASSWORD);
    editorB = await login(t.app, 'editor.b', PASSWORD);
    const res = await postForm(t.app, `/desa/${DESA_A}/web/artikel/baru`, editor, artikelForm({ intent: 'terbit' }));
    artikelId = idDari(res.headers.location);
    jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2a7' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Budi', Copyright: 'rahasia' } })
      .toBuffer();
  });

  const upload = (session: Session, url: string, field: string, data: Buffer, name: string, type: string) => {
    const form = new FormData();
    form.append('_csrf', session.csrf);
    form.append(field, new Blob([new Uint8Array(data)], { type }), name);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { origin: ORIGIN, host: 'localhost', cookie: session.cookie },
      payload: form,
    });
  };
  const mediaCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('media')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const base = () => `/desa/${DESA_A}/web/artikel/${artikelId}`;

  it('re-encodes the main picture into WebP and JPEG widths, served immutable with srcset on the page', async () => {
    const res = await upload(editor, `${base()}/gambar`, 'gambar', jpeg, 'foto.jpg', 'image/jpeg');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const a = await t.db
      .selectFrom('artikel')
      .select(['slug', 'gambar_id'])
      .where('id', '=', artikelId)
      .executeTakeFirstOrThrow();
    const m = await t.db
      .selectFrom('media')
      .selectAll()
      .where('id', '=', a.gambar_id ?? 0)
      .executeTakeFirstOrThrow();
    const page = await get(t.app, `/situs/${DESA_A}/artikel/${a.slug}`);
    expect(page.body).toContain('<source type="image/webp"');
    expect(page.body).toMatch(
      new RegExp(`srcset="/situs/${DESA_A}/media/${m.berkas}-320\\.webp 320w, [^"]*-640\\.webp 640w`),
    );
    expect(page.body).toMatch(/<img src="[^"]+-\d+\.jpg"[^>]* width="\d+" height="\d+"/);
    expect(page.body).toMatch(/<meta property="og:image" content="http:\/\/localhost\/situs\/[^"]+\.jpg"\/>/);
    const file = await get(t.app, `/situs/${DESA_A}/media/${m.berkas}-640.webp`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/webp');
    expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const meta = await sharp(file.rawPayload).metadata();
    expect([meta.format, meta.width, meta.exif]).toEqual(['webp', 640, undefined]);
    // another desa's site does not serve it, nor do made-up names
    expect((await get(t.app, `/situs/${DESA_B}/media/${m.berkas}-640.webp`)).statusCode).toBe(404);
    expect((await get(t.app, `/situs/${DESA_A}/media/..%2F..%2Fbalai.db`)).statusCode).toBe(404);
    expect((await get(t.app, `/situs/${DESA_A}/media/${m.berkas}-640.php`)).statusCode).toBe(404);
  });

  it.each([
    [
      'PHP disguised as JPEG',
      Buffer.from('\xff\xd8\xff\xe0<?php system($_GET["c"]); ?>', 'latin1'),
      'x.jpg',
      'image/jpeg',
    ],
    [
      'an SVG with script',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      'x.svg',
      'image/svg+xml',
    ],
    ['a PDF', PDF, 'x.jpg', 'image/jpeg'],
  ])('refuses %s as a picture, storing nothing', async (_n, data, name, type) => {
    const before = await mediaCount();
    const res = await upload(editor, `${base()}/gambar`, 'gambar', data, name, type);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('class="error" id="f-gambar-error"');
    expect(await mediaCount()).toBe(before);
  });

  it('accepts a PDF attachment by content and refuses anything else named .pdf', async () => {
    const bad = await upload(editor, `${base()}/lampiran`, 'lampiran', jpeg, 'surat.pdf', 'application/pdf');
    expect(bad.statusCode).toBe(400);
    const html = await upload(
      editor,
      `${base()}/lampiran`,
      'lampiran',
      Buffer.from('<html>hi</html>'),
      'a.pdf',
      'application/pdf',
    );
    expect(html.statusCode).toBe(400);
    const ok = await upload(editor, `${base()}/lampiran`, 'lampiran', PDF, 'perdes.pdf', 'application/pdf');
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(303);
    const a = await t.db
      .selectFrom('artikel')
      .select(['slug', 'lampiran_id'])
      .where('id', '=', artikelId)
      .executeTakeFirstOrThrow();
    const m = await t.db
      .selectFrom('media')
      .selectAll()
      .where('id', '=', a.lampiran_id ?? 0)
      .executeTakeFirstOrThrow();
    expect((await get(t.app, `/situs/${DESA_A}/artikel/${a.slug}`)).body).toContain(`/media/${m.berkas}.pdf`);
    const file = await get(t.app, `/situs/${DESA_A}/media/${m.berkas}.pdf`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // an editor of another desa cannot attach to it
    const other = await upload(editorB, `${base()}/lampiran`, 'lampiran', PDF, 'x.pdf', 'application/pdf');
    expect(other.statusCode).toBe(404);
  });

  it('shows an album only once published, within its own desa', async () => {
    const res = await postForm(t.app, `/desa/${DESA_A}/web/galeri`, editor, { judul: 'HUT RI', keterangan: '' });
    expect(res.statusCode).toBe(303);
    const id = Number(String(res.headers.location).split('/').pop());
    const foto = await upload(editor, `/desa/${DESA_A}/web/galeri/${id}/foto`, 'foto', jpeg, 'a.jpg', 'image/jpeg');
    expect(foto.statusCode, foto.body.slice(0, 300)).toBe(303);
    const php = await upload(
      editor,
      `/desa/${DESA_A}/web/galeri/${id}/foto`,
      'foto',
      Buffer.from('<?php ?>'),
      'a.jpg',
      'image/jpeg',
    );
    expect(php.statusCode).toBe(400);
    expect((await get(t.app, `/situs/${DESA_A}/galeri/${id}`)).statusCode).toBe(404);
    expect((await get(t.app, `/situs/${DESA_A}/galeri`)).body).not.toContain('HUT RI');
    expect(
      (await postForm(t.app, `/desa/${DESA_A}/web/galeri/${id}`, editorB, { intent: 'terbitkan' })).statusCode,
    ).toBe(404);
    expect(
      (await postForm(t.app, `/desa/${DESA_A}/web/galeri/${id}`, editor, { intent: 'terbitkan' })).statusCode,
    ).toBe(303);
    expect((await get(t.app, `/situs/${DESA_A}/galeri`)).body).toContain('HUT RI');
    const album = await get(t.app, `/situs/${DESA_A}/galeri/${id}`);
    expect(album.statusCode).toBe(200);
    expect(album.body).toMatch(/<img [^>]*loading="lazy"/);
    expect((await get(t.app, `/situs/${DESA_B}/galeri/${id}`)).statusCode).toBe(404);
  });

  it('lets only publishers publish (service refuses without publish:web)', async () => {
    const d = { db: t.db, env: { BALAI_IFRAME_HOSTS: [], BALAI_PUBLIC_URL: undefined } };
    const input = {
      jenis: 'berita' as const,
      judul: 'x',
      ringkasan: null,
      isi: '<p>x</p>',
      kategori_id: null,
      terbit_pada: null,
      agenda_mulai: null,
      agenda_selesai: null,
      agenda_tempat: null,
      hukum_jenis: null,
      hukum_nomor: null,
      hukum_tahun: null,
      ppid_kategori: null,
      intent: 'terbit' as const,
    };
    await expect(simpanArtikel(d, systemActor('uji'), DESA_A, null, input, false)).rejects.toMatchObject({
      status: 403,
    });
    const ok = await simpanArtikel(d, systemActor('uji'), DESA_A, null, { ...input, intent: 'simpan' }, false);
    expect(ok.status).toBe('draf');
  });
});
