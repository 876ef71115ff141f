import { beforeAll, describe, expect, it } from 'vitest';
import { follow, get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import {
  activate,
  DESA_A,
  DESA_B,
  insertFamily,
  insertTree,
  insertUser,
  makeNik,
  PASSWORD,
} from '../../../tests/support/builders.js';

const versiIn = (html: string) => /name="versi" value="(\d+)"/.exec(html)?.[1];
/** What a browser would submit from the form's fields (inputs, selected options, textareas; no files). */
function formFields(html: string): Record<string, string> {
  const form = /<form method="post" action="\/penduduk\/\d+\/ubah"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  const out: Record<string, string> = {};
  const decode = (v: string) => v.replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  for (const m of form.matchAll(/<input ([^>]*)\/?>/g)) {
    const name = / name="([^"]+)"/.exec(m[1] ?? '')?.[1];
    if (name && name !== '_csrf') out[name] = decode(/ value="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '');
  }
  for (const m of form.matchAll(/<select [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g))
    out[m[1] ?? ''] = /<option value="([^"]*)" selected>/.exec(m[2] ?? '')?.[1] ?? '';
  for (const m of form.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    out[m[1] ?? ''] = decode(m[2] ?? '');
  return out;
}
const idFrom = (location: unknown) => Number(/^\/penduduk\/(\d+)$/.exec(String(location))?.[1]);

describe('resident forms: birth, arrival, edit', () => {
  const t = useTestApp();
  let op: Session;
  let op2: Session;
  let family = { keluargaId: 0, kepalaId: 0, lingkunganId: 0 };
  let otherRt = 0;
  let bUnit = 0;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    family = await insertFamily(t.db, DESA_A, { nama: 'Slamet', tanggallahir: '1980-01-05', sex: 1 });
    otherRt = (await insertTree(t.db, DESA_A, 'Sumberjo')).rtId;
    bUnit = (await insertTree(t.db, DESA_B, 'Ngemplak')).rtId;
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'op.a2', 'operator-desa', DESA_A);
    op = await login(t.app, 'op.a', PASSWORD);
    op2 = await login(t.app, 'op.a2', PASSWORD);
  });

  const person = (overrides: Record<string, string> = {}) => ({
    nama: 'Bayu Aji',
    sex: '1',
    tanggallahir: '2026-11-01',
    warganegara_id: '1',
    status: '1',
    ...overrides,
  });

  it('offers the birth form with fieldsets, coded selects and the family select', async () => {
    const res = await get(t.app, `/desa/${DESA_A}/penduduk/baru?jenis=lahir`, op);
    expect(res.statusCode).toBe(200);
    for (const legend of ['Identitas', 'Kelahiran', 'Pendidikan &amp; pekerjaan', 'Keluarga', 'Kesehatan', 'Kontak'])
      expect(res.body).toContain(legend);
    expect(res.body).toContain(`<option value="${family.keluargaId}">Slamet — KK`);
    expect(res.body).toMatch(/<option value="4" selected>ANAK<\/option>/);
    expect(res.body).toContain('<option value="1">ISLAM</option>');
    const choice = await get(t.app, `/desa/${DESA_A}/penduduk/baru`, op);
    expect(choice.body).toContain('baru?jenis=masuk');
  });

  it('keeps the input and explains each problem when a birth form is incomplete', async () => {
    const res = await postForm(t.app, `/desa/${DESA_A}/penduduk/lahir`, op, {
      nama: 'Bayu 2',
      sex: '1',
      tanggallahir: '',
      kk_level: '4',
      berat_lahir: '3100',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Pilih keluarga atau isi nomor KK-nya.');
    expect(res.body).toContain('Nama hanya boleh berisi huruf');
    expect(res.body).toContain('value="3100"');
    expect(res.body).toContain('value="Bayu 2"');
  });

  it('records a birth into the chosen family, placed in the family unit', async () => {
    const res = await postForm(t.app, `/desa/${DESA_A}/penduduk/lahir`, op, {
      ...person(),
      keluarga_id: String(family.keluargaId),
      kk_level: '4',
      berat_lahir: '3100',
    });
    expect(res.statusCode).toBe(303);
    const id = idFrom(res.headers.location);
    const page = await follow(t.app, res, op);
    expect(page.body).toContain('Kelahiran Bayu Aji dicatat.');
    const row = await t.db.selectFrom('penduduk').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ keluarga_id: family.keluargaId, kk_level: 4, lingkungan_id: family.lingkunganId });
    expect(row.nik_sementara).toMatch(/^0331709200100\d{3}$/);
    const events = await t.db.selectFrom('peristiwa').select(['kode']).where('penduduk_id', '=', id).execute();
    expect(events).toEqual([{ kode: 1 }]);
  });

  it('finds the family by its KK number (temporary numbers too)', async () => {
    const kk = await t.db
      .selectFrom('keluarga')
      .select('no_kk')
      .where('id', '=', family.keluargaId)
      .executeTakeFirstOrThrow();
    const res = await postForm(t.app, `/desa/${DESA_A}/penduduk/lahir`, op, {
      ...person({ nama: 'Sari', sex: '2' }),
      cari_no_kk: kk.no_kk,
      kk_level: '4',
      lingkungan_id: String(otherRt),
    });
    expect(res.statusCode).toBe(303);
    const row = await t.db
      .selectFrom('penduduk')
      .select(['keluarga_id', 'lingkungan_id'])
      .where('id', '=', idFrom(res.headers.location))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ keluarga_id: family.keluargaId, lingkungan_id: otherRt });
    const unknown = await postForm(t.app, `/desa/${DESA_A}/penduduk/lahir`, op, {
      ...person({ nama: 'Sari' }),
      cari_no_kk: '3317091010100001',
      kk_level: '4',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Tidak ada KK aktif dengan nomor ini di desa ini.');
  });

  it('refuses a unit of another desa (the schema alone would accept any number)', async () => {
    const res = await postForm(t.app, `/desa/${DESA_A}/penduduk/lahir`, op, {
      ...person({ nama: 'Salah Tempat' }),
      keluarga_id: String(family.keluargaId),
      kk_level: '4',
      lingkungan_id: String(bUnit),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Dusun/RW/RT tidak ditemukan di desa ini.');
  });

  it('records an arrival with its own new KK (temporary number when none is given)', async () => {
    const nik = makeNik('1990-04-04', 2);
    const res = await postForm(t.app, `/desa/${DESA_A}/penduduk/masuk`, op, {
      ...person({ nama: 'Dewi Pendatang', sex: '2', tanggallahir: '1990-04-04', nik }),
      keluarga_mode: 'baru',
      no_kk: '',
      alamat_kk: 'Jl. Baru 1',
      lingkungan_id: String(otherRt),
      alamat_asal: 'Pati',
      maksud_tujuan_kedatangan: 'Bekerja',
      tgl_peristiwa: '2026-11-20',
    });
    expect(res.statusCode).toBe(303);
    const id = idFrom(res.headers.location);
    expect((await follow(t.app, res, op)).body).toContain('Kedatangan Dewi Pendatang dicatat.');
    const row = await t.db
      .selectFrom('penduduk')
      .innerJoin('keluarga', 'keluarga.id', 'penduduk.keluarga_id')
      .select(['penduduk.kk_level', 'keluarga.kepala_id', 'keluarga.no_kk'])
      .where('penduduk.id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kk_level: 1, kepala_id: id });
    expect(row.no_kk).toMatch(/^0331709200100\d{3}$/);
    const event = await t.db
      .selectFrom('peristiwa')
      .select(['kode', 'alamat_asal', 'maksud_tujuan_kedatangan'])
      .where('penduduk_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ kode: 5, alamat_asal: 'Pati', maksud_tujuan_kedatangan: 'Bekerja' });
    // the same NIK again in this desa: refused, saying where it lives
    const again = await postForm(t.app, `/desa/${DESA_A}/penduduk/masuk`, op, {
      ...person({ nama: 'Dewi Lagi', sex: '2', tanggallahir: '1990-04-04', nik }),
      keluarga_mode: 'baru',
      lingkungan_id: String(otherRt),
      tgl_peristiwa: '2026-11-21',
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('sudah tercatat sebagai penduduk hidup di Desa Meteseh');
    expect(again.body).toContain('value="Dewi Lagi"');
  });

  it('turns an arrival of someone living in another desa into a transfer request, with a message', async () => {
    const nik = makeNik('1975-07-07', 1);
    await insertFamily(t.db, DESA_B, { nama: 'Karto', tanggallahir: '1975-07-07', sex: 1, nik });
    const res = await postForm(t.app, `/desa/${DESA_A}/penduduk/masuk`, op, {
      ...person({ nama: 'Karto', tanggallahir: '1975-07-07', nik }),
      keluarga_mode: 'ada',
      keluarga_id: String(family.keluargaId),
      kk_level: '9',
      tgl_peristiwa: '2026-11-22',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/desa/${DESA_A}/penduduk`);
    const page = await follow(t.app, res, op);
    expect(page.body).toContain('Permintaan pindah sudah dikirim');
    expect(page.body).toContain('Desa Maguan');
    const transfer = await t.db.selectFrom('pindah_antar_desa').selectAll().executeTakeFirstOrThrow();
    expect(transfer).toMatchObject({ dari_desa: DESA_B, ke_desa: DESA_A, status: 'menunggu' });
    // joining an existing KK as its head would give it two heads
    const twoHeads = await postForm(t.app, `/desa/${DESA_A}/penduduk/masuk`, op, {
      ...person({ nama: 'Kepala Kedua', tanggallahir: '1970-01-01' }),
      keluarga_mode: 'ada',
      keluarga_id: String(family.keluargaId),
      kk_level: '1',
      tgl_peristiwa: '2026-11-22',
    });
    expect(twoHeads.statusCode).toBe(400);
    expect(twoHeads.body).toContain('Keluarga ini sudah punya kepala keluarga.');
  });

  it('refuses a save made from a stale form: the second editor keeps their input and learns who and when', async () => {
    const url = `/penduduk/${family.kepalaId}/ubah`;
    const formA = await get(t.app, url, op);
    const formB = await get(t.app, url, op2);
    const versi = versiIn(formA.body);
    expect(versi).toBeDefined();
    expect(versiIn(formB.body)).toBe(versi);
    const base = {
      ...person({ nama: 'Slamet', tanggallahir: '1980-01-05' }),
      lingkungan_id: String(family.lingkunganId),
      status_kawin: '2',
      versi: String(versi),
    };
    const first = await postForm(t.app, url, op, { ...base, nama: 'Slamet Riyadi' });
    expect(first.statusCode).toBe(303);
    const second = await postForm(t.app, url, op2, { ...base, pekerjaan_id: '9', telepon: '0812 3456 7890' });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('sudah diubah oleh op.a pada');
    expect(second.body).toContain('value="0812 3456 7890"');
    expect(second.body).toMatch(/<option value="9" selected>PETANI\/PEKEBUN<\/option>/);
    expect(second.body).toContain('Slamet Riyadi');
    expect(Number(versiIn(second.body))).toBe(Number(versi) + 1);
    const row = await t.db
      .selectFrom('penduduk')
      .select(['nama', 'pekerjaan_id', 'telepon'])
      .where('id', '=', family.kepalaId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ nama: 'Slamet Riyadi', pekerjaan_id: null, telepon: null });
    // having seen the other change, the second editor saves deliberately from the current version
    const again = await postForm(t.app, url, op2, {
      ...base,
      nama: 'Slamet Riyadi',
      pekerjaan_id: '9',
      versi: String(versiIn(second.body)),
    });
    expect(again.statusCode).toBe(303);
    const after = await t.db
      .selectFrom('penduduk')
      .select(['nama', 'pekerjaan_id', 'diperbarui_oleh'])
      .where('id', '=', family.kepalaId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ nama: 'Slamet Riyadi', pekerjaan_id: 9, diperbarui_oleh: 'op.a2' });
  });

  it('shows field errors of an edit on the same page (400) without saving', async () => {
    const url = `/penduduk/${family.kepalaId}/ubah`;
    const versi = versiIn((await get(t.app, url, op)).body);
    const res = await postForm(t.app, url, op, {
      ...person({ nama: 'Slamet Riyadi', tanggallahir: '1980-01-05', nik: '1234' }),
      lingkungan_id: String(family.lingkunganId),
      versi: String(versi),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('NIK harus 16 angka.');
    expect(res.body).toContain('value="1234"');
  });

  it('round-trips every field: saving the edit form unchanged keeps the record as it was', async () => {
    const url = `/penduduk/${family.kepalaId}/ubah`;
    const filled = {
      ...person({ nama: 'Slamet Riyadi', tanggallahir: '1980-01-05' }),
      versi: versiIn((await get(t.app, url, op)).body) ?? '',
      lingkungan_id: String(family.lingkunganId),
      status_kawin: '2',
      pekerjaan_id: '9',
      tempatlahir: 'Rembang',
      waktu_lahir: '04:30',
      berat_lahir: '3200',
      golongan_darah_id: '1',
      akta_perkawinan: '123/45/VI/2005',
      tanggalperkawinan: '2005-06-01',
      telepon: '0812 3456 7890',
      email: 'slamet@contoh.id',
      lat: '-6.75',
      lng: '111.42',
      ket: 'Catatan "penting" & lain',
    };
    expect((await postForm(t.app, url, op, filled)).statusCode).toBe(303);
    const before = await t.db
      .selectFrom('penduduk')
      .selectAll()
      .where('id', '=', family.kepalaId)
      .executeTakeFirstOrThrow();
    const fields = formFields((await get(t.app, url, op)).body);
    expect(fields).toMatchObject({
      pekerjaan_id: '9',
      waktu_lahir: '04:30',
      lat: '-6.75',
      ket: 'Catatan "penting" & lain',
    });
    const res = await postForm(t.app, url, op, fields);
    expect(res.statusCode).toBe(303);
    const after = await t.db
      .selectFrom('penduduk')
      .selectAll()
      .where('id', '=', family.kepalaId)
      .executeTakeFirstOrThrow();
    const { versi: v1, diperbarui_pada: _p1, ...a } = before;
    const { versi: v2, diperbarui_pada: _p2, ...b } = after;
    expect(b).toEqual(a);
    expect(v2).toBe(v1 + 1);
  });
});
