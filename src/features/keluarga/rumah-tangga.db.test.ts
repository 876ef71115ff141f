import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/lib/audit/audit.js';
import type { HttpError } from '#src/lib/errors.js';
import { activate, DESA_A, DESA_B, insertFamily } from '../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { findInvariantViolations } from './keluarga-invariants.js';
import {
  addHouseholdMember,
  changeHouseholdHead,
  createHousehold,
  editHousehold,
  removeHouseholdMember,
} from './rumah-tangga.service.js';

const actor = systemActor('operator');
const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return error as HttpError;
  }
  throw new Error('expected a failure');
};
const data = { kelas_sosial: null, bdt: null, terdaftar_dtks: 0 as const };

describe('households (rumah tangga)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
  });
  afterEach(async () => expect(await findInvariantViolations(t.db)).toEqual([]));

  const household = (id: number) =>
    t.db.selectFrom('rumah_tangga').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const membership = (id: number) =>
    t.db.selectFrom('penduduk').select(['rumah_tangga_id', 'rtm_level']).where('id', '=', id).executeTakeFirstOrThrow();

  it('numbers households per desa: desa code digits + 5-digit serial, next = highest + 1', async () => {
    const a1 = await insertFamily(t.db, DESA_A, { nama: 'Satu', tanggallahir: '1970-01-01', sex: 1 });
    const a2 = await insertFamily(t.db, DESA_A, { nama: 'Dua', tanggallahir: '1971-01-01', sex: 1 });
    const b1 = await insertFamily(t.db, DESA_B, { nama: 'Tiga', tanggallahir: '1972-01-01', sex: 1 });
    const first = await createHousehold(t.db, actor, DESA_A, { ...data, kepala_id: a1.kepalaId });
    const second = await createHousehold(t.db, actor, DESA_A, { ...data, kepala_id: a2.kepalaId });
    const other = await createHousehold(t.db, actor, DESA_B, { ...data, kepala_id: b1.kepalaId });
    expect((await household(first)).nomor).toBe('331709200100001');
    expect((await household(second)).nomor).toBe('331709200100002');
    expect((await household(other)).nomor).toBe('331709200200001');
    expect(await household(first)).toMatchObject({ kepala_id: a1.kepalaId, lingkungan_id: a1.lingkunganId });
    expect(await membership(a1.kepalaId)).toEqual({ rumah_tangga_id: first, rtm_level: 1 });
    // a closed household keeps its number: the next one continues after it
    await removeHouseholdMember(t.db, actor, DESA_A, second, { penduduk_id: a2.kepalaId, kepala_baru_id: null });
    expect((await household(second)).ditutup_pada).not.toBeNull();
    const third = await createHousehold(t.db, actor, DESA_A, { ...data, kepala_id: a2.kepalaId });
    expect((await household(third)).nomor).toBe('331709200100003');
  });

  it('a resident belongs to at most one household; residents of other desa are refused', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Rumah', tanggallahir: '1960-01-01', sex: 1 }, [
      { nama: 'Tangga', tanggallahir: '1962-01-01', sex: 2, kkLevel: 3 },
    ]);
    const tangga = f.memberIds[0] as number;
    const id = await createHousehold(t.db, actor, DESA_A, { ...data, kepala_id: f.kepalaId });
    await addHouseholdMember(t.db, actor, DESA_A, id, { penduduk_id: tangga });
    expect(await membership(tangga)).toEqual({ rumah_tangga_id: id, rtm_level: 2 });
    const twice = await fails(createHousehold(t.db, actor, DESA_A, { ...data, kepala_id: tangga }));
    expect(twice.status).toBe(409);
    expect(twice.fields).toEqual({ kepala_id: 'sudahDalamRumahTangga' });
    const other = await createHousehold(t.db, actor, DESA_A, {
      ...data,
      kepala_id: (await insertFamily(t.db, DESA_A, { nama: 'Lain', tanggallahir: '1990-01-01', sex: 1 })).kepalaId,
    });
    expect((await fails(addHouseholdMember(t.db, actor, DESA_A, other, { penduduk_id: tangga }))).fields).toEqual({
      penduduk_id: 'sudahDalamRumahTangga',
    });
    const b = await insertFamily(t.db, DESA_B, { nama: 'Asing', tanggallahir: '1980-01-01', sex: 1 });
    expect((await fails(addHouseholdMember(t.db, actor, DESA_A, other, { penduduk_id: b.kepalaId }))).fields).toEqual({
      penduduk_id: 'pendudukBukanDesaIni',
    });
    expect((await fails(addHouseholdMember(t.db, actor, DESA_B, other, { penduduk_id: b.kepalaId }))).status).toBe(404);
  });

  it('the head leaves only with a new head named; the last member closes the household', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Kepala', tanggallahir: '1960-01-01', sex: 1 }, [
      { nama: 'Anggota', tanggallahir: '1965-01-01', sex: 2, kkLevel: 3 },
    ]);
    const anggota = f.memberIds[0] as number;
    const id = await createHousehold(t.db, actor, DESA_A, { ...data, kepala_id: f.kepalaId });
    await addHouseholdMember(t.db, actor, DESA_A, id, { penduduk_id: anggota });
    const noHead = await fails(
      removeHouseholdMember(t.db, actor, DESA_A, id, { penduduk_id: f.kepalaId, kepala_baru_id: null }),
    );
    expect(noHead.status).toBe(422);
    expect(noHead.fields).toEqual({ kepala_baru_id: 'pilihKepalaRtBaru' });
    expect(await membership(f.kepalaId)).toEqual({ rumah_tangga_id: id, rtm_level: 1 });

    await changeHouseholdHead(t.db, actor, DESA_A, id, { kepala_baru_id: anggota });
    expect(await membership(anggota)).toEqual({ rumah_tangga_id: id, rtm_level: 1 });
    expect(await membership(f.kepalaId)).toEqual({ rumah_tangga_id: id, rtm_level: 2 });
    expect((await household(id)).kepala_id).toBe(anggota);
    expect((await fails(changeHouseholdHead(t.db, actor, DESA_A, id, { kepala_baru_id: anggota }))).fields).toEqual({
      kepala_baru_id: 'sudahKepala',
    });

    await removeHouseholdMember(t.db, actor, DESA_A, id, { penduduk_id: anggota, kepala_baru_id: f.kepalaId });
    expect((await household(id)).kepala_id).toBe(f.kepalaId);
    expect(await membership(anggota)).toEqual({ rumah_tangga_id: null, rtm_level: null });
    const last = await removeHouseholdMember(t.db, actor, DESA_A, id, {
      penduduk_id: f.kepalaId,
      kepala_baru_id: null,
    });
    expect(last).toEqual({ ditutup: true });
    expect(await household(id)).toMatchObject({ kepala_id: null });
    expect((await household(id)).ditutup_pada).not.toBeNull();
    expect((await fails(addHouseholdMember(t.db, actor, DESA_A, id, { penduduk_id: anggota }))).status).toBe(404);
  });

  it('keeps the DTKS flag, BDT id and welfare class, with a version check and an audit row', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Dtks', tanggallahir: '1960-01-01', sex: 1 });
    const id = await createHousehold(t.db, actor, DESA_A, {
      kelas_sosial: 1,
      bdt: '3317090000123',
      terdaftar_dtks: 1,
      kepala_id: f.kepalaId,
    });
    expect(await household(id)).toMatchObject({ terdaftar_dtks: 1, bdt: '3317090000123', kelas_sosial: 1 });
    const v = (await household(id)).versi;
    await editHousehold(t.db, actor, DESA_A, id, v, { kelas_sosial: 3, bdt: null, terdaftar_dtks: 0 });
    expect(await household(id)).toMatchObject({ terdaftar_dtks: 0, bdt: null, kelas_sosial: 3 });
    const stale = await fails(editHousehold(t.db, actor, DESA_A, id, v, { ...data, terdaftar_dtks: 1 }));
    expect(stale.key).toBe('diubahOrangLain');
    expect((await household(id)).terdaftar_dtks).toBe(0);
    const rows = await t.db
      .selectFrom('audit_log')
      .select('aksi')
      .where('entitas', '=', 'rumah_tangga')
      .where('entitas_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.aksi)).toEqual(['buat', 'ubah']);
  });
});
