import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { follow, get, login, ORIGIN, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertFamily, insertUser, PASSWORD } from '../../../tests/support/builders.js';

describe("a resident's page: events, reversal, photo, print", () => {
  const t = useTestApp({ BALAI_UPLOAD_LIMIT: '300000' });
  let op: Session;
  let opB: Session;
  let kec: Session;
  let f = { keluargaId: 0, kepalaId: 0, memberIds: [] as number[] };

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    f = await insertFamily(t.db, DESA_A, { nama: 'Darmo', tanggallahir: '1950-03-03', sex: 1 }, [
      { nama: 'Sumi', tanggallahir: '1955-04-04', sex: 2, kkLevel: 3 },
      { nama: 'Tono', tanggallahir: '1985-05-05', sex: 1, kkLevel: 4 },
    ]);
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'op.b', 'operator-desa', DESA_B);
    await insertUser(t.db, 'kec.a', 'staf-kecamatan', '33.17.09');
    op = await login(t.app, 'op.a', PASSWORD);
    opB = await login(t.app, 'op.b', PASSWORD);
    kec = await login(t.app, 'kec.a', PASSWORD);
  });

  const status = async (id: number) =>
    (await t.db.selectFrom('penduduk').select('status_dasar').where('id', '=', id).executeTakeFirstOrThrow())
      .status_dasar;

  it('shows the whole record with family, actions and an empty history', async () => {
    const res = await get(t.app, `/penduduk/${f.kepalaId}`, op);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="/keluarga/${f.keluargaId}"`);
    expect(res.body).toContain(`href="/penduduk/${f.memberIds[0]}">Sumi</a>`);
    expect(res.body).toContain(`/penduduk/${f.kepalaId}/ubah`);
    expect(res.body).toContain(`/penduduk/${f.kepalaId}/peristiwa/mati`);
    expect(res.body).not.toContain('/peristiwa/pergi'); // permanent residents cannot "leave" (pergi)
    expect(res.body).toContain('Belum ada peristiwa tercatat.');
    // read-only roles get no action buttons
    const ro = await get(t.app, `/penduduk/${f.kepalaId}`, kec);
    expect(ro.body).not.toContain('/ubah"');
    expect(ro.body).not.toContain('/peristiwa/mati');
    expect((await get(t.app, `/penduduk/${f.kepalaId}/peristiwa/pergi`, op)).statusCode).toBe(409);
    expect((await get(t.app, `/penduduk/${f.kepalaId}/peristiwa/lahir`, op)).statusCode).toBe(404);
    expect((await get(t.app, `/penduduk/${f.kepalaId}/ubah`, kec)).statusCode).toBe(403);
  });

  it('recording the death of a head requires a new head from the living members', async () => {
    const url = `/penduduk/${f.kepalaId}/peristiwa/mati`;
    const form = await get(t.app, url, op);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="kepala_baru_id"');
    expect(form.body).toContain(`<option value="${f.memberIds[0]}">Sumi</option>`);
    const death = { tgl_peristiwa: '2026-11-20', tgl_lapor: '2026-11-21', sebab: '1', meninggal_di: 'Rumah' };
    const missing = await postForm(t.app, url, op, death);
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Pilih kepala keluarga baru');
    expect(missing.body).toContain('value="Rumah"');
    expect(await status(f.kepalaId)).toBe(1);
    const bad = await postForm(t.app, url, op, { ...death, tgl_peristiwa: '2999-01-01' });
    expect(bad.statusCode).toBe(400);
    const ok = await postForm(t.app, url, op, { ...death, kepala_baru_id: String(f.memberIds[0]) });
    expect(ok.statusCode).toBe(303);
    expect((await follow(t.app, ok, op)).body).toContain('Peristiwa &quot;Mati&quot; dicatat.');
    expect(await status(f.kepalaId)).toBe(2);
    const family = await t.db
      .selectFrom('keluarga')
      .select('kepala_id')
      .where('id', '=', f.keluargaId)
      .executeTakeFirstOrThrow();
    expect(family.kepala_id).toBe(f.memberIds[0]);
    // no more events for the dead
    expect((await get(t.app, url, op)).statusCode).toBe(409);
  });

  it('reverses the latest event with a reason; the timeline keeps it, marked', async () => {
    const event = await t.db
      .selectFrom('peristiwa')
      .select('id')
      .where('penduduk_id', '=', f.kepalaId)
      .executeTakeFirstOrThrow();
    const page = await get(t.app, `/penduduk/${f.kepalaId}`, op);
    expect(page.body).toContain(`action="/peristiwa/${event.id}/batal"`);
    expect(page.body).toContain('Sakit biasa / tua');
    const short = await postForm(t.app, `/peristiwa/${event.id}/batal`, op, { alasan: 'x' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Paling sedikit 5 karakter.');
    expect((await postForm(t.app, `/peristiwa/${event.id}/batal`, opB, { alasan: 'salah orang' })).statusCode).toBe(
      404,
    );
    const ok = await postForm(t.app, `/peristiwa/${event.id}/batal`, op, {
      alasan: 'salah orang, yang meninggal tetangga',
    });
    expect(ok.statusCode).toBe(303);
    expect(await status(f.kepalaId)).toBe(1);
    const after = await follow(t.app, ok, op);
    expect(after.body).toContain('Peristiwa dibatalkan');
    expect(after.body).toContain('class="badge warn">dibatalkan');
    expect(after.body).toContain('salah orang, yang meninggal tetangga');
    expect(after.body).not.toContain(`action="/peristiwa/${event.id}/batal"`);
    const again = await postForm(t.app, `/peristiwa/${event.id}/batal`, op, { alasan: 'sekali lagi' });
    expect(again.statusCode).toBe(409);
  });

  const upload = (session: Session, id: number, data: Buffer, filename: string, type: string) => {
    const form = new FormData();
    form.append('_csrf', session.csrf);
    form.append('foto', new Blob([new Uint8Array(data)], { type }), filename);
    return t.app.inject({
      method: 'POST',
      url: `/penduduk/${id}/foto`,
      headers: { origin: ORIGIN, host: 'localhost', cookie: session.cookie },
      payload: form,
    });
  };

  it('re-encodes an uploaded photo as a small JPEG without metadata, served privately', async () => {
    const png = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#a0522d' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Budi', Copyright: 'rahasia' } })
      .toBuffer();
    const res = await upload(op, f.kepalaId, png, 'foto.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(303);
    const row = await t.db
      .selectFrom('penduduk')
      .select(['foto', 'versi'])
      .where('id', '=', f.kepalaId)
      .executeTakeFirstOrThrow();
    expect(row.foto).toMatch(
      new RegExp(`^penduduk/${DESA_A.replaceAll('.', '\\.')}/${f.kepalaId}-[0-9a-f]{16}\\.jpg$`),
    );
    const photo = await get(t.app, `/penduduk/${f.kepalaId}/foto`, op);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(String(photo.headers['cache-control'])).toContain('private');
    const meta = await sharp(photo.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(600);
    expect(meta.exif).toBeUndefined();
    expect((await get(t.app, `/penduduk/${f.kepalaId}/foto`, opB)).statusCode).toBe(404);
    expect((await get(t.app, `/penduduk/${f.kepalaId}/foto`)).statusCode).toBe(303);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('aksi')
      .where('aksi', '=', 'ubah-foto')
      .executeTakeFirstOrThrow();
    expect(audit.aksi).toBe('ubah-foto');
  });

  it('judges a photo by its content: a PHP script named .jpg is refused and nothing changes', async () => {
    const before = await t.db
      .selectFrom('penduduk')
      .select('foto')
      .where('id', '=', f.kepalaId)
      .executeTakeFirstOrThrow();
    for (const [data, name, type] of [
      [Buffer.from('<?php system($_GET["c"]); ?>'), 'foto.jpg', 'image/jpeg'],
      [Buffer.from('GIF89a<?php echo 1; ?>'), 'foto.gif', 'image/gif'],
      [Buffer.alloc(0), 'kosong.jpg', 'image/jpeg'],
    ] as const) {
      const res = await upload(op, f.kepalaId, data, name, type);
      expect(res.statusCode, name).toBe(400);
      expect(res.body).toContain('Berkas bukan gambar JPEG, PNG atau WebP yang dapat dibaca.');
    }
    const after = await t.db
      .selectFrom('penduduk')
      .select('foto')
      .where('id', '=', f.kepalaId)
      .executeTakeFirstOrThrow();
    expect(after.foto).toBe(before.foto);
    // only those who may write the record may upload
    const small = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect((await upload(kec, f.kepalaId, small, 'a.png', 'image/png')).statusCode).toBe(403);
    expect((await upload(opB, f.kepalaId, small, 'a.png', 'image/png')).statusCode).toBe(404);
  });

  it('prints a clean biodata page (no navigation), as an audited read', async () => {
    const res = await get(t.app, `/penduduk/${f.kepalaId}/cetak`, kec);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Biodata Penduduk');
    expect(res.body).toContain('class="print-page"');
    expect(res.body).not.toContain('aria-label="Menu utama"');
    expect(res.body).not.toContain('<script');
    expect(res.body).not.toContain(' style=');
    const printed = await t.db
      .selectFrom('audit_log')
      .select(['username'])
      .where('aksi', '=', 'cetak')
      .where('entitas_id', '=', String(f.kepalaId))
      .execute();
    expect(printed).toEqual([{ username: 'kec.a' }]);
  });
});
