import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { follow, get, login, ORIGIN, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import {
  activate,
  DESA_A,
  DESA_B,
  insertFamily,
  insertUser,
  KAB,
  KEC,
  PASSWORD,
} from '../../../tests/support/builders.js';
import { findInvariantViolations } from './keluarga-invariants.js';

const KK = '3317091201260099';

describe('family screens', () => {
  const t = useTestApp();
  let op: Session;
  let opB: Session;
  let kec: Session;
  let kab: Session;
  let f: Awaited<ReturnType<typeof insertFamily>>;
  let loner: Awaited<ReturnType<typeof insertFamily>>;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'op', 'operator-desa', DESA_A);
    await insertUser(t.db, 'opb', 'operator-desa', DESA_B);
    await insertUser(t.db, 'kec', 'staf-kecamatan', KEC);
    await insertUser(t.db, 'kab', 'admin-kabupaten', KAB);
    op = await login(t.app, 'op', PASSWORD);
    opB = await login(t.app, 'opb', PASSWORD);
    kec = await login(t.app, 'kec', PASSWORD);
    kab = await login(t.app, 'kab', PASSWORD);
    f = await insertFamily(t.db, DESA_A, { nama: 'Sutrisno', tanggallahir: '1970-03-03', sex: 1 }, [
      { nama: 'Sulastri', tanggallahir: '1972-04-04', sex: 2, kkLevel: 3 },
      { nama: 'Bagus', tanggallahir: '1995-05-05', sex: 1, kkLevel: 4 },
    ]);
    loner = await insertFamily(t.db, DESA_A, { nama: 'Sendiri', tanggallahir: '1980-01-01', sex: 2 });
    await postForm(t.app, `/keluarga/${f.keluargaId}`, op, { intent: 'ubah-no-kk', no_kk: KK, alasan: 'KK terbit' });
  });
  afterEach(async () => expect(await findInvariantViolations(t.db)).toEqual([]));

  const snapshot = () =>
    Promise.all([
      t.db.selectFrom('keluarga').selectAll().orderBy('id').execute(),
      t.db.selectFrom('penduduk').select(['id', 'keluarga_id', 'kk_level', 'lingkungan_id']).orderBy('id').execute(),
      t.db.selectFrom('peristiwa_keluarga').select('id').execute(),
    ]);

  it('lists families with full numbers for the desa, masked for the kecamatan; searches by head name', async () => {
    const page = await get(t.app, `/desa/${DESA_A}/keluarga`, op);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Keluarga (KK)');
    expect(page.body).toContain(KK);
    expect(page.body).toContain(`href="/keluarga/${f.keluargaId}"`);
    expect(page.body).toContain('Krajan');
    const byName = await get(t.app, `/desa/${DESA_A}/keluarga?q=sutri`, op);
    expect(byName.body).toContain('Sutrisno');
    expect(byName.body).not.toContain('Sendiri');
    // a KK number is looked up by POST only (keluarga-cari-kk.db.test.ts)
    const byNumber = await postForm(t.app, `/desa/${DESA_A}/keluarga/cari-kk`, op, { no_kk: KK });
    expect(byNumber.headers.location).toBe(`/keluarga/${f.keluargaId}`);

    const masked = await get(t.app, `/desa/${DESA_A}/keluarga`, kec);
    expect(masked.statusCode).toBe(200);
    expect(masked.body).not.toContain(KK);
    expect(masked.body).toContain('************0099');
    expect(masked.body).not.toContain('Buat KK baru');
    const english = await t.app.inject({
      method: 'GET',
      url: `/keluarga/${f.keluargaId}`,
      headers: { cookie: `${op.cookie}; balai_bahasa=en` },
    });
    expect(english.body).toContain('Families');
    expect(english.body).toContain('Family of Sutrisno');
    expect(english.body).toContain('Wife');
    // a number in the URL is not searched: the masked user sees the whole list, which confirms nothing
    const probe = await get(t.app, `/desa/${DESA_A}/keluarga?q=${KK}`, kec);
    expect(probe.body).toContain('hanya untuk pengguna yang berhak');
    expect(probe.body).toContain('Sutrisno');
    expect(probe.body).toContain('Sendiri');
  });

  it('shows a family: members, number history, events, and the operation forms only for writers', async () => {
    const page = await get(t.app, `/keluarga/${f.keluargaId}`, op);
    expect(page.statusCode).toBe(200);
    for (const text of ['Sutrisno', 'Sulastri', 'Bagus', 'Istri', 'Riwayat nomor KK', 'KK terbit', 'Keluarga baru'])
      expect(page.body).toContain(text);
    expect(page.body).toContain(`href="/penduduk/${f.memberIds[0]}"`);
    expect(page.body).toContain('name="intent" value="pecah"');
    const ro = await get(t.app, `/keluarga/${f.keluargaId}`, kec);
    expect(ro.statusCode).toBe(200);
    expect(ro.body).not.toContain(KK);
    expect(ro.body).toContain('************0099');
    expect(ro.body).not.toContain('name="intent"');
    const print = await get(t.app, `/keluarga/${f.keluargaId}/cetak`, kec);
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain('Kartu Keluarga');
    expect(print.body).not.toContain(KK);
    expect((await get(t.app, `/keluarga/${f.keluargaId}/cetak`, op)).body).toContain(KK);
  });

  it('records reads of full numbers by the kabupaten in the audit trail', async () => {
    const page = await get(t.app, `/keluarga/${f.keluargaId}`, kab);
    expect(page.body).toContain(KK);
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['aksi', 'username'])
      .where('entitas', '=', 'keluarga')
      .where('entitas_id', '=', String(f.keluargaId))
      .where('aksi', '=', 'baca')
      .execute();
    expect(rows).toEqual([{ aksi: 'baca', username: 'kab' }]);
    expect((await postForm(t.app, `/keluarga/${f.keluargaId}`, kab, { intent: 'ubah-data' })).statusCode).toBe(403);
  });

  it('refuses bad input with 400 and Indonesian messages beside the form, changing nothing', async () => {
    const before = await snapshot();
    const url = `/keluarga/${f.keluargaId}`;
    const [sulastri] = f.memberIds as [number, number];
    const cases: [Record<string, string>, number, string][] = [
      [{ intent: 'ubah-no-kk', no_kk: '123', alasan: 'x' }, 400, 'Nomor KK harus 16 angka'],
      [{ intent: 'ubah-no-kk', no_kk: '3317091201260098', alasan: '' }, 400, 'Wajib diisi.'],
      [{ intent: 'ubah-shdk', penduduk_id: String(sulastri), kk_level: '1' }, 400, 'hanya lewat Ganti kepala keluarga'],
      [{ intent: 'ubah-shdk', penduduk_id: String(f.kepalaId), kk_level: '2' }, 409, 'tidak diubah di sini'],
      [{ intent: 'keluarkan', penduduk_id: String(f.kepalaId) }, 422, 'Pilih kepala keluarga baru'],
      [{ intent: 'ganti-kepala', kepala_baru_id: String(sulastri) }, 400, 'Wajib diisi.'],
      [{ intent: 'tambah-anggota', penduduk_id: String(loner.kepalaId), kk_level: 'x' }, 400, 'Pilih salah satu'],
      [{ intent: 'pecah', kepala_id: String(sulastri) }, 400, 'Pilih paling sedikit satu anggota.'],
      [{ intent: 'pindah-wilayah', lingkungan_id: '999999' }, 422, 'Dusun/RW/RT tidak ditemukan'],
      [{ intent: 'ubah-data', versi: '1', tgl_cetak_kk: '2026-02-30' }, 400, 'Tanggal ditulis TTTT-BB-HH.'],
      [{ intent: 'ubah-data', versi: '1', alamat: 'Jl. Lama' }, 409, 'sudah diubah oleh'],
      [{ intent: 'entah' }, 400, 'Pilih salah satu pilihan yang tersedia.'],
    ];
    for (const [payload, status, message] of cases) {
      const res = await postForm(t.app, url, op, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.body, JSON.stringify(payload)).toContain(message);
      expect(res.body).toContain('class="error-summary"');
    }
    const used = await postForm(t.app, `/desa/${DESA_A}/keluarga/baru`, op, {
      penduduk_id: String(loner.kepalaId),
      no_kk: KK,
    });
    expect(used.statusCode).toBe(409);
    expect(used.body).toContain('Nomor KK ini sudah dipakai keluarga lain di Desa Meteseh, Kecamatan Kaliori.');
    expect(await snapshot()).toEqual(before);
  });

  it('adds, moves out, changes SHDK and head, and splits through the forms (post/redirect/get)', async () => {
    const url = `/keluarga/${f.keluargaId}`;
    const [sulastri, bagus] = f.memberIds as [number, number];
    const search = await get(t.app, `${url}?cari=sendiri`, op);
    expect(search.body).toContain('Sendiri');
    expect(search.body).toContain(`name="intent" value="tambah-anggota"`);
    const add = await postForm(t.app, url, op, {
      intent: 'tambah-anggota',
      penduduk_id: String(loner.kepalaId),
      kk_level: '9',
    });
    expect(add.statusCode).toBe(303);
    expect(add.headers.location).toBe(url);
    expect((await follow(t.app, add, op)).body).toContain('Anggota ditambahkan.');
    const shdk = await postForm(t.app, url, op, { intent: 'ubah-shdk', penduduk_id: String(bagus), kk_level: '11' });
    expect(shdk.statusCode).toBe(303);
    const head = await postForm(t.app, url, op, {
      intent: 'ganti-kepala',
      kepala_baru_id: String(sulastri),
      shdk_kepala_lama: '2',
    });
    expect(head.statusCode).toBe(303);
    expect(
      (await t.db.selectFrom('keluarga').select('kepala_id').where('id', '=', f.keluargaId).executeTakeFirstOrThrow())
        .kepala_id,
    ).toBe(sulastri);

    // a browser sends one `anggota` per ticked box
    const body = new URLSearchParams({ _csrf: op.csrf, intent: 'pecah', kepala_id: String(bagus), no_kk: '' });
    body.append('anggota', String(bagus));
    body.append('anggota', String(loner.kepalaId));
    body.append(`shdk_${loner.kepalaId}`, '3');
    const split = await t.app.inject({
      method: 'POST',
      url,
      headers: {
        origin: ORIGIN,
        host: 'localhost',
        cookie: op.cookie,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: body.toString(),
    });
    expect(split.statusCode).toBe(303);
    const newUrl = String(split.headers.location);
    expect(newUrl).toMatch(/^\/keluarga\/\d+$/);
    const newPage = await follow(t.app, split, op);
    expect(newPage.body).toContain('KK dipecah');
    expect(newPage.body).toContain('Bagus');
    expect(newPage.body).toContain('Sendiri');

    const out = await postForm(t.app, url, op, { intent: 'keluarkan', penduduk_id: String(f.kepalaId) });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe(url);
    const left = await t.db
      .selectFrom('penduduk')
      .select(['keluarga_id', 'kk_level'])
      .where('id', '=', f.kepalaId)
      .executeTakeFirstOrThrow();
    expect(left.kk_level).toBe(1);
    expect(left.keluarga_id).not.toBe(f.keluargaId);
  });

  it('edits family data, moves the family and changes its number through the forms', async () => {
    const fam = await insertFamily(t.db, DESA_A, { nama: 'Warsono', tanggallahir: '1966-01-01', sex: 1 });
    const url = `/keluarga/${fam.keluargaId}`;
    const versi = /name="versi" value="(\d+)"/.exec((await get(t.app, url, op)).body)?.[1] ?? '';
    const saved = await postForm(t.app, url, op, {
      intent: 'ubah-data',
      versi,
      alamat: 'Jl. Melati 3',
      kelas_sosial: '3',
      tgl_cetak_kk: '2026-03-01',
    });
    expect(saved.statusCode).toBe(303);
    const page = await follow(t.app, saved, op);
    expect(page.body).toContain('Data keluarga disimpan.');
    expect(page.body).toContain('Jl. Melati 3');
    expect(page.body).toContain('Keluarga Sejahtera II');
    const dusun = await t.db
      .selectFrom('lingkungan')
      .select('id')
      .where('desa_kode', '=', DESA_A)
      .where('tingkat', '=', 'dusun')
      .executeTakeFirstOrThrow();
    const moved = await postForm(t.app, url, op, { intent: 'pindah-wilayah', lingkungan_id: String(dusun.id) });
    expect(moved.statusCode).toBe(303);
    const head = await t.db
      .selectFrom('penduduk')
      .select('lingkungan_id')
      .where('id', '=', fam.kepalaId)
      .executeTakeFirstOrThrow();
    expect(head.lingkungan_id).toBe(dusun.id);
    const renumbered = await postForm(t.app, url, op, {
      intent: 'ubah-no-kk',
      no_kk: '3317 0912 0126 0077',
      alasan: 'KK terbit',
    });
    expect(renumbered.statusCode).toBe(303);
    expect((await follow(t.app, renumbered, op)).body).toContain('3317091201260077');
  });

  it('creates a new KK for a resident from the new-KK page', async () => {
    const fam = await insertFamily(t.db, DESA_A, { nama: 'Wiryo', tanggallahir: '1955-01-01', sex: 1 }, [
      { nama: 'Wiryani', tanggallahir: '1990-01-01', sex: 2, kkLevel: 4 },
    ]);
    const wiryani = fam.memberIds[0] as number;
    const url = `/desa/${DESA_A}/keluarga/baru`;
    expect((await get(t.app, `${url}?cari=wiry`, op)).body).toContain(`?penduduk=${wiryani}`);
    const chosen = await get(t.app, `${url}?penduduk=${fam.kepalaId}`, op);
    expect(chosen.body).toContain('name="kepala_baru_id"');
    const bad = await postForm(t.app, url, op, { penduduk_id: String(wiryani), no_kk: '12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Nomor KK harus 16 angka');
    expect(bad.body).toContain('Wiryani');
    const res = await postForm(t.app, url, op, { penduduk_id: String(wiryani), no_kk: '', kelas_sosial: '2' });
    expect(res.statusCode).toBe(303);
    const page = await follow(t.app, res, op);
    expect(page.body).toContain('KK baru dibuat.');
    expect(page.body).toContain('Keluarga Sejahtera I');
  });

  it("hides every family URL from another desa's operator and refuses changes to read-only roles", async () => {
    const id = f.keluargaId;
    for (const url of [
      `/keluarga/${id}`,
      `/keluarga/${id}/cetak`,
      `/desa/${DESA_A}/keluarga`,
      `/desa/${DESA_A}/keluarga/baru`,
    ])
      expect((await get(t.app, url, opB)).statusCode, url).toBe(404);
    for (const url of [`/keluarga/${id}`, `/desa/${DESA_A}/keluarga/baru`])
      expect((await postForm(t.app, url, opB, { intent: 'ubah-data' })).statusCode, url).toBe(404);
    expect((await postForm(t.app, `/keluarga/${id}`, kec, { intent: 'ubah-data' })).statusCode).toBe(403);
    expect((await get(t.app, '/keluarga/999999', op)).statusCode).toBe(404);
    // desa B's operator cannot pull a desa A resident into a desa B family either
    const b = await insertFamily(t.db, DESA_B, { nama: 'Maguan', tanggallahir: '1980-01-01', sex: 1 });
    const pull = await postForm(t.app, `/keluarga/${b.keluargaId}`, opB, {
      intent: 'tambah-anggota',
      penduduk_id: String(loner.kepalaId),
      kk_level: '4',
    });
    expect(pull.statusCode).toBe(422);
    expect(pull.body).toContain('Penduduk tidak ditemukan di desa ini.');
    expect(pull.body).not.toContain('Sendiri');
  });
});
