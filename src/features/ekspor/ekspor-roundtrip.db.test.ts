import { createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport, getJob, settled, startImport } from '#src/features/impor/impor-tugas.service.js';
import { lingkunganNames } from '#src/features/lingkungan/lingkungan-ensure.js';
import { systemActor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { activate, DESA_A } from '../../../tests/support/builders.js';
import { buildEksporDesa } from '../../../tests/support/ekspor-fixture.js';
import { importContext } from '../../../tests/support/opensid-file.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { PERSON_COLUMNS } from './ekspor-baris.js';
import { exportDefault } from './ekspor-penduduk.service.js';

const actor = systemActor('uji-pulang-pergi');

/** Everything the 43 columns carry of a living resident with a KK, keyed by NIK (or name for a temporary one). */
async function register(db: Db) {
  const rows = await db
    .selectFrom('penduduk')
    .innerJoin('keluarga', 'keluarga.id', 'penduduk.keluarga_id')
    .select(PERSON_COLUMNS.map((c) => `penduduk.${c}` as const))
    .select(['penduduk.lingkungan_id', 'keluarga.no_kk', 'keluarga.alamat as alamat_kk'])
    .where('penduduk.desa_kode', '=', DESA_A)
    .where('penduduk.status_dasar', '=', 1)
    .execute();
  const entries = await Promise.all(
    rows.map(async ({ lingkungan_id, ...r }) => {
      const key = r.nik ?? `${r.nama}|${r.tanggallahir}`;
      return [key, { ...r, unit: await lingkunganNames(db, lingkungan_id) }] as const;
    }),
  );
  return new Map(entries);
}

/**
 * Export → import into an empty desa of another installation gives the same register: every field of the 43
 * columns, the family (No. KK, address) and the dusun/RW/RT.
 */
describe('OpenSID export → import round trip', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    source = await createTestDatabase();
    target = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'balai-pulang-pergi-'));
    await activate(source.db, DESA_A);
    await activate(target.db, DESA_A);
    await buildEksporDesa(source.db, DESA_A, '331709010101', { valid: true });
  });
  afterAll(async () => {
    await source.close();
    await target.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives identical data', async () => {
    const file = join(dir, 'ekspor.xlsx');
    const out = createWriteStream(file);
    const exported = await exportDefault(source.db, DESA_A, out, actor);
    await finished(out);
    expect(exported.rows).toBe(5);

    const ctx = importContext(target.db, join(dir, 'data'));
    const upload = join(dir, 'unggah.xlsx');
    await copyFile(file, upload);
    const id = await startImport(ctx, actor, { desaKode: DESA_A, path: upload, nama: 'ekspor.xlsx', ukuran: 1 });
    await settled(id);
    const preview = await getJob(ctx, id);
    expect(preview.hasil).toMatchObject({ galat: [], ditolak: 0, baru: 5 });
    await commitImport(ctx, actor, id);
    await settled(id);
    expect((await getJob(ctx, id)).status).toBe('selesai');

    const before = await register(source.db);
    const after = await register(target.db);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [key, person] of before) {
      const { nik_sementara: _a, ...was } = person as typeof person & { nik_sementara?: unknown };
      const { nik_sementara: _b, ...now } = after.get(key) as typeof person & { nik_sementara?: unknown };
      expect(now, key).toEqual(was);
    }
  });
});
