import { beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '#src/lib/db/time.js';
import { isHttpError } from '#src/lib/errors.js';
import { get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, insertUser, KAB, PASSWORD } from '../../../tests/support/builders.js';
import { pdfTeks } from '../../../tests/support/pdf-periksa.js';
import { jenisUntukDesa } from './surat-jenis.service.js';

const DESA_PATI = '33.18.01.2001';
const SLUG = 'surat-keterangan-penghasilan-orang-tua-kabupaten';
const BARU = {
  nama: 'Keterangan Penghasilan Orang Tua Kabupaten',
  slug: '',
  kode: '470',
  kertas: 'A4',
  masa_berlaku: '1',
  satuan_masa_berlaku: 'M',
  mandiri: '1',
  qr: '1',
  sumber_individu_desa: '1',
  sumber_individu_luar_nik: '1',
  blok_ayah: '1',
  sumber_ayah_desa: '1',
  sumber_ayah_luar_lengkap: '1',
  isian_0_kode: 'penghasilan',
  isian_0_nama: 'Penghasilan per bulan',
  isian_0_tipe: 'number',
  isian_0_wajib: '1',
  isian_3_kode: 'keperluan',
  isian_3_nama: 'Keperluan',
  isian_3_tipe: 'select',
  isian_3_pilihan: 'Beasiswa; Sekolah ',
  template:
    'Menerangkan bahwa **[NAma]** anak dari [Nama_ayah] berpenghasilan Rp [form_penghasilan] ([terbilang][form_penghasilan] rupiah) untuk [form_keperluan].',
};

describe('kabupaten letter types (screens)', () => {
  const t = useTestApp();
  let adminKab: Session;
  let adminPati: Session;
  let adminA: Session;
  let operator: Session;
  let adminDesaPati: Session;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_PATI);
    await insertUser(t.db, 'adm.kab', 'admin-kabupaten', KAB);
    await insertUser(t.db, 'adm.pati', 'admin-kabupaten', '33.18');
    await insertUser(t.db, 'adm.a', 'admin-desa', DESA_A);
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'adm.desa.pati', 'admin-desa', DESA_PATI);
    adminKab = await login(t.app, 'adm.kab', PASSWORD);
    adminPati = await login(t.app, 'adm.pati', PASSWORD);
    adminA = await login(t.app, 'adm.a', PASSWORD);
    operator = await login(t.app, 'op.a', PASSWORD);
    adminDesaPati = await login(t.app, 'adm.desa.pati', PASSWORD);
  });

  const count = async () =>
    (await t.db.selectFrom('surat_jenis').select('id').where('kabupaten_kode', 'is not', null).execute()).length;
  const notFound = (e: unknown) => isHttpError(e) && e.status === 404;

  it('offers an empty form; desa staff may not create types', async () => {
    const page = await get(t.app, '/kabupaten/surat/jenis/baru', adminKab);
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/name="isian_\d+_kode"/g)).toHaveLength(10);
    expect(page.body).toContain('name="blok_saksi_ii"');
    expect((await get(t.app, '/kabupaten/surat/jenis/baru', adminA)).statusCode).toBe(403);
    expect((await postForm(t.app, '/kabupaten/surat/jenis/baru', adminA, BARU)).statusCode).toBe(403);
    expect((await postForm(t.app, '/kabupaten/surat/jenis/baru', operator, BARU)).statusCode).toBe(403);
  });

  it('refuses incomplete or wrong definitions with messages, creating nothing', async () => {
    const before = await count();
    const refuse = async (over: Record<string, string>, message: string) => {
      const res = await postForm(t.app, '/kabupaten/surat/jenis/baru', adminKab, { ...BARU, ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.body).toContain(message);
      return res;
    };
    const bad = await refuse(
      { template: `${BARU.template} Gaji: [form_gaji].` },
      'tidak dikenal untuk jenis surat ini: [form_gaji]',
    );
    expect(bad.body).toContain('value="Penghasilan per bulan"');
    await refuse({ slug: 'surat-keterangan-domisili' }, 'sudah dipakai jenis surat lain');
    await refuse({ sumber_individu_desa: '', sumber_individu_luar_nik: '' }, 'Yang bersangkutan: pilih minimal satu');
    await refuse({ isian_3_pilihan: '' }, 'Isian baris 4:');
    await refuse({ isian_0_kode: 'Penghasilan Bulanan' }, 'Isian baris 1: huruf kecil, angka dan garis bawah');
    await refuse({ isian_0_kode: '' }, 'Isian baris 1: tulis kode dan namanya.');
    await refuse({ nama: '' }, 'Tulis nama jenis surat.');
    await refuse({ masa_berlaku: '1', satuan_masa_berlaku: '' }, 'masa berlaku dan satuannya diisi bersama');
    expect(await count()).toBe(before);
  });

  it('previews the form as a PDF with made-up people; an unfinished form gets its problems', async () => {
    const res = await postForm(t.app, '/kabupaten/surat/jenis/pratinjau', adminKab, BARU);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfTeks(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('BUDI CONTOH SANTOSO');
    expect(text).toContain('Slamet Contoh');
    expect(text).toContain('(dua rupiah)');
    expect(text).toContain('untuk beasiswa.');
    const unfinished = await postForm(t.app, '/kabupaten/surat/jenis/pratinjau', adminKab, { ...BARU, nama: '' });
    expect(unfinished.statusCode).toBe(400);
    expect(unfinished.headers['content-type']).toContain('text/html');
    expect(unfinished.body).toContain('Tulis nama jenis surat.');
  });

  it('creates a type for the desa of this kabupaten only, and audits it', async () => {
    const res = await postForm(t.app, '/kabupaten/surat/jenis/baru', adminKab, BARU);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/kabupaten/surat/jenis/${SLUG}`);
    const row = await t.db.selectFrom('surat_jenis').selectAll().where('slug', '=', SLUG).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kabupaten_kode: KAB, bawaan: 0, aktif: 1, mandiri: 1, kertas: 'A4', kode: '470' });

    const jenis = await jenisUntukDesa(t.db, DESA_A, { slug: SLUG });
    expect(jenis.def.blok.map((b) => [b.kode, b.data])).toEqual([
      ['individu', ['desa', 'luar_nik']],
      ['ayah', ['desa', 'luar_lengkap']],
    ]);
    expect(jenis.def.blok[1]).toMatchObject({ sex: 1, hubungan: 'individu' });
    expect(jenis.def.isian).toEqual([
      { kode: 'penghasilan', nama: 'Penghasilan per bulan', tipe: 'number', wajib: true },
      { kode: 'keperluan', nama: 'Keperluan', tipe: 'select', wajib: false, pilihan: ['Beasiswa', 'Sekolah'] },
    ]);
    expect(jenis.def).toMatchObject({ masa_berlaku: 1, satuan_masa_berlaku: 'M', qr: true });
    await expect(jenisUntukDesa(t.db, DESA_PATI, { slug: SLUG })).rejects.toSatisfy(notFound);

    expect((await get(t.app, `/desa/${DESA_A}/surat/template`, adminA)).body).toContain(`data-slug="${SLUG}"`);
    const pati = await get(t.app, `/desa/${DESA_PATI}/surat/template`, adminDesaPati);
    expect(pati.statusCode).toBe(200);
    expect(pati.body).not.toContain(SLUG);
    expect((await get(t.app, '/kabupaten/surat/jenis', adminKab)).body).toContain(`data-slug="${SLUG}"`);
    expect((await get(t.app, '/kabupaten/surat/jenis', adminPati)).body).not.toContain(SLUG);
    expect((await get(t.app, `/kabupaten/surat/jenis/${SLUG}`, adminPati)).statusCode).toBe(404);

    const log = await t.db.selectFrom('audit_log').selectAll().where('aksi', '=', 'tambah_jenis_surat').execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ entitas: 'surat_jenis', entitas_id: SLUG, username: 'adm.kab' });
  });

  it('edits its own type (slug kept), may switch it off; another kabupaten cannot', async () => {
    const page = await get(t.app, `/kabupaten/surat/jenis/${SLUG}`, adminKab);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="isian_1_kode" value="keperluan"');
    expect(page.body).toContain('value="Beasiswa; Sekolah"');

    const changed = {
      ...BARU,
      nama: 'Keterangan Penghasilan Orang Tua',
      slug: 'surat-lain',
      aktif: '1',
      isian_3_kode: '',
      isian_3_nama: '',
    };
    changed.template = changed.template.replace(' untuk [form_keperluan]', '');
    const res = await postForm(t.app, `/kabupaten/surat/jenis/${SLUG}`, adminKab, changed);
    expect(res.statusCode).toBe(303);
    const jenis = await jenisUntukDesa(t.db, DESA_A, { slug: SLUG });
    expect(jenis.def.nama).toBe('Keterangan Penghasilan Orang Tua');
    expect(jenis.def.isian.map((f) => f.kode)).toEqual(['penghasilan']);

    expect((await postForm(t.app, `/kabupaten/surat/jenis/${SLUG}`, adminPati, changed)).statusCode).toBe(404);
    const off = await postForm(t.app, `/kabupaten/surat/jenis/${SLUG}`, adminKab, { ...changed, aktif: '' });
    expect(off.statusCode).toBe(303);
    await expect(jenisUntukDesa(t.db, DESA_A, { slug: SLUG })).rejects.toSatisfy(notFound);
    const log = await t.db.selectFrom('audit_log').select('perubahan').where('aksi', '=', 'ubah_jenis_surat').execute();
    expect(log).toHaveLength(2);
    expect(readJson(log[1]?.perubahan)).toEqual({ aktif: [true, false] });
  });

  it('shows built-in types read-only and refuses changes to them', async () => {
    const page = await get(t.app, '/kabupaten/surat/jenis/surat-keterangan-domisili', adminKab);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Jenis surat bawaan hanya dapat dibaca');
    expect(page.body).not.toContain('name="template"');
    const before = await t.db
      .selectFrom('surat_jenis')
      .select(['nama', 'template'])
      .where('slug', '=', 'surat-keterangan-domisili')
      .executeTakeFirstOrThrow();
    const res = await postForm(t.app, '/kabupaten/surat/jenis/surat-keterangan-domisili', adminKab, {
      ...BARU,
      template: 'Menerangkan bahwa [nama] berdomisili di sini.',
      blok_ayah: '',
      isian_0_kode: '',
      isian_0_nama: '',
      isian_3_kode: '',
      isian_3_nama: '',
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Jenis surat bawaan tidak dapat diubah di sini.');
    const after = await t.db
      .selectFrom('surat_jenis')
      .select(['nama', 'template'])
      .where('slug', '=', 'surat-keterangan-domisili')
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });
});
