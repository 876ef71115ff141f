import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { activate, DESA_A, KEC } from '../../tests/support/builders.js';
import { clearHouseholds, householdsOf, rtmFamily, writeRtm } from '../../tests/support/rtm-file.js';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-db.js';
import { type CliIo, runCommand } from './commands.js';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => void out.push(s), err: (s) => void err.push(s), readStdin: async () => '' };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const N1 = '331709200100001';

describe('balai import/export rumah-tangga', () => {
  let t: TestDatabase;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'balai-rtm-'));
    vi.stubEnv('BALAI_DATA_DIR', join(dir, 'data'));
    await activate(t.db, DESA_A);
    const f = await rtmFamily(t.db, DESA_A, 'Ahmad Basuki', [{ nama: 'Siti Rahayu' }]);
    file = join(dir, 'rtm.xlsx');
    await writeRtm(file, [
      [f.head.nik, N1, 1],
      [f.members[0]?.nik ?? '', N1, 2],
      ['3317', N1, 2],
    ]);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (positionals: string[], values: Record<string, string | boolean>) => {
    const io = fakeIo();
    const code = await runCommand(t.db, positionals, values, io.io);
    return { code, out: io.out(), err: io.err() };
  };

  it('checks a file with --dry-run --json without saving, then imports it', async () => {
    const dry = await run(['import', 'rumah-tangga', file], { desa: DESA_A, 'dry-run': true, json: true });
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toEqual({
      baru: 2,
      diperbarui: 0,
      tidak_berubah: 0,
      ditolak: 1,
      peringatan: 0,
      rumah_tangga_baru: 1,
      galat: [{ baris: 4, kolom: 'NIK', pesan: 'NIK harus 16 angka.' }],
    });
    expect(await householdsOf(t.db, DESA_A)).toEqual([]);

    const done = await run(['import', 'rumah-tangga', file], { desa: DESA_A });
    expect(done.code).toBe(0);
    expect(done.out).toMatch(
      /^Impor selesai: 3 baris — baru 2, .* ditolak 1 .*, rumah tangga baru 1\.\n {2}baris 4 NIK: /,
    );
    expect(await householdsOf(t.db, DESA_A)).toHaveLength(2);
  });

  it('exports a desa’s households to OUT.xlsx, which imports again into the desa cleared of households', async () => {
    const out = join(dir, 'keluar.xlsx');
    const exported = await run(['export', 'rumah-tangga', out], { desa: DESA_A });
    expect(exported).toEqual({ code: 0, out: `2 baris (1 rumah tangga) diekspor ke ${out}\n`, err: '' });
    const before = await householdsOf(t.db, DESA_A);
    await clearHouseholds(t.db, DESA_A);
    const again = await run(['import', 'rumah-tangga', out], { desa: DESA_A, json: true });
    expect(JSON.parse(again.out)).toMatchObject({ baru: 2, ditolak: 0, rumah_tangga_baru: 1, galat: [] });
    expect(await householdsOf(t.db, DESA_A)).toEqual(before);
  });

  it('exits 2 on usage errors (a kecamatan code, no OUT, no FILE) and 1 for a file refused whole', async () => {
    expect((await run(['export', 'rumah-tangga', join(dir, 'x.xlsx')], { desa: KEC })).code).toBe(2);
    expect((await run(['export', 'rumah-tangga'], { desa: DESA_A })).code).toBe(2);
    expect((await run(['import', 'rumah-tangga'], { desa: DESA_A })).code).toBe(2);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    const bad = join(dir, 'salah.xlsx');
    await writeRtm(bad, [['1', '2', '3']], { header: ['NIK', 'NO RTM', 'STATUS'] });
    const refused = await run(['import', 'rumah-tangga', bad], { desa: DESA_A, json: true });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Berkas ditolak seluruhnya.');
    expect(JSON.parse(refused.out).galat.map((g: { kolom: string }) => g.kolom)).toEqual([
      'B',
      'C',
      'NOMOR RUMAH TANGGA',
      'STATUS HUBUNGAN DALAM RUMAH TANGGA',
    ]);
  });
});
