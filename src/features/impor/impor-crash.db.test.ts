import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/lib/audit/audit.js';
import { generate } from '../../../scripts/bench/gen-opensid.mjs';
import { activate } from '../../../tests/support/builders.js';
import { family, importContext, writeOpenSid } from '../../../tests/support/opensid-file.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { clearStale, commitImport, getJob, settled, startImport } from './impor-tugas.service.js';

const DESA = '33.17.09.2001';
const bin = fileURLToPath(new URL('../../../bin/balai.js', import.meta.url));

/** The CLI importing `file`, killed with SIGKILL as soon as it reports writing rows ("menerapkan"). */
function importAndKill(env: NodeJS.ProcessEnv, file: string): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, 'import', 'penduduk', '--desa', DESA, file], { env });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!killed && /menerapkan \d+/.test(stderr)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', fail);
    child.on('exit', () => done({ killed, stderr }));
  });
}

describe('the threaded workbook reader (compiled, as the CLI and server run it)', () => {
  it('gives the same rows as the in-thread reader, and the same refusal for a broken file', async () => {
    const dist = new URL('../../../dist/src/lib/xlsx/xlsx-read.js', import.meta.url).href;
    const { readRows, readRowsThreaded } = (await import(dist)) as typeof import('#src/lib/xlsx/xlsx-read.js');
    const dir = mkdtempSync(join(tmpdir(), 'balai-thread-'));
    try {
      const file = join(dir, 'data.xlsx');
      await generate(3_000, file);
      const collect = async (rows: AsyncIterable<{ row: number; cells: unknown[] }>) => {
        const out: unknown[] = [];
        for await (const r of rows) out.push([r.row, r.cells]);
        return out;
      };
      const inThread = await collect(readRows(file, { maxRows: 10_000 }));
      expect(inThread).toHaveLength(3_001);
      expect(await collect(readRowsThreaded(file, { maxRows: 10_000 }))).toEqual(inThread);
      await expect(collect(readRowsThreaded(file, { maxRows: 100 }))).rejects.toMatchObject({
        kode: 'terlaluBanyakBaris',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('an import killed mid-commit (kill -9)', () => {
  let t: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'balai-crash-'));
  beforeAll(async () => {
    t = await createTestDatabase();
    await activate(t.db, DESA);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the desa as it was, marks the job interrupted, and frees the desa for the next import', async () => {
    const file = join(dir, 'besar.xlsx');
    await generate(20_000, file);
    const env = { ...process.env, DATABASE_URL: t.url, BALAI_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' };
    const run = await importAndKill(env, file);
    expect(run.killed, run.stderr).toBe(true);

    const count = async (table: 'penduduk' | 'keluarga' | 'lingkungan' | 'peristiwa') =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('desa_kode', '=', DESA)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('penduduk')).toBe(0);
    expect(await count('keluarga')).toBe(0);
    expect(await count('lingkungan')).toBe(0);
    expect(await count('peristiwa')).toBe(0);
    const job = await t.db.selectFrom('impor_tugas').selectAll().executeTakeFirstOrThrow();
    expect(job.status).toBe('menerapkan');

    expect(await clearStale(t.db, DESA)).toBe(1);
    const after = await t.db.selectFrom('impor_tugas').selectAll().executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'gagal', pesan: 'imporTerputus' });
    // the desa is free again: a new import starts and applies
    const small = join(dir, 'kecil.xlsx');
    await writeOpenSid(small, family('3317091201100777', 700));
    const ctx = importContext(t.db, env.BALAI_DATA_DIR);
    const id = await startImport(ctx, systemActor('test'), {
      desaKode: DESA,
      path: small,
      nama: 'kecil.xlsx',
      ukuran: 1,
    });
    await settled(id);
    await commitImport(ctx, systemActor('test'), id);
    await settled(id);
    expect((await getJob(ctx, id)).status).toBe('selesai');
    expect(await count('penduduk')).toBe(3);
  }, 120_000);
});
