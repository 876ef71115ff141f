import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, DESA_A } from '../../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-db.js';

/**
 * Two Balai processes on one database, 20 approvals at once in each: the issuing processes run the compiled
 * code in dist/ (`npm run build` first; `npm test` does), spawned by the numbering benchmark's round runner.
 */
interface Round {
  urut: number[];
  galat: string[];
  duplicates: number[];
  gaps: number[];
  results: { proses: number; urut: number[] }[];
}
type Bench = {
  runRound(o: {
    url: string;
    desaKode: string;
    lingkup: string;
    tahun: number;
    per?: number;
    jeda?: number;
  }): Promise<Round>;
  createScratch(db: unknown, tag: typeof sql): Promise<void>;
  checkNumbers(n: number[]): { duplicates: number[]; gaps: number[] };
  SCRATCH: string;
};
const bench = (await import(new URL('../../../../scripts/bench/surat-nomor.mjs', import.meta.url).href)) as Bench;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await activate(t.db, DESA_A);
  await bench.createScratch(t.db, sql);
});
afterAll(() => t.close());

const stored = async (lingkup: string) =>
  (
    await sql<{ urut: number }>`select urut from ${sql.table(bench.SCRATCH)} where lingkup = ${lingkup}`.execute(t.db)
  ).rows
    .map((r) => Number(r.urut))
    .sort((a, b) => a - b);

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('numbering with two processes × 20 concurrent issuers', () => {
  it('hands out 1…40 exactly once, stored with the letters', async () => {
    const round = await bench.runRound({ url: t.url, desaKode: DESA_A, lingkup: 'S-41', tahun: 2026, jeda: 5 });
    expect(round.galat).toEqual([]);
    // both processes really issued
    expect(round.results.map((r) => r.urut.length)).toEqual([20, 20]);
    expect([...round.urut].sort((a, b) => a - b)).toEqual(oneToN(40));
    expect(await stored('S-41')).toEqual(oneToN(40));
    const counter = await t.db
      .selectFrom('surat_nomor_urut')
      .select('terakhir')
      .where('lingkup', '=', 'S-41')
      .executeTakeFirstOrThrow();
    expect(counter.terakhir).toBe(40);
  }, 60_000);

  it('continues without gaps on a counter already in use, several numbers per issuer', async () => {
    const round = await bench.runRound({ url: t.url, desaKode: DESA_A, lingkup: 'S-41', tahun: 2026, per: 3 });
    expect(round.galat).toEqual([]);
    expect([...round.urut].sort((a, b) => a - b)).toEqual(oneToN(160).slice(40));
    expect(await stored('S-41')).toEqual(oneToN(160));
  }, 60_000);

  it('the checker itself finds duplicates and gaps', () => {
    expect(bench.checkNumbers([1, 2, 2, 4])).toEqual({ duplicates: [2], gaps: [3] });
    expect(bench.checkNumbers([3, 1, 2])).toEqual({ duplicates: [], gaps: [] });
  });
});
