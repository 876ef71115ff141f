import { beforeAll, describe, expect, it } from 'vitest';
import { isHttpError } from '#src/lib/errors.js';
import { follow, get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertFamily, insertUser, PASSWORD } from '../../../tests/support/builders.js';
import { pdfTeks } from '../../../tests/support/pdf-periksa.js';
import { jenisUntukDesa } from './surat-jenis.service.js';

const SLUG = 'surat-keterangan-domisili';
const TEKS = `Yang bertanda tangan di bawah ini menerangkan bahwa:

| Nama | **[NAma]**
| NIK | [nik]
| Alamat | [Alamat_lengkap]

Benar warga [Sebutan_desa] [Nama_desa] dan berkelakuan baik, untuk keperluan [form_keperluan].`;

describe('desa letter templates (screens)', () => {
  const t = useTestApp();
  let adminA: Session;
  let adminB: Session;
  let operator: Session;
  let adminKab: Session;
  const base = `/desa/${DESA_A}/surat/template`;
  const edit = `${base}/${SLUG}`;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'adm.a', 'admin-desa', DESA_A);
    await insertUser(t.db, 'adm.b', 'admin-desa', DESA_B);
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'adm.kab', 'admin-kabupaten', '33.17');
    adminA = await login(t.app, 'adm.a', PASSWORD);
    adminB = await login(t.app, 'adm.b', PASSWORD);
    operator = await login(t.app, 'op.a', PASSWORD);
    adminKab = await login(t.app, 'adm.kab', PASSWORD);
  });

  const override = () =>
    t.db.selectFrom('surat_jenis_desa').selectAll().where('desa_kode', '=', DESA_A).executeTakeFirst();

  it('lists the desa’s types and opens the editor with the placeholders this type knows', async () => {
    const list = await get(t.app, base, adminA);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="${edit}"`);
    expect(list.body.match(/data-slug=/g)?.length).toBe(42);
    expect(list.body).not.toContain('<strong>Templat desa</strong>');
    const page = await get(t.app, edit, adminA);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Desa ini memakai isi surat bawaan.');
    expect(page.body).toContain('[form_keperluan]');
    expect(page.body).toContain('[nama_desa]');
    expect(page.body).toContain('[NAma] → HURUF BESAR');
    expect(page.body).toContain('formtarget="pratinjau-surat"');
    expect(page.body).toContain('<script src="/aset/surat-pratinjau.js"');
    const script = await get(t.app, '/aset/surat-pratinjau.js');
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain('requestSubmit');
  });

  it('refuses unknown placeholders, naming them, and saves nothing', async () => {
    const res = await postForm(t.app, edit, adminA, {
      intent: 'simpan',
      template: `${TEKS}\nSaksi: [nama_saksi_i]. Usaha: [Form_usaha].`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Kode isian ini tidak dikenal untuk jenis surat ini: [nama_saksi_i], [form_usaha].');
    expect(res.body).toContain('Usaha: [Form_usaha].</textarea>');
    const empty = await postForm(t.app, edit, adminA, { intent: 'simpan', template: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(await override()).toBeUndefined();
  });

  it('saves the desa text, which letters of this desa then use; reset returns to the built-in text', async () => {
    const res = await postForm(t.app, edit, adminA, { intent: 'simpan', template: TEKS.replaceAll('\n', '\r\n') });
    expect(res.statusCode).toBe(303);
    expect((await follow(t.app, res, adminA)).body).toContain('Desa ini memakai isi surat sendiri.');
    const jenis = await jenisUntukDesa(t.db, DESA_A, { slug: SLUG });
    expect(jenis).toMatchObject({ templateDesa: true, template: TEKS });
    expect(await jenisUntukDesa(t.db, DESA_B, { slug: SLUG })).toMatchObject({ templateDesa: false });
    expect((await get(t.app, base, adminA)).body).toContain('<strong>Templat desa</strong>');

    const reset = await postForm(t.app, edit, adminA, { intent: 'bawaan' });
    expect(reset.statusCode).toBe(303);
    expect(await override()).toMatchObject({ template: null, nonaktif: 0 });
    const after = await jenisUntukDesa(t.db, DESA_A, { slug: SLUG });
    expect(after.templateDesa).toBe(false);
    expect(after.template).toBe(after.def.template);

    // the built-in text saved as is stays "built-in" (it follows later improvements)
    await postForm(t.app, edit, adminA, { intent: 'simpan', template: after.def.template });
    expect((await override())?.template).toBeNull();

    const log = await t.db
      .selectFrom('audit_log')
      .select(['aksi', 'entitas', 'entitas_id', 'desa_kode'])
      .where('entitas', '=', 'surat_jenis')
      .orderBy('id')
      .execute();
    expect(log).toEqual([
      { aksi: 'ubah_templat_desa', entitas: 'surat_jenis', entitas_id: SLUG, desa_kode: DESA_A },
      { aksi: 'ubah_templat_desa', entitas: 'surat_jenis', entitas_id: SLUG, desa_kode: DESA_A },
    ]);
  });

  it('previews the typed text as a PDF with made-up people, never a resident', async () => {
    await insertFamily(t.db, DESA_A, { nama: 'Warga Asli Sekali', tanggallahir: '1980-01-01', sex: 1 });
    const res = await postForm(t.app, `${edit}/pratinjau`, adminA, { intent: 'pratinjau', template: TEKS });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^inline;/);
    // shown in the editor's frame: this response may be framed by the same site (other pages may not)
    expect(res.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfTeks(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('BUDI CONTOH SANTOSO');
    expect(text).toContain('contoh keperluan');
    expect(text).toContain('1234567890123401');
    expect(text).not.toContain('Warga Asli');
    // nothing saved by a preview
    expect((await override())?.template ?? null).toBeNull();
    // an empty text previews the text in force
    const inForce = await postForm(t.app, `${edit}/pratinjau`, adminA, { template: '' });
    expect(pdfTeks(inForce.rawPayload)).toContain('Demikian surat keterangan ini');
  });

  it('switches a type off for the desa only, and on again', async () => {
    const off = await postForm(t.app, edit, adminA, { intent: 'nonaktif' });
    expect(off.statusCode).toBe(303);
    await expect(jenisUntukDesa(t.db, DESA_A, { slug: SLUG })).rejects.toSatisfy(
      (e) => isHttpError(e) && e.status === 404,
    );
    expect((await jenisUntukDesa(t.db, DESA_B, { slug: SLUG })).id).toBeGreaterThan(0);
    expect((await get(t.app, edit, adminA)).body).toContain('tidak dipakai di desa ini');
    await postForm(t.app, edit, adminA, { intent: 'aktifkan' });
    expect((await jenisUntukDesa(t.db, DESA_A, { slug: SLUG })).templateDesa).toBe(false);
  });

  it('another desa’s admin cannot see or change it; operators and the kabupaten may not', async () => {
    expect((await get(t.app, edit, adminB)).statusCode).toBe(404);
    expect((await postForm(t.app, edit, adminB, { intent: 'simpan', template: TEKS })).statusCode).toBe(404);
    expect((await postForm(t.app, `${edit}/pratinjau`, adminB, { template: TEKS })).statusCode).toBe(404);
    expect((await postForm(t.app, edit, operator, { intent: 'simpan', template: TEKS })).statusCode).toBe(403);
    expect((await postForm(t.app, edit, adminKab, { intent: 'nonaktif' })).statusCode).toBe(403);
    expect((await get(t.app, `${base}/surat-tidak-ada`, adminA)).statusCode).toBe(404);
    expect((await postForm(t.app, edit, adminA, { intent: 'hapus' })).statusCode).toBe(400);
    expect((await override())?.template ?? null).toBeNull();
  });
});
