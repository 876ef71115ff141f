import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_NOMOR_BAWAAN } from '#src/domain/nomor-surat.js';
import { systemActor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { activate, DESA_A, DESA_B } from '../../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase, testDialect } from '../../../../tests/support/test-db.js';
import { allocateNomor, type KunciUrut } from './nomor.repository.js';
import { assignNomor, listCadangan, reserveNomor } from './nomor.service.js';
import { writeSetelan } from './setelan.repository.js';

const actor = systemActor('operator');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let t: TestDatabase;
let db: Db;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await activate(db, DESA_A);
  await activate(db, DESA_B);
});
afterAll(() => t.close());

const key = (lingkup: string, tahun = 2026, desaKode = DESA_A): KunciUrut => ({ desaKode, lingkup, tahun });
const allocate = (k: KunciUrut) => db.transaction().execute((trx) => allocateNomor(trx, k));
const terakhir = async (k: KunciUrut) =>
  (
    await db
      .selectFrom('surat_nomor_urut')
      .select('terakhir')
      .where('desa_kode', '=', k.desaKode)
      .where('lingkup', '=', k.lingkup)
      .where('tahun', '=', k.tahun)
      .executeTakeFirst()
  )?.terakhir;

const cadangan = {
  desaKode: DESA_A,
  tahun: 2026,
  jumlah: 3,
  keterangan: 'surat undangan rapat diketik manual',
  format: FORMAT_NOMOR_BAWAAN,
  kodeSurat: 'S-41',
  kodeDesa: '2001',
  tanggal: '2026-11-30',
};

describe('allocating letter numbers', () => {
  it('gives 20 concurrent transactions the numbers 1…20, each once', async () => {
    const k = key('S-01');
    const got = await Promise.all(Array.from({ length: 20 }, () => allocate(k)));
    expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await terakhir(k)).toBe(20);
  });

  it('refuses to run outside a transaction (the number must land with the letter)', async () => {
    await expect(allocateNomor(db, key('S-01'))).rejects.toThrow(/di dalam transaksi/);
    await expect(allocate(key(''))).rejects.toThrow(RangeError);
    await expect(allocate(key('S-01', 26))).rejects.toThrow(RangeError);
  });

  it('a rolled-back approval gives its number back, also to a transaction that was waiting for it', async () => {
    const k = key('S-02');
    expect(await allocate(k)).toBe(1);
    await expect(
      db.transaction().execute(async (trx) => {
        expect(await allocateNomor(trx, k)).toBe(2);
        throw new Error('tanda tangan gagal');
      }),
    ).rejects.toThrow('tanda tangan gagal');
    expect(await terakhir(k)).toBe(1);

    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let heldNumber = 0;
    const first = db
      .transaction()
      .execute(async (trx) => {
        heldNumber = await allocateNomor(trx, k);
        await gate;
        throw new Error('dibatalkan');
      })
      .catch((e: Error) => e.message);
    while (heldNumber === 0) await sleep(5);
    let secondDone = false;
    const second = allocate(k).then((n) => {
      secondDone = true;
      return n;
    });
    await sleep(150);
    expect(secondDone).toBe(false); // queued behind the first
    release();
    expect(await first).toBe('dibatalkan');
    expect(heldNumber).toBe(2);
    expect(await second).toBe(2);
    expect(await allocate(k)).toBe(3);
  });

  it.runIf(testDialect() === 'postgres')('a held counter does not hold up the other sequences', async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let held = false;
    const holder = db.transaction().execute(async (trx) => {
      await allocateNomor(trx, key('S-03'));
      held = true;
      await gate;
    });
    while (!held) await sleep(5);
    expect(await allocate(key('S-04'))).toBe(1);
    expect(await allocate(key('S-03', 2027))).toBe(1);
    expect(await allocate(key('S-03', 2026, DESA_B))).toBe(1);
    release();
    await holder;
  });

  it('starts every year at 1 and keeps each desa and year apart', async () => {
    const k = key('S-05');
    for (const n of [1, 2, 3]) expect(await allocate(k)).toBe(n);
    expect(await allocate(key('S-05', 2027))).toBe(1);
    expect(await allocate(key('S-05', 2026, DESA_B))).toBe(1);
    expect(await allocate(k)).toBe(4);
    expect(await allocate(key('S-05', 2027))).toBe(2);
  });
});

describe('reserved numbers', () => {
  it('takes the next numbers from the same counter, records them formatted, and audits', async () => {
    const k = key('S-41');
    expect(await allocate(k)).toBe(1);
    const rows = await reserveNomor(db, actor, { ...cadangan, lingkup: 'S-41' });
    expect(rows).toEqual([
      { urut: 2, nomor: 'S-41/002/2001/XI/2026' },
      { urut: 3, nomor: 'S-41/003/2001/XI/2026' },
      { urut: 4, nomor: 'S-41/004/2001/XI/2026' },
    ]);
    expect(await allocate(k)).toBe(5);
    const list = await listCadangan(db, DESA_A, 2026);
    expect(list.filter((r) => r.lingkup === 'S-41').map((r) => [r.urut, r.nomor, r.keterangan, r.dibuat_oleh])).toEqual(
      [
        [2, 'S-41/002/2001/XI/2026', cadangan.keterangan, 'operator'],
        [3, 'S-41/003/2001/XI/2026', cadangan.keterangan, 'operator'],
        [4, 'S-41/004/2001/XI/2026', cadangan.keterangan, 'operator'],
      ],
    );
    expect(await listCadangan(db, DESA_A, 2027)).toEqual([]);
    const log = await db.selectFrom('audit_log').selectAll().where('aksi', '=', 'cadangkan_nomor').execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ entitas: 'surat', desa_kode: DESA_A, alasan: cadangan.keterangan });
  });

  it('numbers reserved ahead of the counter (used outside Balai) are skipped by later allocations', async () => {
    const k = key('S-42');
    expect(await allocate(k)).toBe(1);
    const rows = await reserveNomor(db, actor, {
      ...cadangan,
      lingkup: 'S-42',
      kodeSurat: 'S-42',
      mulai: 3,
      jumlah: 2,
    });
    expect(rows.map((r) => r.nomor)).toEqual(['S-42/003/2001/XI/2026', 'S-42/004/2001/XI/2026']);
    expect(await terakhir(k)).toBe(1);
    expect(await allocate(k)).toBe(2);
    expect(await allocate(k)).toBe(5);
    // a later "next numbers" reservation skips them too
    expect(await reserveNomor(db, actor, { ...cadangan, lingkup: 'S-42', jumlah: 1, mulai: 7 })).toHaveLength(1);
    expect((await reserveNomor(db, actor, { ...cadangan, lingkup: 'S-42', jumlah: 2 })).map((r) => r.urut)).toEqual([
      6, 8,
    ]);
  });

  it('refuses numbers already handed out or reserved, and bad input, leaving the counter as it was', async () => {
    const k = key('S-43');
    await allocate(k);
    await allocate(k);
    const fields = async (input: Partial<typeof cadangan> & { mulai?: number }) => {
      try {
        await reserveNomor(db, actor, { ...cadangan, lingkup: 'S-43', ...input });
      } catch (error) {
        return (error as { fields: Record<string, string> }).fields;
      }
      throw new Error('expected a refusal');
    };
    expect(await fields({ mulai: 2 })).toEqual({
      mulai: 'Nomor sampai 2 sudah dipakai atau dicadangkan; mulai dari 3.',
    });
    await reserveNomor(db, actor, { ...cadangan, lingkup: 'S-43', mulai: 10, jumlah: 1 });
    expect(await fields({ mulai: 9, jumlah: 2 })).toEqual({ mulai: 'Nomor 10 sudah dicadangkan.' });
    expect(Object.keys(await fields({ jumlah: 0 }))).toEqual(['jumlah']);
    expect(Object.keys(await fields({ jumlah: 51 }))).toEqual(['jumlah']);
    expect(Object.keys(await fields({ keterangan: '   ' }))).toEqual(['keterangan']);
    expect(Object.keys(await fields({ tanggal: '2027-01-02' }))).toEqual(['tanggal']);
    expect(await fields({ format: '[kode_surat]/[tahun]' })).toEqual({
      format: 'Format harus memuat [nomor_surat] atau [nomor_surat, N] (N = jumlah digit).',
    });
    expect(await terakhir(k)).toBe(2);
    expect(await allocate(k)).toBe(3);
  });
});

describe('numbering a letter by the desa settings', () => {
  const letter = (kodeSurat: string, desaKode = DESA_A) =>
    db
      .transaction()
      .execute((trx) => assignNomor(trx, { desaKode, kodeSurat, kodeDesa: '2001', tanggal: '2025-03-04' }));

  it('per type by default, one sequence for all when set, the kabupaten format unless the desa has its own', async () => {
    expect(await letter('S-10')).toEqual({ lingkup: 'S-10', tahun: 2025, urut: 1, nomor: 'S-10/001/2001/III/2025' });
    expect((await letter('S-11')).nomor).toBe('S-11/001/2001/III/2025');
    expect((await letter('S-10')).nomor).toBe('S-10/002/2001/III/2025');

    await writeSetelan(db, DESA_A, 'penomoran', 'tunggal', 'admin');
    expect(await letter('S-10')).toMatchObject({ lingkup: '*', urut: 1, nomor: 'S-10/001/2001/III/2025' });
    expect(await letter('S-11')).toMatchObject({ lingkup: '*', urut: 2, nomor: 'S-11/002/2001/III/2025' });
    // desa B (same kabupaten) keeps per-type numbering
    expect(await letter('S-10', DESA_B)).toMatchObject({ lingkup: 'S-10', urut: 1 });

    await writeSetelan(db, '33.17', 'format_nomor', '470/[nomor_surat, 4]/[kode_desa]/[tahun]', 'admin');
    expect((await letter('S-12')).nomor).toBe('470/0003/2001/2025');
    expect((await letter('S-12', DESA_B)).nomor).toBe('470/0001/2001/2025');
    await writeSetelan(db, DESA_A, 'format_nomor', '[nomor_surat]/[kode_surat]/[bulan]/[tahun]', 'admin');
    expect((await letter('S-12')).nomor).toBe('4/S-12/03/2025');
    // a type's own format wins over the settings
    const own = await db.transaction().execute((trx) =>
      assignNomor(trx, {
        desaKode: DESA_A,
        kodeSurat: 'S-13',
        kodeDesa: 'X',
        tanggal: '2025-12-31',
        format: '[nomor_surat, 2]-[tahun]',
      }),
    );
    expect(own).toEqual({ lingkup: '*', tahun: 2025, urut: 5, nomor: '05-2025' });
  });
});
