import { copyFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/lib/audit/audit.js';
import { activate, DESA_A } from '../../../tests/support/builders.js';
import { type Cells, family, importContext, writeOpenSid } from '../../../tests/support/opensid-file.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { useTempDir } from '../../../tests/support/xlsx-files.js';
import { commitImport, getJob, type ImporContext, settled, startImport } from './impor-tugas.service.js';

const actor = systemActor('operator-a');
const kk = (i: number) => `33170912011${String(i).padStart(5, '0')}`;
/** 0 → 'Aa', 1 → 'Ab', … (names may not hold digits) */
const word = (i: number) =>
  String.fromCharCode(65 + Math.floor(i / 26 / 26)) +
  String.fromCharCode(97 + (Math.floor(i / 26) % 26), 97 + (i % 26));
/** a family of three with names of its own (same names would make the duplicate scan pair them all) */
const named = (i: number) =>
  family(kk(i), 3 * i + 1, {
    head: { nama: `Kepala ${word(i)}` },
    wife: { nama: `Istri ${word(i)}` },
    child: { nama: `Anak ${word(i)}`, nama_ayah: `Kepala ${word(i)}`, nama_ibu: `Istri ${word(i)}` },
  }) as unknown as [Cells, Cells, Cells];

/**
 * The commit writes a family with the chunk (2,000 rows) of its first member. A family whose head comes
 * after its other members, across a chunk boundary, is written before its head and gets it afterwards.
 */
describe('OpenSID import across chunks', () => {
  let t: TestDatabase;
  let ctx: ImporContext;
  const tmp = useTempDir();

  beforeAll(async () => {
    t = await createTestDatabase();
    ctx = importContext(t.db, tmp('data'));
    await activate(t.db, DESA_A);
  });
  afterAll(async () => t.close());

  it('gives every family its head and its event when the head is in a later chunk than the members', {
    timeout: 120_000,
  }, async () => {
    const rows: Cells[] = Array.from({ length: 666 }, (_, i) => named(i)).flat();
    const [head, wife, child] = named(666);
    rows.push(wife, child, head); // rows 1,999 and 2,000 in the first chunk, the head (2,001) in the second
    const path = tmp('besar.xlsx');
    await writeOpenSid(path, rows);
    const upload = tmp('unggah.xlsx');
    await copyFile(path, upload);
    const id = await startImport(ctx, actor, { desaKode: DESA_A, path: upload, nama: 'besar.xlsx', ukuran: 1 });
    await settled(id);
    await commitImport(ctx, actor, id);
    await settled(id);
    const job = await getJob(ctx, id);
    expect(job.status).toBe('selesai');
    expect(job.hasil).toMatchObject({ baru: 2001, ditolak: 0 });

    const families = await t.db
      .selectFrom('keluarga as k')
      .leftJoin('penduduk as p', 'p.id', 'k.kepala_id')
      .select(['k.id', 'k.no_kk', 'p.keluarga_id', 'p.kk_level'])
      .where('k.desa_kode', '=', DESA_A)
      .execute();
    expect(families).toHaveLength(667);
    for (const f of families) expect(f).toMatchObject({ keluarga_id: f.id, kk_level: 1 });
    const late = families.find((f) => f.no_kk === kk(666));
    const members = await t.db
      .selectFrom('penduduk')
      .select(['nama'])
      .where('keluarga_id', '=', late?.id ?? -1)
      .orderBy('nama')
      .execute();
    expect(members.map((m) => m.nama)).toEqual([`Anak ${word(666)}`, `Istri ${word(666)}`, `Kepala ${word(666)}`]);
    const events = await t.db
      .selectFrom('peristiwa_keluarga as e')
      .innerJoin('keluarga as k', 'k.id', 'e.keluarga_id')
      .select(['e.keluarga_id', 'e.penduduk_id', 'k.kepala_id'])
      .where('k.desa_kode', '=', DESA_A)
      .execute();
    expect(events).toHaveLength(667);
    for (const e of events) expect(e.penduduk_id).toBe(e.kepala_id);
  });
});
