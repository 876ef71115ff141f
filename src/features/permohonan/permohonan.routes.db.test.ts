import { beforeAll, describe, expect, it } from 'vitest';
import { follow, get, login, ORIGIN, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertFamily, insertUser, PASSWORD } from '../../../tests/support/builders.js';
import { wargaAccount, wargaLogin } from '../../../tests/support/warga.js';

const DOMISILI = 'surat-keterangan-domisili';
const SKTM = 'surat-keterangan-kurang-mampu';
const BASE = '/layanan-mandiri/surat';

/** A resident's letter request from the phone to the pick-up: statuses 1 → 2 → 3 → 4, cancel, reject, tenancy. */
describe('permohonan surat: resident requests and the office queue', () => {
  const t = useTestApp();
  let siti: Session;
  let budi: Session;
  let wargaB: Session;
  let operator: Session;
  let sekdes: Session;
  let kades: Session;
  let operatorB: Session;
  let sitiId: number;
  const kantor = `/desa/${DESA_A}/permohonan`;
  const idOf = (location: unknown) => Number(String(location).split('/').pop());
  const row = (id: number) =>
    t.db.selectFrom('permohonan_surat').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const ajukan = (s: Session, slug: string, fields: Record<string, string>) =>
    postForm(t.app, `${BASE}/baru/${slug}`, s, fields);

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    const fam = await insertFamily(t.db, DESA_A, { nama: 'Siti Pemohon', tanggallahir: '1988-02-03', sex: 2 });
    const fam2 = await insertFamily(t.db, DESA_A, { nama: 'Budi Tetangga', tanggallahir: '1979-04-05', sex: 1 });
    const famB = await insertFamily(t.db, DESA_B, { nama: 'Warga Desa B', tanggallahir: '1990-06-07', sex: 1 });
    sitiId = fam.kepalaId;
    const nik = async (id: number) =>
      (await t.db.selectFrom('penduduk').select('nik').where('id', '=', id).executeTakeFirstOrThrow()).nik as string;
    for (const id of [fam.kepalaId, fam2.kepalaId, famB.kepalaId]) await wargaAccount(t.db, id, '482915');
    siti = await wargaLogin(t.app, await nik(fam.kepalaId), '482915');
    budi = await wargaLogin(t.app, await nik(fam2.kepalaId), '482915');
    wargaB = await wargaLogin(t.app, await nik(famB.kepalaId), '482915');
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'sekdes.a', 'sekretaris-desa', DESA_A);
    await insertUser(t.db, 'kades.a', 'kepala-desa', DESA_A);
    await insertUser(t.db, 'op.b', 'operator-desa', DESA_B);
    operator = await login(t.app, 'op.a', PASSWORD);
    sekdes = await login(t.app, 'sekdes.a', PASSWORD);
    kades = await login(t.app, 'kades.a', PASSWORD);
    operatorB = await login(t.app, 'op.b', PASSWORD);
  });

  it('offers only mandiri types the desa has not switched off', async () => {
    const list = await get(t.app, `${BASE}/baru`, siti);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`${BASE}/baru/${DOMISILI}`);
    // a type without mandiri = 1 cannot be asked for, not even by typing its address
    expect(list.body).not.toContain('surat-keterangan-kelahiran');
    expect((await get(t.app, `${BASE}/baru/surat-keterangan-kelahiran`, siti)).statusCode).toBe(404);
    const jenisId = (
      await t.db.selectFrom('surat_jenis').select('id').where('slug', '=', SKTM).executeTakeFirstOrThrow()
    ).id;
    await t.db
      .insertInto('surat_jenis_desa')
      .values({
        desa_kode: DESA_A,
        jenis_id: jenisId,
        template: null,
        format_nomor: null,
        nonaktif: 1,
        diperbarui_oleh: 'uji',
        diperbarui_pada: new Date().toISOString(),
      })
      .execute();
    expect((await get(t.app, `${BASE}/baru`, siti)).body).not.toContain(SKTM);
    expect((await get(t.app, `${BASE}/baru/${SKTM}`, siti)).statusCode).toBe(404);
    expect((await get(t.app, `${BASE}/baru`, wargaB)).body).toContain(SKTM);
    await t.db.deleteFrom('surat_jenis_desa').where('jenis_id', '=', jenisId).execute();
  });

  it('serves tiny resident pages with no inline script (they work without JavaScript: see the e2e flow)', async () => {
    for (const url of [BASE, `${BASE}/baru`, `${BASE}/baru/${DOMISILI}`, '/layanan-mandiri/biodata']) {
      const res = await get(t.app, url, siti);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(res.body.length, url).toBeLessThan(8_000);
    }
  });

  it('refuses bad input with field messages and saves nothing', async () => {
    const bad = await ajukan(siti, SKTM, { 'isian.keperluan': '  ', telepon: 'telepon saya', dokumen: '999999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Nomor telepon ditulis dengan angka');
    const bad2 = await ajukan(siti, SKTM, { 'isian.keperluan': '', telepon: '0812 3456 7890' });
    expect(bad2.statusCode).toBe(400);
    expect(bad2.body).toContain('wajib diisi');
    expect(bad2.body).toContain('0812 3456 7890');
    // a document id that is not the resident's own
    const bad3 = await ajukan(siti, SKTM, { 'isian.keperluan': 'Beasiswa', dokumen: '999999' });
    expect(bad3.statusCode).toBe(400);
    expect(bad3.body).toContain('dokumen Anda sendiri');
    expect(await t.db.selectFrom('permohonan_surat').select('id').execute()).toHaveLength(0);
  });

  it('runs the whole life: request → accept → sekdes + kades sign → ready → PDF → picked up → rated', async () => {
    const res = await ajukan(siti, DOMISILI, { 'isian.keperluan': 'Daftar sekolah anak', telepon: '0812 3456 7890' });
    expect(res.statusCode).toBe(303);
    const id = idOf(res.headers.location);
    const page = await follow(t.app, res, siti);
    expect(page.body).toContain('Permohonan terkirim. Nomor antrian Anda 1.');
    expect(page.body).toContain('Sedang Diperiksa');
    expect(await row(id)).toMatchObject({ status: 1, nomor_antrian: 1, penduduk_id: sitiId, surat_id: null });

    // the queue of desa A shows it; desa B's operator does not reach it
    const queue = await get(t.app, kantor, operator);
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`${kantor}/${id}`);
    expect(queue.body).toContain('Siti Pemohon');
    expect((await get(t.app, `${kantor}/${id}`, operatorB)).statusCode).toBe(404);
    expect((await get(t.app, `/desa/${DESA_B}/permohonan/${id}`, operatorB)).statusCode).toBe(404);
    expect(
      (await postForm(t.app, `/desa/${DESA_B}/permohonan/${id}`, operatorB, { intent: 'terima' })).statusCode,
    ).toBe(404);

    const accepted = await postForm(t.app, `${kantor}/${id}`, operator, { intent: 'terima' });
    expect(accepted.statusCode).toBe(303);
    expect((await follow(t.app, accepted, operator)).body).toContain('diajukan untuk ditandatangani');
    const r2 = await row(id);
    expect(r2.status).toBe(2);
    const surat = await t.db
      .selectFrom('surat')
      .selectAll()
      .where('id', '=', r2.surat_id as number)
      .executeTakeFirstOrThrow();
    expect(surat).toMatchObject({ penduduk_id: sitiId, status: 'diajukan', desa_kode: DESA_A });
    expect(JSON.stringify(surat.data)).toContain('Daftar sekolah anak');
    // accepting twice makes no second letter
    const twice = await postForm(t.app, `${kantor}/${id}`, operator, { intent: 'terima' });
    expect(twice.statusCode).toBe(409);
    expect(await t.db.selectFrom('surat').select('id').execute()).toHaveLength(1);
    // the resident cannot cancel any more, nor download yet
    expect((await get(t.app, `${BASE}/${id}`, siti)).body).toContain('Menunggu Tandatangan');
    expect((await postForm(t.app, `${BASE}/${id}/batal`, siti, {})).statusCode).toBe(409);
    expect((await get(t.app, `${BASE}/${id}/pdf`, siti)).statusCode).toBe(404);

    // the letter flow signs it: sekretaris, then kepala desa issues
    expect((await postForm(t.app, `/desa/${DESA_A}/surat/${surat.id}/setujui`, sekdes, {})).statusCode).toBe(303);
    expect((await postForm(t.app, `/desa/${DESA_A}/surat/${surat.id}/setujui`, kades, {})).statusCode).toBe(303);
    // still 2 in the table until someone looks: the reader derives 3 and stores it once
    expect((await row(id)).status).toBe(2);
    const ready = await get(t.app, `${BASE}/${id}`, siti);
    expect(ready.body).toContain('Siap Diambil');
    expect(ready.body).toContain(`${BASE}/${id}/pdf`);
    expect((await row(id)).status).toBe(3);
    const pdf = await get(t.app, `${BASE}/${id}/pdf`, siti);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // another resident of the same desa: 404 for the page, the PDF, cancel and rating
    for (const url of [`${BASE}/${id}`, `${BASE}/${id}/pdf`])
      expect((await get(t.app, url, budi)).statusCode).toBe(404);
    expect((await postForm(t.app, `${BASE}/${id}/batal`, budi, {})).statusCode).toBe(404);
    expect((await postForm(t.app, `${BASE}/${id}/nilai`, budi, { nilai: '1' })).statusCode).toBe(404);
    expect((await get(t.app, BASE, budi)).body).not.toContain(`${BASE}/${id}"`);
    // rating before pick-up is refused
    expect((await postForm(t.app, `${BASE}/${id}/nilai`, siti, { nilai: '5' })).statusCode).toBe(409);

    const handed = await postForm(t.app, `${kantor}/${id}`, operator, { intent: 'serahkan' });
    expect(handed.statusCode).toBe(303);
    expect(await row(id)).toMatchObject({ status: 4 });
    expect((await postForm(t.app, `${kantor}/${id}`, operator, { intent: 'serahkan' })).statusCode).toBe(409);
    expect((await postForm(t.app, `${BASE}/${id}/nilai`, siti, { nilai: '9' })).statusCode).toBe(400);
    const rated = await postForm(t.app, `${BASE}/${id}/nilai`, siti, { nilai: '5', komentar: 'Cepat' });
    expect(rated.statusCode).toBe(303);
    expect((await follow(t.app, rated, siti)).body).toContain('Penilaian Anda: 5 dari 5.');
    expect((await postForm(t.app, `${BASE}/${id}/nilai`, siti, { nilai: '1' })).statusCode).toBe(409);
    expect(await t.db.selectFrom('permohonan_penilaian').selectAll().execute()).toMatchObject([
      { permohonan_id: id, nilai: 5, komentar: 'Cepat' },
    ]);
    const aksi = (
      await t.db
        .selectFrom('audit_log')
        .select('aksi')
        .where('entitas', '=', 'permohonan')
        .where('entitas_id', '=', String(id))
        .orderBy('id')
        .execute()
    ).map((a) => a.aksi);
    expect(aksi).toEqual([
      'ajukan-permohonan',
      'terima-permohonan',
      'permohonan-siap',
      'serahkan-permohonan',
      'nilai-permohonan',
    ]);
  });

  it('lets the resident cancel only while being checked; the office rejects with a reason', async () => {
    const a = idOf((await ajukan(siti, DOMISILI, { 'isian.keperluan': 'Satu' })).headers.location);
    const b = idOf((await ajukan(siti, DOMISILI, { 'isian.keperluan': 'Dua' })).headers.location);
    expect((await row(b)).nomor_antrian).toBe((await row(a)).nomor_antrian + 1);
    // another resident cannot cancel it
    expect((await postForm(t.app, `${BASE}/${a}/batal`, budi, {})).statusCode).toBe(404);
    expect((await row(a)).status).toBe(1);
    const cancel = await postForm(t.app, `${BASE}/${a}/batal`, siti, {});
    expect(cancel.statusCode).toBe(303);
    expect(await row(a)).toMatchObject({ status: 5, alasan: 'Dibatalkan oleh pemohon' });
    expect((await postForm(t.app, `${BASE}/${a}/batal`, siti, {})).statusCode).toBe(409);
    // a cancelled request cannot be accepted
    expect((await postForm(t.app, `${kantor}/${a}`, operator, { intent: 'terima' })).statusCode).toBe(409);

    const noReason = await postForm(t.app, `${kantor}/${b}`, operator, { intent: 'tolak', alasan: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect((await row(b)).status).toBe(1);
    const rejected = await postForm(t.app, `${kantor}/${b}`, operator, {
      intent: 'tolak',
      alasan: 'KK belum diperbarui',
    });
    expect(rejected.statusCode).toBe(303);
    expect(await row(b)).toMatchObject({ status: 5, alasan: 'KK belum diperbarui', surat_id: null });
    expect((await get(t.app, `${BASE}/${b}`, siti)).body).toContain('Dibatalkan: KK belum diperbarui');
    // the filter shows cancelled ones only when asked
    const filtered = await get(t.app, `${kantor}?status=1`, operator);
    expect(filtered.body).not.toContain(`${kantor}/${b}"`);
    expect((await get(t.app, `${kantor}?status=5`, operator)).body).toContain(`${kantor}/${b}"`);
  });

  it('is ready at once when the desa signs without approval steps (the letter is issued on accept)', async () => {
    const now = new Date().toISOString();
    await t.db
      .insertInto('surat_setelan')
      .values({ lingkup: DESA_A, kunci: 'rantai', nilai: '', diperbarui_oleh: 'uji', diperbarui_pada: now })
      .execute();
    try {
      const id = idOf((await ajukan(siti, DOMISILI, { 'isian.keperluan': 'Langsung' })).headers.location);
      const res = await postForm(t.app, `${kantor}/${id}`, operator, { intent: 'terima' });
      expect(res.statusCode).toBe(303);
      expect(await row(id)).toMatchObject({ status: 3 });
      expect((await get(t.app, `${BASE}/${id}/pdf`, siti)).statusCode).toBe(200);
    } finally {
      await t.db.deleteFrom('surat_setelan').where('lingkup', '=', DESA_A).where('kunci', '=', 'rantai').execute();
    }
  });

  it('messages: the office writes to the applicant, the resident reads it; nobody else does', async () => {
    const id = idOf((await ajukan(siti, DOMISILI, { 'isian.keperluan': 'Tiga' })).headers.location);
    const sent = await postForm(t.app, `${kantor}/${id}`, operator, { intent: 'pesan', isi: 'Bawa KK asli ya' });
    expect(sent.statusCode).toBe(303);
    expect((await get(t.app, '/layanan-mandiri/pesan', siti)).body).toContain('Bawa KK asli ya');
    expect((await get(t.app, '/layanan-mandiri/pesan', budi)).body).not.toContain('Bawa KK asli ya');
    const reply = await postForm(t.app, '/layanan-mandiri/pesan', siti, { isi: 'Baik, terima kasih' });
    expect(reply.statusCode).toBe(303);
    expect((await get(t.app, `${kantor}/pesan`, operator)).body).toContain('Siti Pemohon');
    expect((await get(t.app, `${kantor}/pesan/${sitiId}`, operator)).body).toContain('Baik, terima kasih');
    expect((await get(t.app, `/desa/${DESA_B}/permohonan/pesan/${sitiId}`, operatorB)).statusCode).toBe(404);
    // desa B's office cannot write to desa A's resident through its own queue: 404, nothing stored
    const before = await t.db.selectFrom('warga_pesan').select('id').where('penduduk_id', '=', sitiId).execute();
    const foreign = await postForm(t.app, `/desa/${DESA_B}/permohonan/pesan/${sitiId}`, operatorB, {
      isi: 'Salah desa',
    });
    expect(foreign.statusCode).toBe(404);
    const after = await t.db.selectFrom('warga_pesan').select('id').where('penduduk_id', '=', sitiId).execute();
    expect(after.length).toBe(before.length);
    expect((await postForm(t.app, '/layanan-mandiri/pesan', siti, { isi: '' })).statusCode).toBe(400);
  });

  it('answers staff and anonymous visitors of resident pages with the resident login, and residents at the office with a staff login', async () => {
    const anon = await get(t.app, BASE);
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toMatch(/^\/layanan-mandiri\/masuk\?lanjut=/);
    expect((await get(t.app, BASE, operator)).statusCode).toBe(303);
    const res = await t.app.inject({
      method: 'POST',
      url: `${BASE}/1/batal`,
      headers: { origin: ORIGIN, host: 'localhost' },
    });
    expect(res.statusCode).toBe(401);
    const office = await get(t.app, kantor, siti);
    expect(office.statusCode).toBe(303);
    expect(office.headers.location).toMatch(/^\/masuk/);
  });
});
