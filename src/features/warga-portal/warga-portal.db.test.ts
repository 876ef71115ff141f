import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '#src/lib/time-zone.js';
import { follow, get, login, ORIGIN, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, insertFamily, insertUser, PASSWORD } from '../../../tests/support/builders.js';
import { wargaAccount, wargaLogin } from '../../../tests/support/warga.js';

/** A multipart upload of one file as a phone's browser sends it. */
function multipart(fields: Record<string, string>, file: Buffer, filename: string, type: string) {
  const boundary = '----balaiwarga';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return {
    payload: Buffer.concat([
      Buffer.from(parts.join('')),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="berkas"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The resident's own pages: biodata (masked), documents by content, and who opened their data. */
describe('layanan mandiri: biodata, documents, access log', () => {
  const t = useTestApp({ BALAI_UPLOAD_LIMIT: '200000' });
  let siti: Session;
  let budi: Session;
  let operator: Session;
  let kades: Session;
  let siti_: { id: number; nik: string; keluargaId: number; anakId: number; noKk: string };
  let budiId: number;
  let budiKeluarga: number;

  const unggah = (s: Session, file: Buffer, filename = 'ktp.jpg', type = 'image/jpeg', jenis = '3') => {
    const body = multipart({ _csrf: s.csrf, jenis, nama: 'KTP saya' }, file, filename, type);
    return t.app.inject({
      method: 'POST',
      url: '/layanan-mandiri/dokumen',
      headers: { origin: ORIGIN, host: 'localhost', cookie: s.cookie, ...body.headers },
      payload: body.payload,
    });
  };
  const dokumen = () => t.db.selectFrom('warga_dokumen').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    const fam = await insertFamily(t.db, DESA_A, { nama: 'Siti Biodata', tanggallahir: '1985-01-02', sex: 2 }, [
      { nama: 'Anak Biodata', tanggallahir: '2015-03-04', sex: 1, kkLevel: 4 },
    ]);
    const fam2 = await insertFamily(t.db, DESA_A, { nama: 'Budi Lain', tanggallahir: '1970-05-06', sex: 1 });
    budiId = fam2.kepalaId;
    budiKeluarga = fam2.keluargaId;
    const p = await t.db.selectFrom('penduduk').select('nik').where('id', '=', fam.kepalaId).executeTakeFirstOrThrow();
    const kk = await t.db
      .selectFrom('keluarga')
      .select('no_kk')
      .where('id', '=', fam.keluargaId)
      .executeTakeFirstOrThrow();
    siti_ = {
      id: fam.kepalaId,
      nik: p.nik as string,
      keluargaId: fam.keluargaId,
      anakId: fam.memberIds[0] as number,
      noKk: kk.no_kk,
    };
    await wargaAccount(t.db, fam.kepalaId, '482915');
    await wargaAccount(t.db, fam2.kepalaId, '482915');
    siti = await wargaLogin(t.app, siti_.nik, '482915');
    const nikBudi = await t.db.selectFrom('penduduk').select('nik').where('id', '=', budiId).executeTakeFirstOrThrow();
    budi = await wargaLogin(t.app, nikBudi.nik as string, '482915');
    await insertUser(t.db, 'op.bio', 'operator-desa', DESA_A);
    await insertUser(t.db, 'kades.bio', 'kepala-desa', DESA_A);
    operator = await login(t.app, 'op.bio', PASSWORD);
    kades = await login(t.app, 'kades.bio', PASSWORD);
  });

  it('shows own biodata with NIK and KK masked, family members by name, relationship and age only', async () => {
    const res = await get(t.app, '/layanan-mandiri/biodata', siti);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Siti Biodata');
    expect(res.body).toContain(`************${siti_.nik.slice(-4)}`);
    expect(res.body).not.toContain(siti_.nik);
    expect(res.body).not.toContain(siti_.noKk);
    expect(res.body).toContain('Anak Biodata');
    expect(res.body).toContain('ANAK');
    const anak = await t.db
      .selectFrom('penduduk')
      .select('nik')
      .where('id', '=', siti_.anakId)
      .executeTakeFirstOrThrow();
    expect(res.body).not.toContain((anak.nik as string).slice(-6));
    expect(res.body).not.toContain('Budi Lain');
    expect(res.body).not.toMatch(/\d{16}/);
  });

  it('keeps JPEG, PNG and clean PDF; re-encodes images so appended bytes do not survive', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c0ffee' } })
      .jpeg()
      .toBuffer();
    const withPhp = Buffer.concat([jpeg, Buffer.from('<?php system($_GET["c"]); ?>')]);
    const ok = await unggah(siti, withPhp);
    expect(ok.statusCode).toBe(303);
    expect((await follow(t.app, ok, siti)).body).toContain('Dokumen tersimpan.');
    const png = await sharp({ create: { width: 20, height: 20, channels: 4, background: '#00000000' } })
      .png()
      .toBuffer();
    expect((await unggah(siti, png, 'kk.png', 'image/png', '2')).statusCode).toBe(303);
    expect((await unggah(siti, PDF, 'pengantar.pdf', 'application/pdf', '1')).statusCode).toBe(303);
    const rows = await dokumen();
    expect(rows.map((r) => r.mime)).toEqual(['image/jpeg', 'image/jpeg', 'application/pdf']);
    expect(rows.every((r) => r.penduduk_id === siti_.id && !r.berkas.includes('..'))).toBe(true);
    const first = rows[0] as (typeof rows)[number];
    const served = await get(t.app, `/layanan-mandiri/dokumen/${first.id}`, siti);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.includes(Buffer.from('<?php'))).toBe(false);
    expect((await sharp(served.rawPayload).metadata()).format).toBe('jpeg');
  });

  it('refuses PHP disguised as JPEG, SVG, a PDF with script, an empty and an oversized file; stores nothing', async () => {
    const before = (await dokumen()).length;
    const cases: [Buffer, string, string, string][] = [
      [Buffer.from('<?php echo shell_exec($_GET["c"]); ?>'), 'foto.jpg', 'image/jpeg', 'bukan gambar JPEG'],
      [
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>'),
        'ktp.svg',
        'image/svg+xml',
        'SVG tidak diterima',
      ],
      [
        Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF\n'),
        'a.pdf',
        'application/pdf',
        'memuat skrip',
      ],
      [Buffer.alloc(300_000, 0xff), 'besar.jpg', 'image/jpeg', 'Berkas terlalu besar'],
      [Buffer.alloc(0), 'kosong.jpg', 'image/jpeg', ''],
    ];
    for (const [buf, name, type, message] of cases) {
      const res = await unggah(siti, buf, name, type);
      expect(res.statusCode, name).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, name).toBeLessThan(500);
      if (message) expect(res.body).toContain(message);
    }
    const noType = await unggah(siti, PDF, 'a.pdf', 'application/pdf', '77');
    expect(noType.statusCode).toBe(400);
    expect(noType.body).toContain('Pilih jenis dokumen');
    expect((await dokumen()).length).toBe(before);
  });

  it("never shows, serves or deletes another resident's document (404)", async () => {
    const [first] = await dokumen();
    const id = (first as { id: number }).id;
    expect((await get(t.app, `/layanan-mandiri/dokumen/${id}`, budi)).statusCode).toBe(404);
    expect((await postForm(t.app, `/layanan-mandiri/dokumen/${id}/hapus`, budi, {})).statusCode).toBe(404);
    expect((await get(t.app, '/layanan-mandiri/dokumen', budi)).body).not.toContain(`/layanan-mandiri/dokumen/${id}"`);
    expect((await dokumen()).some((d) => d.id === id)).toBe(true);
    // nor can it be attached to budi's request
    const res = await postForm(t.app, '/layanan-mandiri/surat/baru/surat-keterangan-domisili', budi, {
      'isian.keperluan': 'x',
      dokumen: String(id),
    });
    expect(res.statusCode).toBe(400);
    // siti may delete her own
    expect((await postForm(t.app, `/layanan-mandiri/dokumen/${id}/hapus`, siti, {})).statusCode).toBe(303);
    expect((await get(t.app, `/layanan-mandiri/dokumen/${id}`, siti)).statusCode).toBe(404);
  });

  it('lists exactly the audit trail reads of own record, family and documents — nothing of anyone else', async () => {
    // reads by staff: siti's record (view + print), her family, budi's record and family (must not show)
    expect((await get(t.app, `/penduduk/${siti_.id}`, operator)).statusCode).toBe(200);
    expect((await get(t.app, `/penduduk/${siti_.id}`, kades)).statusCode).toBe(200);
    expect((await get(t.app, `/penduduk/${siti_.id}/cetak`, operator)).statusCode).toBe(200);
    expect((await get(t.app, `/keluarga/${siti_.keluargaId}`, operator)).statusCode).toBe(200);
    expect((await get(t.app, `/penduduk/${budiId}`, operator)).statusCode).toBe(200);
    expect((await get(t.app, `/keluarga/${budiKeluarga}`, kades)).statusCode).toBe(200);
    expect((await get(t.app, `/penduduk/${siti_.anakId}`, kades)).statusCode).toBe(200);
    // a request with a document the operator opens from the queue
    const [dok] = await dokumen();
    const req = await postForm(t.app, '/layanan-mandiri/surat/baru/surat-keterangan-domisili', siti, {
      'isian.keperluan': 'Akses',
      dokumen: String((dok as { id: number }).id),
    });
    const pid = Number(String(req.headers.location).split('/').pop());
    const opened = await get(
      t.app,
      `/desa/${DESA_A}/permohonan/${pid}/dokumen/${(dok as { id: number }).id}`,
      operator,
    );
    expect(opened.statusCode).toBe(200);
    // budi cannot open the document through the office route
    expect(
      (await get(t.app, `/desa/${DESA_A}/permohonan/${pid}/dokumen/${(dok as { id: number }).id}`, budi)).statusCode,
    ).toBe(303);

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['waktu', 'username', 'entitas', 'entitas_id', 'aksi', 'pengguna_id'])
      .where('aksi', 'in', ['baca', 'cetak'])
      .where('pengguna_id', 'is not', null)
      .orderBy('id', 'desc')
      .execute();
    const mine = audit.filter(
      (a) =>
        (a.entitas === 'penduduk' && a.entitas_id === String(siti_.id)) ||
        (a.entitas === 'keluarga' && a.entitas_id === String(siti_.keluargaId)) ||
        (a.entitas === 'warga_dokumen' && a.entitas_id === String((dok as { id: number }).id)),
    );
    // desa staff opening the family page is not a recorded read (only kabupaten/kecamatan looks are): 4 rows
    expect(mine.length).toBe(4);
    expect(audit.length).toBeGreaterThan(mine.length);

    const page = await get(t.app, '/layanan-mandiri/akses', siti);
    expect(page.statusCode).toBe(200);
    const rows = [
      ...page.body.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g),
    ];
    expect(rows.map((r) => r[2])).toEqual(mine.map((m) => `Pengguna ${m.username}`));
    expect(rows.map((r) => r[4]?.split(' (')[0])).toEqual(
      mine.map(
        (m) =>
          ({ penduduk: 'Data pribadi', keluarga: 'Data keluarga', warga_dokumen: 'Dokumen Anda' })[
            m.entitas as 'penduduk'
          ],
      ),
    );
    expect(rows.map((r) => r[3])).toEqual(mine.map((m) => (m.username === 'op.bio' ? 'Operator desa' : 'Kepala desa')));
    expect(rows.map((r) => r[1])).toEqual(mine.map((m) => formatDateTime(String(m.waktu), 'id')));
    expect(page.body).not.toContain('Budi Lain');
    expect(page.body).not.toContain('Anak Biodata');
    // budi sees only his own read: the operator opened his record once
    const other = await get(t.app, '/layanan-mandiri/akses', budi);
    expect([...other.body.matchAll(/<tr><td>/g)]).toHaveLength(1);
    expect(other.body).not.toContain('Siti Biodata');
  });

  it('tells honestly that aid data does not exist yet', async () => {
    const res = await get(t.app, '/layanan-mandiri/bantuan', siti);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Data bantuan belum tersedia di desa ini');
  });
});
