import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueViolationOn } from '#src/lib/db/errors.js';
import { activate, DESA_A, DESA_B, insertFamily, makeNik } from '../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';

/** The unique index `penduduk_nik_hidup` (migration 20261204090000): one living resident per NIK, anyone else free. */
describe('a NIK among the living', () => {
  let t: TestDatabase;
  let ids: number[];
  const nik = makeNik('1980-01-01', 1);

  const setNik = (id: number, value: string | null, status: number) =>
    t.db.updateTable('penduduk').set({ nik: value, status_dasar: status }).where('id', '=', id).execute();
  const failure = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      return error;
    }
    throw new Error('expected a unique violation');
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    const a = await insertFamily(t.db, DESA_A, { nama: 'Sugeng', tanggallahir: '1980-01-01', sex: 1, nik }, [
      { nama: 'Sri', tanggallahir: '1982-02-02', sex: 2, kkLevel: 3 },
      { nama: 'Budi', tanggallahir: '2004-04-04', sex: 1, kkLevel: 4 },
      { nama: 'Ani', tanggallahir: '2006-06-06', sex: 2, kkLevel: 4, nik: null },
    ]);
    const b = await insertFamily(t.db, DESA_B, { nama: 'Sugeng', tanggallahir: '1980-01-01', sex: 1 });
    ids = [...a.memberIds, b.kepalaId];
  });

  it('is refused for a second living resident, in this desa or another, and the error names the NIK', async () => {
    for (const id of [ids[0], ids[3]] as number[]) {
      const error = await failure(setNik(id, nik, 1));
      expect(uniqueViolationOn(error, 'nik', 'penduduk_nik_hidup')).toBe(true);
      expect(uniqueViolationOn(error, 'tag_id_card')).toBe(false);
      expect(uniqueViolationOn(error, 'nik_sementara')).toBe(false);
    }
    const holders = await t.db.selectFrom('penduduk').select('id').where('nik', '=', nik).execute();
    expect(holders).toHaveLength(1);
  });

  it('is free for the dead, the moved and the gone (any number of them), and they are found by it', async () => {
    await setNik(ids[0] as number, nik, 2);
    await setNik(ids[1] as number, nik, 3);
    await setNik(ids[3] as number, nik, 2);
    const holders = await t.db
      .selectFrom('penduduk')
      .select(['id', 'status_dasar'])
      .where('nik', '=', nik)
      .orderBy('id')
      .execute();
    expect(holders.map((h) => h.status_dasar).sort()).toEqual([1, 2, 2, 3]);
    const living = await t.db
      .selectFrom('penduduk')
      .select('nama')
      .where('nik', '=', nik)
      .where('status_dasar', '=', 1)
      .execute();
    expect(living).toEqual([{ nama: 'Sugeng' }]);
  });

  it('is refused again when one of them comes back to life while the NIK is living', async () => {
    const error = await failure(setNik(ids[1] as number, nik, 1));
    expect(uniqueViolationOn(error, 'nik', 'penduduk_nik_hidup')).toBe(true);
    const back = await t.db
      .selectFrom('penduduk')
      .select('status_dasar')
      .where('id', '=', ids[1] as number)
      .executeTakeFirstOrThrow();
    expect(back.status_dasar).toBe(3);
  });

  it('leaves residents without a NIK (temporary numbers) apart, living or not', async () => {
    const without = await t.db.selectFrom('penduduk').select('id').where('nik', 'is', null).execute();
    expect(without.length).toBeGreaterThanOrEqual(1);
    await setNik(ids[0] as number, null, 1);
    await setNik(ids[3] as number, null, 1);
    const count = await t.db
      .selectFrom('penduduk')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('nik', 'is', null)
      .where('status_dasar', '=', 1)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThanOrEqual(3);
  });
});
