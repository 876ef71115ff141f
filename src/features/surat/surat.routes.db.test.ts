import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '#src/domain/age.js';
import { follow, get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertFamily, insertUser, PASSWORD } from '../../../tests/support/builders.js';
import { pdfTeks } from '../../../tests/support/pdf-periksa.js';

const DOMISILI = 'surat-keterangan-domisili';
const SKTM = 'surat-keterangan-kurang-mampu';

describe('letter screens: issue, approve, reject, cancel, agenda', () => {
  const t = useTestApp();
  let operator: Session;
  let sekdes: Session;
  let kades: Session;
  let operatorB: Session;
  let siti: { id: number; nik: string };
  let budi: { id: number; nik: string };
  let rina: number;

  const base = `/desa/${DESA_A}/surat`;
  const idOf = (location: unknown) => Number(String(location).split('/').pop());
  const surat = (id: number) => t.db.selectFrom('surat').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const countSurat = async () => (await t.db.selectFrom('surat').select('id').execute()).length;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'sekdes.a', 'sekretaris-desa', DESA_A);
    await insertUser(t.db, 'kades.a', 'kepala-desa', DESA_A);
    await insertUser(t.db, 'op.b', 'operator-desa', DESA_B);
    const fam = await insertFamily(t.db, DESA_A, { nama: 'Siti Aminah', tanggallahir: '1990-01-01', sex: 2 }, [
      { nama: 'Budi Santoso', tanggallahir: '1950-03-04', sex: 1, kkLevel: 6 },
      { nama: 'Rina Lestari', tanggallahir: '2012-05-06', sex: 2, kkLevel: 4 },
    ]);
    rina = fam.memberIds[1] as number;
    const nik = async (id: number) =>
      (await t.db.selectFrom('penduduk').select('nik').where('id', '=', id).executeTakeFirstOrThrow()).nik as string;
    siti = { id: fam.kepalaId, nik: await nik(fam.kepalaId) };
    budi = { id: fam.memberIds[0] as number, nik: await nik(fam.memberIds[0] as number) };
    operator = await login(t.app, 'op.a', PASSWORD);
    sekdes = await login(t.app, 'sekdes.a', PASSWORD);
    kades = await login(t.app, 'kades.a', PASSWORD);
    operatorB = await login(t.app, 'op.b', PASSWORD);
  });

  it('lists the types (common ones first) and shows the form with a NIK box per person block', async () => {
    const list = await get(t.app, base, operator);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="${base}/baru"`);
    expect(list.body).not.toContain('Menunggu persetujuan Anda');
    const types = await get(t.app, `${base}/baru`, operator);
    expect(types.statusCode).toBe(200);
    const sering = types.body.slice(types.body.indexOf('id="sering"'), types.body.indexOf('id="semua"'));
    expect(sering).toContain(`${base}/baru/${DOMISILI}`);
    expect(sering).toContain(`${base}/baru/${SKTM}`);
    const filtered = await get(t.app, `${base}/baru?q=domisili`, operator);
    expect(filtered.body).toContain('Keterangan Domisili Usaha');
    expect(filtered.body).not.toContain(SKTM);
    const form = await get(t.app, `${base}/baru/${DOMISILI}`, operator);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="subjek.individu.nik"');
    expect(form.body).toContain('name="subjek.individu.luar.nama"');
    expect(form.body).toContain('name="isian.keperluan"');
    expect((await get(t.app, `${base}/baru/surat-tidak-ada`, operator)).statusCode).toBe(404);
  });

  it('finds a resident by name (NIK masked) and keeps the choice in the form without JavaScript', async () => {
    const url = `${base}/baru/${DOMISILI}`;
    const found = await postForm(t.app, url, operator, {
      intent: 'cari:individu',
      'cari.individu': 'siti',
      'isian.keperluan': 'Melamar kerja',
    });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('Siti Aminah');
    expect(found.body).toContain(`************${siti.nik.slice(-4)}`);
    expect(found.body).not.toContain(siti.nik);
    expect(found.body).toContain(`value="pilih:individu:${siti.id}"`);
    expect(found.body).toContain('Melamar kerja');
    const chosen = await postForm(t.app, url, operator, {
      intent: `pilih:individu:${siti.id}`,
      'isian.keperluan': 'Melamar kerja',
    });
    expect(chosen.body).toContain(`name="subjek.individu.penduduk_id" value="${siti.id}"`);
    expect(chosen.body).toContain('Melamar kerja');
    expect(await countSurat()).toBe(0);
  });

  it('previews the draft as an inline PDF and saves nothing', async () => {
    const res = await postForm(t.app, `${base}/baru/${DOMISILI}`, operator, {
      intent: 'pratinjau',
      'subjek.individu.penduduk_id': String(siti.id),
      'isian.keperluan': 'Melamar kerja',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^inline;/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfTeks(res.rawPayload);
    expect(text).toContain('Siti Aminah');
    expect(text).toContain('Melamar kerja');
    expect(await countSurat()).toBe(0);
  });

  it('refuses a missing subject, a missing required field and a dead resident, keeping what was typed', async () => {
    const noSubject = await postForm(t.app, `${base}/baru/${DOMISILI}`, operator, {
      intent: 'draf',
      'isian.keperluan': 'Melamar kerja di pabrik',
    });
    expect(noSubject.statusCode).toBe(400);
    expect(noSubject.body).toContain('Pilih penduduk untuk bagian');
    expect(noSubject.body).toContain('Melamar kerja di pabrik');

    const noField = await postForm(t.app, `${base}/baru/${SKTM}`, operator, {
      intent: 'ajukan',
      'subjek.individu.nik': siti.nik,
      'isian.keperluan': '   ',
    });
    expect(noField.statusCode).toBe(400);
    expect(noField.body).toContain('Keperluan wajib diisi.');
    expect(noField.body).toContain(`value="${siti.nik}"`);

    const badNik = await postForm(t.app, `${base}/baru/${SKTM}`, operator, {
      'subjek.individu.nik': '12345',
      'isian.keperluan': 'Beasiswa',
    });
    expect(badNik.statusCode).toBe(400);
    expect(badNik.body).toContain('NIK harus 16 angka.');

    await t.db.updateTable('penduduk').set({ status_dasar: 2 }).where('id', '=', budi.id).execute();
    const dead = await postForm(t.app, `${base}/baru/${SKTM}`, operator, {
      intent: 'ajukan',
      'subjek.individu.nik': budi.nik,
      'isian.keperluan': 'Beasiswa',
    });
    expect(dead.statusCode).toBe(400);
    expect(dead.body).toContain('tidak berstatus hidup dan tinggal di desa ini');
    expect(dead.body).toContain('Beasiswa');
    expect(await countSurat()).toBe(0);
  });

  it('lists the living family members of the chosen person for a family-member block (pindah)', async () => {
    const url = `${base}/baru/surat-keterangan-pindah-penduduk`;
    const empty = await get(t.app, url, operator);
    expect(empty.body).toContain('Tampilkan anggota keluarga');
    const shown = await postForm(t.app, url, operator, { intent: 'cari', 'subjek.individu.nik': siti.nik });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(`name="subjek.pengikut.anggota.${rina}"`);
    expect(shown.body).toContain('Rina Lestari');
    expect(shown.body).not.toContain('Budi Santoso'); // dead by now
    const ticked = await postForm(t.app, url, operator, {
      intent: 'cari',
      'subjek.individu.penduduk_id': String(siti.id),
      [`subjek.pengikut.anggota.${rina}`]: '1',
    });
    expect(ticked.body).toMatch(new RegExp(`name="subjek.pengikut.anggota.${rina}" value="1" checked`));
  });

  let issued: number;

  it('creates and submits a domisili letter; sekretaris then kepala desa approve; the signed PDF downloads', async () => {
    const res = await postForm(t.app, `${base}/baru/${DOMISILI}`, operator, {
      intent: 'ajukan',
      'subjek.individu.nik': siti.nik,
      'isian.keperluan': 'Melamar kerja',
    });
    expect(res.statusCode).toBe(303);
    issued = idOf(res.headers.location);
    const page = await follow(t.app, res, operator);
    expect(page.body).toContain('Surat diajukan dan menunggu persetujuan.');
    expect(page.body).toContain('Menunggu sekretaris desa');
    expect(page.body).toContain(siti.nik); // the operator may read NIKs
    expect(await surat(issued)).toMatchObject({ status: 'diajukan', langkah: 'sekdes', subjek_nama: 'Siti Aminah' });

    // submitting twice: the letter already moved on → the page says so
    const again = await postForm(t.app, `${base}/${issued}/ajukan`, operator, {});
    expect(again.statusCode).toBe(303);
    expect((await follow(t.app, again, operator)).body).toContain('sudah berubah keadaannya');
    // an operator does not approve
    expect((await postForm(t.app, `${base}/${issued}/setujui`, operator, {})).statusCode).toBe(403);

    const waiting = await get(t.app, base, sekdes);
    expect(waiting.body).toContain('Menunggu persetujuan Anda');
    expect(waiting.body).toContain(`${base}/${issued}`);
    const first = await postForm(t.app, `${base}/${issued}/setujui`, sekdes, {});
    expect(first.statusCode).toBe(303);
    expect(await surat(issued)).toMatchObject({ status: 'diajukan', langkah: 'kades', nomor: null });
    // now at the kepala desa's step: the sekretaris sees no approve button and cannot approve again
    expect((await get(t.app, `${base}/${issued}`, sekdes)).body).not.toContain(`${base}/${issued}/setujui`);
    expect((await postForm(t.app, `${base}/${issued}/setujui`, sekdes, {})).statusCode).toBe(403);
    expect((await get(t.app, `${base}?status=menunggu`, sekdes)).body).not.toContain(`${base}/${issued}"`);
    expect((await get(t.app, `${base}?status=menunggu`, kades)).body).toContain(`${base}/${issued}"`);

    const detail = await get(t.app, `${base}/${issued}`, kades);
    expect(detail.body).toContain('Setujui dan terbitkan');
    const last = await postForm(t.app, `${base}/${issued}/setujui`, kades, {});
    expect(last.statusCode).toBe(303);
    const row = await surat(issued);
    expect(row.status).toBe('selesai');
    expect(row.nomor).toMatch(/\/\d{3}\//);
    expect((await follow(t.app, last, kades)).body).toContain(`Surat terbit dengan nomor ${row.nomor}.`);

    const pdf = await get(t.app, `${base}/${issued}/pdf`, operator);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('/ByteRange');
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(row.pdf_sha256);
  });

  it('rejects with a reason; the operator edits and submits again', async () => {
    const res = await postForm(t.app, `${base}/baru/${SKTM}`, operator, {
      intent: 'ajukan',
      'subjek.individu.penduduk_id': String(siti.id),
      'isian.keperluan': 'Beasiswa',
    });
    const id = idOf(res.headers.location);
    const empty = await postForm(t.app, `${base}/${id}/tolak`, sekdes, { alasan: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Tuliskan alasannya.');
    const rejected = await postForm(t.app, `${base}/${id}/tolak`, sekdes, { alasan: 'Keperluan kurang jelas' });
    expect(rejected.statusCode).toBe(303);
    expect(await surat(id)).toMatchObject({ status: 'ditolak', alasan: 'Keperluan kurang jelas' });

    const page = await get(t.app, `${base}/${id}`, operator);
    expect(page.body).toContain('Keperluan kurang jelas');
    const edit = await get(t.app, `${base}/${id}/ubah`, operator);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('Beasiswa');
    expect(edit.body).toContain(`name="subjek.individu.penduduk_id" value="${siti.id}"`);
    const saved = await postForm(t.app, `${base}/${id}/ubah`, operator, {
      intent: 'ajukan',
      'subjek.individu.penduduk_id': String(siti.id),
      'isian.keperluan': 'Beasiswa sekolah anak',
    });
    expect(saved.statusCode).toBe(303);
    const row = await surat(id);
    expect(row).toMatchObject({ status: 'diajukan', langkah: 'sekdes', alasan: null });
    expect(JSON.stringify(row.data)).toContain('Beasiswa sekolah anak');
    // before it is issued, its PDF is the unsigned draft preview
    const preview = await get(t.app, `${base}/${id}/pdf`, sekdes);
    expect(preview.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(preview.rawPayload.toString('latin1')).not.toContain('/ByteRange');
    expect(pdfTeks(preview.rawPayload)).toContain('Beasiswa sekolah anak');
    // a submitted letter is not edited: back to its page
    const locked = await get(t.app, `${base}/${id}/ubah`, operator);
    expect(locked.statusCode).toBe(303);
  });

  it('cancels an issued letter: the number stays, the agenda marks it', async () => {
    const before = await surat(issued);
    const res = await postForm(t.app, `${base}/${issued}/batalkan`, operator, { alasan: 'Salah ketik alamat' });
    expect(res.statusCode).toBe(303);
    const after = await surat(issued);
    expect(after).toMatchObject({ status: 'dibatalkan', nomor: before.nomor, alasan: 'Salah ketik alamat' });
    const tahun = todayIn().slice(0, 4);
    const agenda = await get(t.app, `${base}/agenda?tahun=${tahun}`, operator);
    expect(agenda.statusCode).toBe(200);
    expect(agenda.body).toContain(String(before.nomor));
    expect(agenda.body).toContain('Dibatalkan: Salah ketik alamat');
    const xlsx = await get(t.app, `${base}/agenda.xlsx?tahun=${tahun}`, operator);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]?.getSheetValues().map((r) => JSON.stringify(r)) ?? [];
    expect(rows.some((r) => r.includes(String(before.nomor)) && r.includes('Salah ketik alamat'))).toBe(true);
    const archive = await get(t.app, `${base}?q=${encodeURIComponent(String(before.nomor))}`, operator);
    expect(archive.body).toContain(`${base}/${issued}"`);
    const dibatalkan = await get(t.app, `${base}?status=dibatalkan`, operator);
    expect(dibatalkan.body).toContain(`${base}/${issued}"`);
    const draf = await get(t.app, `${base}?status=draf`, operator);
    expect(draf.body).not.toContain(`${base}/${issued}"`);
  });

  it("hides another desa's letters (404)", async () => {
    expect((await get(t.app, `/desa/${DESA_B}/surat/${issued}`, operatorB)).statusCode).toBe(404);
    expect((await get(t.app, `/desa/${DESA_B}/surat/${issued}/pdf`, operatorB)).statusCode).toBe(404);
    expect(
      (await postForm(t.app, `/desa/${DESA_B}/surat/${issued}/batalkan`, operatorB, { alasan: 'x' })).statusCode,
    ).toBe(404);
    expect((await get(t.app, `${base}/${issued}`, operatorB)).statusCode).toBe(404);
    expect((await get(t.app, `/desa/${DESA_B}/surat`, operatorB)).body).not.toContain(`/surat/${issued}"`);
  });
});
