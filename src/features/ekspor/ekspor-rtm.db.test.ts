import { createWriteStream, readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHouseholdMember, createHousehold } from '#src/features/keluarga/rumah-tangga.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { activate, DESA_A } from '../../../tests/support/builders.js';
import { readWorkbook, sheetRows } from '../../../tests/support/ekspor-fixture.js';
import { importContext } from '../../../tests/support/opensid-file.js';
import { clearHouseholds, householdsOf, rtmFamily, runRtm } from '../../../tests/support/rtm-file.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { useTempDir } from '../../../tests/support/xlsx-files.js';
import { exportRumahTangga } from './ekspor-rtm.service.js';

const actor = systemActor('operator-a');
const noData = { kelas_sosial: null, bdt: null, terdaftar_dtks: 0 } as const;

describe('household (RTM) export in OpenSID format', () => {
  let t: TestDatabase;
  const tmp = useTempDir();
  let n = 0;
  const exportTo = async () => {
    const path = tmp(`rtm${++n}.xlsx`);
    const out = createWriteStream(path);
    const result = await exportRumahTangga(t.db, actor, DESA_A, out);
    await finished(out);
    return { path, result, rows: sheetRows((await readWorkbook(readFileSync(path))).getWorksheet('RTM') as never) };
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    await activate(t.db, DESA_A);
    // two households; the second one's head family has a member without a NIK (temporary number only)
    const f1 = await rtmFamily(t.db, DESA_A, 'Ahmad Basuki', [{ nama: 'Siti Rahayu' }]);
    const f2 = await rtmFamily(t.db, DESA_A, 'Bambang Irawan', [
      { nama: 'Sri Wahyuni' },
      { nama: 'Tanpa Nomor', nik: null },
    ]);
    const h1 = await createHousehold(t.db, actor, DESA_A, { ...noData, kepala_id: f1.head.id });
    const h2 = await createHousehold(t.db, actor, DESA_A, { ...noData, kepala_id: f2.head.id });
    await addHouseholdMember(t.db, actor, DESA_A, h1, { penduduk_id: f1.members[0]?.id ?? -1 });
    for (const m of f2.members) await addHouseholdMember(t.db, actor, DESA_A, h2, { penduduk_id: m.id });
  });
  afterAll(async () => t.close());

  it('writes sheet RTM: one row per member with a NIK (as text), by number then head first, audited', async () => {
    const { rows, result } = await exportTo();
    const people = await householdsOf(t.db, DESA_A);
    expect(result).toEqual({ rows: 4, rumahTangga: 2, tanpaNik: 1 });
    expect(rows).toEqual([
      ['NIK', 'NOMOR RUMAH TANGGA', 'STATUS HUBUNGAN DALAM RUMAH TANGGA'],
      ...people.filter(([, nik]) => nik !== null).map(([nomor, nik, level]) => [nik, nomor, level]),
    ]);
    expect(rows.slice(1).every((r) => typeof r[0] === 'string' && /^\d{16}$/.test(String(r[0])))).toBe(true);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['alasan', 'username'])
      .where('aksi', '=', 'ekspor')
      .where('entitas', '=', 'rumah_tangga')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      username: 'operator-a',
      alasan: 'format OpenSID RTM; 2 rumah tangga; 4 baris; NIK lengkap; 1 tanpa NIK tidak diekspor',
    });
  });

  it('round-trips: the export imported into the desa with its households cleared gives the same households', async () => {
    const first = await exportTo();
    const before = (await householdsOf(t.db, DESA_A)).filter(([, nik]) => nik !== null);
    await clearHouseholds(t.db, DESA_A);
    expect(await householdsOf(t.db, DESA_A)).toEqual([]);
    const ctx = importContext(t.db, tmp('data'));
    const r = await runRtm(ctx, actor, DESA_A, first.path, tmp('upload.xlsx'));
    expect(r.job.status).toBe('selesai');
    expect(r.job.hasil).toMatchObject({ total: 4, baru: 4, ditolak: 0, rumah_tangga_baru: 2 });
    expect(await householdsOf(t.db, DESA_A)).toEqual(before);
    expect((await exportTo()).rows).toEqual(first.rows);
  });

  it('refuses a desa that is not active', async () => {
    const out = new PassThrough();
    await expect(exportRumahTangga(t.db, actor, '33.17.09.2005', out)).rejects.toMatchObject({ key: 'desaBelumAktif' });
    expect(out.readableLength).toBe(0);
  });
});
