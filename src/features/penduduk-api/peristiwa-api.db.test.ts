import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '#src/features/auth/token.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertFamily, insertUser, makeNik } from '../../../tests/support/builders.js';

type Method = 'GET' | 'POST' | 'PUT';
function call(app: FastifyInstance, method: Method, url: string, token: string, payload?: object) {
  return app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
}

describe('registry API: record updates and population events', () => {
  const t = useTestApp();
  let op = '';
  let opB = '';
  let sek = '';
  let family: Awaited<ReturnType<typeof insertFamily>>;
  const status = async (id: number) =>
    (await t.db.selectFrom('penduduk').select('status_dasar').where('id', '=', id).executeTakeFirstOrThrow())
      .status_dasar;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'op.b', 'operator-desa', DESA_B);
    await insertUser(t.db, 'sek.a', 'sekretaris-desa', DESA_A);
    op = await createApiToken(t.db, systemActor('test'), 'op.a', 1);
    opB = await createApiToken(t.db, systemActor('test'), 'op.b', 1);
    sek = await createApiToken(t.db, systemActor('test'), 'sek.a', 1);
    family = await insertFamily(t.db, DESA_A, { nama: 'Darmo', tanggallahir: '1950-03-03', sex: 1 }, [
      { nama: 'Sumi', tanggallahir: '1955-04-04', sex: 2, kkLevel: 3 },
      { nama: 'Tono', tanggallahir: '1985-05-05', sex: 1, kkLevel: 4 },
    ]);
  });

  it('replaces a record from its version; a stale version gets 409 naming who changed it', async () => {
    const [sumi] = family.memberIds as [number];
    const read = await call(t.app, 'GET', `/api/v1/penduduk/${sumi}`, op);
    const record = read.json();
    const body = { ...record, pekerjaan_id: 'Petani/Pekebun', tempatlahir: 'Kaliori' };
    const saved = await call(t.app, 'PUT', `/api/v1/penduduk/${sumi}`, op, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ id: sumi, versi: record.versi + 1 });
    const after = (await call(t.app, 'GET', `/api/v1/penduduk/${sumi}`, op)).json();
    expect(after).toMatchObject({ tempatlahir: 'Kaliori', pekerjaan_id: 9, nama: 'Sumi', kk_level: 3 });

    const stale = await call(t.app, 'PUT', `/api/v1/penduduk/${sumi}`, op, { ...body, tempatlahir: 'Rembang' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('diubahOrangLain');
    expect(stale.json().error.message).toMatch(/op\.a/);

    const nowhere = await call(t.app, 'PUT', `/api/v1/penduduk/${sumi}`, op, { ...after, dusun: 'Tidak Ada' });
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json().errors.dusun).toMatch(/tidak ditemukan/);
    expect((await call(t.app, 'PUT', `/api/v1/penduduk/${sumi}`, sek, after)).statusCode).toBe(403);
  });

  it('records a birth into a family by KK number: 201 with the temporary number', async () => {
    const kk = await t.db
      .selectFrom('keluarga')
      .select('no_kk')
      .where('id', '=', family.keluargaId)
      .executeTakeFirstOrThrow();
    const res = await call(t.app, 'POST', `/api/v1/desa/${DESA_A}/peristiwa/lahir`, op, {
      nama: 'Bayu',
      sex: 'laki-laki',
      tanggallahir: '2026-11-01',
      no_kk: kk.no_kk,
      kk_level: 'anak',
      berat_lahir: 3100,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ id: expect.any(Number), nik: expect.stringMatching(/^03317092001\d{5}$/) });
    const events = await t.db
      .selectFrom('peristiwa')
      .select(['kode'])
      .where('penduduk_id', '=', res.json().id)
      .execute();
    expect(events).toEqual([{ kode: 1 }]);

    const noFamily = await call(t.app, 'POST', `/api/v1/desa/${DESA_A}/peristiwa/lahir`, op, {
      nama: 'Bayu',
      sex: 1,
      tanggallahir: '2026-11-01',
      kk_level: 4,
    });
    expect(noFamily.statusCode).toBe(422);
    expect(noFamily.json().errors).toEqual({ no_kk: 'Wajib diisi.' });
    const future = await call(t.app, 'POST', `/api/v1/desa/${DESA_A}/peristiwa/lahir`, op, {
      nama: 'Bayu',
      sex: 1,
      tanggallahir: '2999-01-01',
      keluarga_id: family.keluargaId,
      kk_level: 4,
    });
    expect(future.statusCode).toBe(422);
    expect(Object.keys(future.json().errors)).toEqual(['tanggallahir']);
  });

  it('death of a head needs kepala_baru_id (422); then 201, and the reversal restores the status', async () => {
    const [sumi] = family.memberIds as [number];
    const url = `/api/v1/penduduk/${family.kepalaId}/peristiwa`;
    const death = { kode: 'mati', tgl_peristiwa: '2026-11-20', sebab: 'Sakit biasa / tua', meninggal_di: 'Rumah' };
    const noHead = await call(t.app, 'POST', url, op, death);
    expect(noHead.statusCode).toBe(422);
    expect(noHead.json().errors.kepala_baru_id).toMatch(/kepala keluarga baru/);
    expect(await status(family.kepalaId)).toBe(1);

    const badKind = await call(t.app, 'POST', url, op, { ...death, kode: 'lahir' });
    expect(badKind.json().errors).toEqual({ kode: 'Pilih salah satu pilihan yang tersedia.' });

    const done = await call(t.app, 'POST', url, op, { ...death, kepala_baru_id: sumi });
    expect(done.statusCode, done.body).toBe(201);
    expect(Object.keys(done.json())).toEqual(['id']);
    expect(await status(family.kepalaId)).toBe(2);
    const head = await t.db
      .selectFrom('keluarga')
      .select('kepala_id')
      .where('id', '=', family.keluargaId)
      .executeTakeFirstOrThrow();
    expect(head.kepala_id).toBe(sumi);

    const again = await call(t.app, 'POST', url, op, { ...death, kepala_baru_id: sumi });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('statusBukanHidup');

    const shortReason = await call(t.app, 'POST', `/api/v1/peristiwa/${done.json().id}/batal`, op, { alasan: 'x' });
    expect(shortReason.statusCode).toBe(422);
    const undone = await call(t.app, 'POST', `/api/v1/peristiwa/${done.json().id}/batal`, op, {
      alasan: 'Salah orang, yang meninggal tetangganya',
    });
    expect(undone.statusCode, undone.body).toBe(201);
    expect(await status(family.kepalaId)).toBe(1);
    const twice = await call(t.app, 'POST', `/api/v1/peristiwa/${done.json().id}/batal`, op, {
      alasan: 'Salah orang, yang meninggal tetangganya',
    });
    expect(twice.statusCode).toBe(409);
    expect((await call(t.app, 'POST', '/api/v1/peristiwa/999999/batal', op, { alasan: 'tidak ada' })).statusCode).toBe(
      404,
    );
  });

  it('moving out by code 3 needs ref_pindah; pergi is only for non-permanent residents', async () => {
    const [, tono] = family.memberIds as [number, number];
    const url = `/api/v1/penduduk/${tono}/peristiwa`;
    const missing = await call(t.app, 'POST', url, op, { kode: 3, tgl_peristiwa: '2026-11-02' });
    expect(missing.statusCode).toBe(422);
    expect(Object.keys(missing.json().errors)).toEqual(['ref_pindah']);
    const pergi = await call(t.app, 'POST', url, op, { kode: 'pergi', tgl_peristiwa: '2026-11-02' });
    expect(pergi.statusCode).toBe(409);
    const moved = await call(t.app, 'POST', url, op, {
      kode: 'pindah_keluar',
      tgl_peristiwa: '2026-11-02',
      ref_pindah: 3,
      alamat_tujuan: 'Semarang',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(await status(tono)).toBe(3);
    expect((await call(t.app, 'POST', url, opB, { kode: 2, tgl_peristiwa: '2026-11-02' })).statusCode).toBe(404);
    expect((await call(t.app, 'POST', url, sek, { kode: 2, tgl_peristiwa: '2026-11-02' })).statusCode).toBe(403);
  });

  it('records an arrival with its own KK (201), or asks the desa the person lives in (202)', async () => {
    const url = `/api/v1/desa/${DESA_A}/peristiwa/pindah-masuk`;
    const base = { sex: 'P', tanggallahir: '1990-06-06', tgl_peristiwa: '2026-11-10', dusun: 'Krajan', rw: 1, rt: 1 };
    const own = await call(t.app, 'POST', url, op, {
      ...base,
      nama: 'Wati',
      nik: makeNik('1990-06-06', 2),
      no_kk: '3374010101200009',
      alamat: 'Jl. Baru 2',
      alamat_asal: 'Semarang',
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(Object.keys(own.json())).toEqual(['id']);
    const row = await t.db
      .selectFrom('penduduk')
      .innerJoin('keluarga', 'keluarga.id', 'penduduk.keluarga_id')
      .select(['penduduk.kk_level', 'keluarga.no_kk', 'keluarga.kepala_id'])
      .where('penduduk.id', '=', own.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ kk_level: 1, no_kk: '3374010101200009', kepala_id: own.json().id });
    const event = await t.db.selectFrom('peristiwa').select('kode').where('penduduk_id', '=', own.json().id).execute();
    expect(event).toEqual([{ kode: 5 }]);

    const nikInB = makeNik('1988-08-08', 2);
    const inB = await insertFamily(t.db, DESA_B, { nama: 'Rukmini', tanggallahir: '1988-08-08', sex: 2, nik: nikInB });
    const transfer = await call(t.app, 'POST', url, op, { ...base, nama: 'Rukmini', nik: nikInB });
    expect(transfer.statusCode, transfer.body).toBe(202);
    expect(transfer.json()).toEqual({ status: 'menunggu', pindah_id: expect.any(Number) });
    const pending = await t.db
      .selectFrom('pindah_antar_desa')
      .select(['penduduk_id', 'status', 'ke_desa'])
      .where('id', '=', transfer.json().pindah_id)
      .executeTakeFirstOrThrow();
    expect(pending).toEqual({ penduduk_id: inB.kepalaId, status: 'menunggu', ke_desa: DESA_A });

    const nowhere = await call(t.app, 'POST', url, op, { ...base, nama: 'X', dusun: 'Tidak Ada' });
    expect(nowhere.statusCode).toBe(422);
    expect(Object.keys(nowhere.json().errors)).toEqual(['dusun']);
    expect((await call(t.app, 'POST', `/api/v1/desa/${DESA_B}/peristiwa/pindah-masuk`, op, base)).statusCode).toBe(404);
  });
});
