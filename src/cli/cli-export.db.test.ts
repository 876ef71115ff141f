import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, DESA_A, DESA_B, KEC } from '../../tests/support/builders.js';
import { buildEksporDesa, readWorkbook, sheetRows } from '../../tests/support/ekspor-fixture.js';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-db.js';
import { type CliIo, runCommand } from './commands.js';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => void out.push(s), err: (s) => void err.push(s), readStdin: async () => '' };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('balai export penduduk', () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'balai-ekspor-'));
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await buildEksporDesa(t.db, DESA_A, '331709010101');
    await buildEksporDesa(t.db, DESA_B, '331709020101');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (values: Record<string, string>, out?: string) => {
    const io = fakeIo();
    const code = await runCommand(t.db, ['export', 'penduduk', ...(out ? [out] : [])], values, io.io);
    return { code, out: io.out(), err: io.err() };
  };

  it('writes a desa to OUT.xlsx and says how many rows, and how many without a KK were left out', async () => {
    const out = join(dir, 'meteseh.xlsx');
    const r = await run({ desa: DESA_A }, out);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`6 baris diekspor ke ${out}\n1 penduduk tanpa KK tidak diekspor.\n`);
    const wb = await readWorkbook(readFileSync(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Meteseh', 'Kode Data']);
    expect(sheetRows(wb.getWorksheet('Meteseh') as never)).toHaveLength(7);
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['username', 'alasan'])
      .where('aksi', '=', 'ekspor')
      .executeTakeFirstOrThrow();
    expect(audited.username).toMatch(/^cli:/);
  });

  it('writes a kecamatan as one sheet per desa', async () => {
    const out = join(dir, 'kaliori.xlsx');
    const r = await run({ desa: KEC }, out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^12 baris diekspor ke .*kaliori\.xlsx \(2 desa, satu lembar per desa\)\n/);
    const wb = await readWorkbook(readFileSync(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Meteseh', 'Maguan', 'Kode Data']);
  });

  it('exits 2 on usage errors and 1 on errors, leaving no file behind', async () => {
    expect((await run({}, join(dir, 'x.xlsx'))).code).toBe(2);
    expect((await run({ desa: 'meteseh' }, join(dir, 'x.xlsx'))).code).toBe(2);
    const noOut = await run({ desa: DESA_A });
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('OUT.xlsx wajib');
    const inactive = await run({ desa: '33.17.10' }, join(dir, 'kosong.xlsx'));
    expect(inactive.code).toBe(1);
    expect(inactive.err).toContain('Tidak ada desa aktif dengan kode 33.17.10.');
    expect(readdirSync(dir).sort()).toEqual(['kaliori.xlsx', 'meteseh.xlsx']);
  });

  const bin = fileURLToPath(new URL('../../bin/balai.js', import.meta.url));
  const built = existsSync(fileURLToPath(new URL('../../dist/src/cli/export-command.js', import.meta.url)));
  it.runIf(built)('works as `npx balai export penduduk --desa KODE OUT.xlsx` from the shell', () => {
    const out = join(dir, 'shell.xlsx');
    const env = { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' };
    const r = spawnSync(process.execPath, [bin, 'export', 'penduduk', '--desa', DESA_B, out], {
      env,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`6 baris diekspor ke ${out}`);
    expect(existsSync(out)).toBe(true);
    rmSync(out);
  });
});
