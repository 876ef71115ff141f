import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, DESA_A } from '../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { type Column, insertRows, reserveIds, type TableRows, type Value } from './bulk.js';
import type { Db } from './connect.js';

const NOW = '2026-11-28T06:05:07.123Z';
const KELUARGA: Column[] = [
  ['id', 'int'],
  ['desa_kode', 'text'],
  ['no_kk', 'text'],
  ['kepala_id', 'int'],
  ['alamat', 'text'],
  ['tgl_daftar', 'date'],
  ['dibuat_pada', 'timestamptz'],
  ['diperbarui_pada', 'timestamptz'],
];
const PENDUDUK: Column[] = [
  ['id', 'int'],
  ['desa_kode', 'text'],
  ['nama', 'text'],
  ['nama_normal', 'text'],
  ['keluarga_id', 'int'],
  ['kk_level', 'int'],
  ['tanggallahir', 'date'],
  ['lat', 'float8'],
  ['suku', 'text'],
  ['dibuat_pada', 'timestamptz'],
  ['diperbarui_pada', 'timestamptz'],
];
const NO_KK: Column[] = [
  ['keluarga_id', 'int'],
  ['no_kk', 'text'],
  ['berlaku_sejak', 'timestamptz'],
  ['alasan', 'text'],
];

/** Texts that COPY's text format must escape, or that look like its markers. */
const AWKWARD = [
  'tab\there',
  'line\nbreak',
  'cr\rlf\r\n',
  'back\\slash\\',
  '\\N',
  '\\.',
  '',
  'Ñoño Ṣẹ́gun 日本語 😀',
  ' \'quoted\' "double" {brace,comma} ',
];

let serial = 0;
/** A family whose head is its first member, written in one call: the head names the family and back. */
async function family(db: Db, suku: readonly (Value | undefined)[]) {
  const [fid] = await reserveIds(db, 'keluarga', 1);
  const ids = await reserveIds(db, 'penduduk', suku.length);
  serial += 1;
  const noKk = `3317091201${String(serial).padStart(6, '0')}`;
  const tables: TableRows[] = [
    {
      table: 'keluarga',
      columns: KELUARGA,
      rows: [[fid as number, DESA_A, noKk, ids[0] as number, `Jl. ${serial}\tRT 1\nRW 2`, '2026-11-28', NOW, NOW]],
      explicitIds: true,
    },
    { table: 'keluarga_no_kk', columns: NO_KK, rows: [[fid as number, noKk, NOW, 'uji']], explicitIds: false },
    {
      table: 'penduduk',
      columns: PENDUDUK,
      rows: ids.map((id, i) => [
        id,
        DESA_A,
        `Warga ${serial}-${i}`,
        `WARGA ${serial}-${i}`,
        fid as number,
        i === 0 ? 1 : 4,
        i % 2 ? null : '1990-05-17',
        i % 2 ? -7.123456789012345 : 110,
        suku[i] ?? null,
        NOW,
        NOW,
      ]),
      explicitIds: true,
    },
  ];
  return { fid: fid as number, ids, noKk, tables };
}

const readBack = (db: Db, fid: number) =>
  db
    .selectFrom('penduduk')
    .select(['id', 'suku', 'tanggallahir', 'lat', 'keluarga_id', 'dibuat_pada'])
    .where('keluarga_id', '=', fid)
    .orderBy('id')
    .execute();

describe('insertRows', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await activate(t.db, DESA_A);
  });
  afterAll(async () => t.close());

  it('writes every value as given: escapes, NULLs, unicode, dates, floats, timestamps', async () => {
    const suku: Value[] = [...AWKWARD, null];
    const f = await t.db.transaction().execute(async (trx) => {
      const f = await family(trx, suku);
      await insertRows(trx, f.tables);
      return f;
    });
    const rows = await readBack(t.db, f.fid);
    expect(rows.map((r) => r.suku)).toEqual([...AWKWARD, null]);
    expect(rows.map((r) => r.id)).toEqual(f.ids);
    expect(rows[0]).toMatchObject({ tanggallahir: '1990-05-17', lat: 110, keluarga_id: f.fid, dibuat_pada: NOW });
    expect(rows[1]).toMatchObject({ tanggallahir: null, lat: -7.123456789012345 });
    const k = await t.db.selectFrom('keluarga').selectAll().where('id', '=', f.fid).executeTakeFirstOrThrow();
    expect(k).toMatchObject({ kepala_id: f.ids[0], alamat: `Jl. ${serial}\tRT 1\nRW 2`, tgl_daftar: '2026-11-28' });
    const history = await t.db.selectFrom('keluarga_no_kk').selectAll().where('keluarga_id', '=', f.fid).execute();
    expect(history).toMatchObject([{ no_kk: f.noKk, alasan: 'uji', berlaku_sejak: NOW }]);
  });

  it('writes several times in one transaction, and outside of one', async () => {
    const [a, b] = await t.db.transaction().execute(async (trx) => {
      const a = await family(trx, Array(2500).fill('x'));
      await insertRows(trx, a.tables);
      const b = await family(trx, ['y', 'z']);
      await insertRows(trx, b.tables);
      return [a, b];
    });
    expect((await readBack(t.db, a.fid)).length).toBe(2500);
    expect((await readBack(t.db, b.fid)).map((r) => r.suku)).toEqual(['y', 'z']);
    const c = await family(t.db, ['solo']);
    await insertRows(t.db, c.tables);
    expect((await readBack(t.db, c.fid)).map((r) => r.suku)).toEqual(['solo']);
  });

  it('writes nothing when the transaction rolls back', async () => {
    let fid = 0;
    await expect(
      t.db.transaction().execute(async (trx) => {
        const f = await family(trx, ['batal']);
        fid = f.fid;
        await insertRows(trx, f.tables);
        expect((await readBack(trx, f.fid)).length).toBe(1);
        throw new Error('batal');
      }),
    ).rejects.toThrow('batal');
    expect(await readBack(t.db, fid)).toEqual([]);
    expect(await t.db.selectFrom('keluarga').select('id').where('id', '=', fid).execute()).toEqual([]);
  });

  it("fails with the database's error, and the transaction writes nothing", async () => {
    let fid = 0;
    await expect(
      t.db.transaction().execute(async (trx) => {
        const good = await family(trx, ['ada']);
        fid = good.fid;
        await insertRows(trx, good.tables);
        const bad = await family(trx, ['yatim']);
        const orphan = bad.tables.filter((x) => x.table === 'penduduk');
        await insertRows(trx, orphan);
      }),
    ).rejects.toThrow(/foreign key/i);
    expect(await readBack(t.db, fid)).toEqual([]);
  });

  it('refuses a row with too few values', async () => {
    const f = await family(t.db, ['a']);
    const [k] = f.tables;
    const short = { ...(k as TableRows), rows: [(k as TableRows).rows[0]?.slice(1) ?? []] };
    await expect(insertRows(t.db, [short])).rejects.toThrow(/7 nilai untuk 8 kolom/);
  });

  it('writes NULL for a column empty in every row, and never lets a column with a default take it over a NULL', async () => {
    // SQLite leaves such a column out of the statement (binding fewer values), which is only the same when its
    // default is NULL too: lat and suku NULL everywhere read back as NULL
    const f = await family(t.db, [null, null, null]);
    const penduduk = f.tables[2] as TableRows;
    const noLat = { ...penduduk, rows: penduduk.rows.map((r) => r.map((v, c) => (c === 7 ? null : v))) };
    await t.db.transaction().execute((trx) => insertRows(trx, [f.tables[0] as TableRows, noLat]));
    expect((await readBack(t.db, f.fid)).map((r) => [r.lat, r.suku])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    // warganegara_id defaults to 1 and may not be NULL: an explicit NULL is refused, not replaced by the default
    const g = await family(t.db, ['x']);
    const withCitizenship = {
      ...(g.tables[2] as TableRows),
      columns: [...PENDUDUK, ['warganegara_id', 'int'] as Column],
      rows: (g.tables[2] as TableRows).rows.map((r) => [...r, null]),
    };
    await expect(
      t.db.transaction().execute((trx) => insertRows(trx, [g.tables[0] as TableRows, withCitizenship])),
    ).rejects.toThrow(/warganegara_id|not null/i);
    expect(await readBack(t.db, g.fid)).toEqual([]);
  });
});
