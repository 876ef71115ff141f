import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/lib/audit/audit.js';
import { activate, DESA_A, DESA_B } from '../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { ensureLingkungan, type KnownUnits } from './lingkungan-ensure.js';

describe('units named by dusun/RW/RT, created when missing', () => {
  let t: TestDatabase;
  const actor = systemActor('impor');
  const units = (desa: string) =>
    t.db
      .selectFrom('lingkungan')
      .select(['id', 'tingkat', 'nama', 'induk_id'])
      .where('desa_kode', '=', desa)
      .orderBy('id')
      .execute();
  const audits = () =>
    t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entitas', '=', 'lingkungan')
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));

  beforeAll(async () => {
    t = await createTestDatabase();
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
  });

  it('with a memo: the same units, ids and audit entries as without, each unit created once', async () => {
    const names = [
      { dusun: 'DUSUN KRAJAN', rw: '1', rt: '1' },
      { dusun: 'Krajan', rw: '001', rt: '2' },
      { dusun: 'krajan', rw: '1', rt: '01' },
      { dusun: 'KRAJAN', rw: '2', rt: '1' },
      { dusun: 'Ngasem', rw: '-', rt: '3' },
      { dusun: 'Ngasem', rw: null, rt: null },
    ];
    const before = await audits();
    const known: KnownUnits = new Map();
    const withMemo = await t.db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (const n of names) ids.push(await ensureLingkungan(trx, actor, DESA_A, n, known));
      return ids;
    });
    const withoutMemo = await t.db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (const n of names) ids.push(await ensureLingkungan(trx, actor, DESA_B, n));
      return ids;
    });
    const shape = (rows: Awaited<ReturnType<typeof units>>) => {
      const index = new Map(rows.map((r, i) => [r.id, i]));
      return rows.map((r) => [r.tingkat, r.nama, r.induk_id === null ? null : index.get(r.induk_id)]);
    };
    const a = await units(DESA_A);
    const b = await units(DESA_B);
    expect(shape(a)).toEqual(shape(b));
    expect(shape(a)).toEqual([
      ['dusun', 'Krajan', null],
      ['rw', '001', 0],
      ['rt', '001', 1],
      ['rt', '002', 1],
      ['rw', '002', 0],
      ['rt', '001', 4],
      ['dusun', 'Ngasem', null],
      ['rt', '003', 6],
    ]);
    // the same unit for the same names, whatever their spelling
    expect(withMemo[2]).toBe(withMemo[0]);
    expect(withMemo.map((id) => a.findIndex((u) => u.id === id))).toEqual(
      withoutMemo.map((id) => b.findIndex((u) => u.id === id)),
    );
    expect((await audits()) - before).toBe(2 * 8);
    expect(known.size).toBe(8);
  });

  it('with a memo: a unit made in an earlier call is reused, not looked up or made again', async () => {
    const known: KnownUnits = new Map();
    const first = await t.db
      .transaction()
      .execute((trx) => ensureLingkungan(trx, actor, DESA_A, { dusun: 'Sidorejo', rw: '3', rt: '4' }, known));
    const count = (await units(DESA_A)).length;
    const again = await t.db
      .transaction()
      .execute((trx) => ensureLingkungan(trx, actor, DESA_A, { dusun: 'SIDOREJO', rw: '03', rt: '004' }, known));
    expect(again).toBe(first);
    expect((await units(DESA_A)).length).toBe(count);
  });

  it('refuses an RT directly under a dusun that has RWs, with or without a memo', async () => {
    for (const known of [new Map(), undefined] as (KnownUnits | undefined)[]) {
      await expect(
        t.db
          .transaction()
          .execute((trx) => ensureLingkungan(trx, actor, DESA_A, { dusun: 'Krajan', rw: null, rt: '9' }, known)),
      ).rejects.toMatchObject({ key: 'tidakBisaCampurRwRt' });
    }
  });
});
