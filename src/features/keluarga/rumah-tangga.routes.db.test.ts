import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { follow, get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertFamily, insertUser, KEC, PASSWORD } from '../../../tests/support/builders.js';
import { findInvariantViolations } from './keluarga-invariants.js';

describe('household screens', () => {
  const t = useTestApp();
  let op: Session;
  let opB: Session;
  let kec: Session;
  let f: Awaited<ReturnType<typeof insertFamily>>;
  let rtmId: number;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'op', 'operator-desa', DESA_A);
    await insertUser(t.db, 'opb', 'operator-desa', DESA_B);
    await insertUser(t.db, 'kec', 'staf-kecamatan', KEC);
    op = await login(t.app, 'op', PASSWORD);
    opB = await login(t.app, 'opb', PASSWORD);
    kec = await login(t.app, 'kec', PASSWORD);
    f = await insertFamily(t.db, DESA_A, { nama: 'Harjo', tanggallahir: '1960-06-06', sex: 1 }, [
      { nama: 'Harti', tanggallahir: '1963-06-06', sex: 2, kkLevel: 3 },
    ]);
  });
  afterEach(async () => expect(await findInvariantViolations(t.db)).toEqual([]));

  const households = () => t.db.selectFrom('rumah_tangga').selectAll().orderBy('id').execute();

  it('creates a household from the list page: find the head, then the form', async () => {
    const url = `/desa/${DESA_A}/rumah-tangga`;
    const list = await get(t.app, `${url}?cari=harjo`, op);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Rumah tangga');
    expect(list.body).toContain(`?penduduk=${f.kepalaId}`);
    const form = await get(t.app, `${url}?penduduk=${f.kepalaId}`, op);
    expect(form.body).toContain('name="terdaftar_dtks"');

    const bad = await postForm(t.app, url, op, { kepala_id: String(f.kepalaId), bdt: '12ab' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('ID BDT berupa angka, paling banyak 16 digit.');
    expect(bad.body).toContain('Harjo');
    expect(await households()).toEqual([]);

    const res = await postForm(t.app, url, op, {
      kepala_id: String(f.kepalaId),
      bdt: '3317090000777',
      terdaftar_dtks: '1',
      kelas_sosial: '1',
    });
    expect(res.statusCode).toBe(303);
    const page = await follow(t.app, res, op);
    expect(page.body).toContain('Rumah tangga dibuat.');
    expect(page.body).toContain('331709200100001');
    const [made] = await households();
    expect(made).toMatchObject({ nomor: '331709200100001', terdaftar_dtks: 1, bdt: '3317090000777', kelas_sosial: 1 });
    rtmId = made?.id as number;
    const again = await postForm(t.app, url, op, { kepala_id: String(f.kepalaId) });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('sudah masuk rumah tangga lain');
  });

  it('adds and removes members; the head leaves only with a new head; the DTKS flag is a checkbox', async () => {
    const url = `/rumah-tangga/${rtmId}`;
    const harti = f.memberIds[0] as number;
    expect((await get(t.app, `${url}?cari=harti`, op)).body).toContain('name="intent" value="tambah-anggota"');
    const add = await postForm(t.app, url, op, { intent: 'tambah-anggota', penduduk_id: String(harti) });
    expect(add.statusCode).toBe(303);
    const noHead = await postForm(t.app, url, op, { intent: 'keluarkan', penduduk_id: String(f.kepalaId) });
    expect(noHead.statusCode).toBe(422);
    expect(noHead.body).toContain('Pilih kepala rumah tangga baru');
    const edit = await postForm(t.app, url, op, { intent: 'ubah-data', versi: '999', kelas_sosial: '2' });
    expect(edit.statusCode).toBe(409);
    const v = (await households())[0]?.versi as number;
    // unticked box: no longer in DTKS
    const saved = await postForm(t.app, url, op, { intent: 'ubah-data', versi: String(v), kelas_sosial: '2' });
    expect(saved.statusCode).toBe(303);
    expect((await households())[0]).toMatchObject({ terdaftar_dtks: 0, kelas_sosial: 2, bdt: null });
    const head = await postForm(t.app, url, op, { intent: 'ganti-kepala', kepala_baru_id: String(harti) });
    expect(head.statusCode).toBe(303);
    const out = await postForm(t.app, url, op, { intent: 'keluarkan', penduduk_id: String(f.kepalaId) });
    expect(out.statusCode).toBe(303);
    const page = await follow(t.app, out, op);
    expect(page.body).toContain('Anggota keluar dari rumah tangga.');
    const last = await postForm(t.app, url, op, { intent: 'keluarkan', penduduk_id: String(harti) });
    expect(last.headers.location).toBe(`/desa/${DESA_A}/rumah-tangga`);
    expect((await households())[0]?.ditutup_pada).not.toBeNull();
    // a closed household is still readable, without forms
    const closed = await get(t.app, url, op);
    expect(closed.body).toContain('Rumah tangga ini sudah ditutup.');
    expect(closed.body).not.toContain('name="intent"');
  });

  it('masks numbers for the kecamatan, and hides every household URL from another desa', async () => {
    const rt2 = await postForm(t.app, `/desa/${DESA_A}/rumah-tangga`, op, {
      kepala_id: String(f.kepalaId),
      bdt: '3317090000888',
    });
    const url = String(rt2.headers.location);
    const masked = await get(t.app, url, kec);
    expect(masked.statusCode).toBe(200);
    expect(masked.body).not.toContain('3317090000888');
    expect(masked.body).toContain('*********0888');
    expect(masked.body).not.toContain('name="intent"');
    expect((await postForm(t.app, url, kec, { intent: 'ubah-data' })).statusCode).toBe(403);
    for (const u of [url, `/desa/${DESA_A}/rumah-tangga`]) {
      expect((await get(t.app, u, opB)).statusCode, u).toBe(404);
      expect((await postForm(t.app, u, opB, { intent: 'ubah-data' })).statusCode, u).toBe(404);
    }
    expect((await get(t.app, '/rumah-tangga/999999', op)).statusCode).toBe(404);
  });
});
