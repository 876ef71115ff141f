import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { activate, DESA_A, DESA_B, insertFamily, KEC } from '../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { lupakanCache, type StatistikContext, statistikWilayah, tabelWilayah } from './statistik.service.js';

const actor = systemActor('uji');
const death = {
  tgl_peristiwa: '2026-11-10',
  tgl_lapor: '2026-11-12',
  catatan: null,
  sebab: null,
  meninggal_di: null,
  jam_mati: null,
  penolong_mati: null,
  akta_mati: 'AKTA-1',
  kepala_baru_id: null,
};

describe('statistics from the register', () => {
  let t: TestDatabase;
  let ctx: StatistikContext;
  let grandma: number;

  beforeAll(async () => {
    t = await createTestDatabase();
    ctx = { db: t.db, dialect: t.dialect };
    lupakanCache();
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    const fam = await insertFamily(t.db, DESA_A, { nama: 'Kepala Satu', tanggallahir: '1980-05-05', sex: 1 }, [
      { nama: 'Istri Satu', tanggallahir: '1982-06-06', sex: 2, kkLevel: 3 },
      { nama: 'Bayi Satu', tanggallahir: '2025-12-01', sex: 2, kkLevel: 4 },
      { nama: 'Nenek Satu', tanggallahir: '1940-01-01', sex: 2, kkLevel: 6 },
    ]);
    grandma = fam.memberIds[2] as number;
    await insertFamily(t.db, DESA_B, { nama: 'Kepala Dua', tanggallahir: '1990-01-01', sex: 1 }, [
      { nama: 'Anak Dua', tanggallahir: '2024-11-27', sex: 1, kkLevel: 4 },
    ]);
  });
  afterAll(async () => t.close());

  it('counts sex and age buckets by hand-checked numbers, with the summary rows', async () => {
    const jk = await tabelWilayah(ctx, DESA_A, 'jenis-kelamin');
    expect(jk.baris.map((b) => [b.kode, b.jumlah])).toEqual([
      ['1', 1],
      ['2', 3],
    ]);
    expect(jk.total).toMatchObject({ laki: 1, perempuan: 3, jumlah: 4 });
    expect(jk.belumMengisi.jumlah).toBe(0);
    const umur = await tabelWilayah(ctx, DESA_A, 'rentang-umur', '2026-11-28');
    const by = Object.fromEntries(umur.baris.map((b) => [b.kode, b.jumlah]));
    expect(by['0-1']).toBe(1);
    expect(by['40-44']).toBe(1);
    expect(by['45-49']).toBe(1);
    expect(by['75+']).toBe(1);
  });

  it('adds up across levels: the kecamatan is the sum of its desa', async () => {
    const kec = await statistikWilayah(ctx, KEC);
    const a = await tabelWilayah(ctx, DESA_A, 'jenis-kelamin');
    const b = await tabelWilayah(ctx, DESA_B, 'jenis-kelamin');
    const k = await tabelWilayah(ctx, KEC, 'jenis-kelamin');
    expect(k.total.jumlah).toBe(a.total.jumlah + b.total.jumlah);
    expect(kec.desa).toHaveLength(2);
  });

  it('sees a death on its event date: before it the person counts, after it not; the cache follows the register', async () => {
    expect((await tabelWilayah(ctx, DESA_A, 'jenis-kelamin')).total.jumlah).toBe(4);
    await recordLeavingEvent(t.db, actor, grandma, 2, death);
    expect((await tabelWilayah(ctx, DESA_A, 'jenis-kelamin')).total.jumlah).toBe(3);
    expect((await tabelWilayah(ctx, DESA_A, 'jenis-kelamin', '2026-11-09')).total.jumlah).toBe(4);
    expect((await tabelWilayah(ctx, DESA_A, 'jenis-kelamin', '2026-11-10')).total.jumlah).toBe(3);
    const akta = await tabelWilayah(ctx, DESA_A, 'akta-kematian');
    expect(akta.baris.find((b) => b.kode === '1')?.jumlah).toBe(1);
    expect((await tabelWilayah(ctx, DESA_A, 'akta-kematian', '2026-11-09')).total.jumlah).toBe(0);
  });

  it('refuses an unknown category, a malformed or future date', async () => {
    await expect(tabelWilayah(ctx, DESA_A, 'bukan-kategori')).rejects.toMatchObject({ status: 404 });
    await expect(tabelWilayah(ctx, DESA_A, 'agama', '2026-13-40')).rejects.toMatchObject({ status: 400 });
    await expect(tabelWilayah(ctx, DESA_A, 'agama', '2999-01-01')).rejects.toMatchObject({ status: 400 });
  });
});
