import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_NOMOR_BAWAAN } from '#src/domain/nomor-surat.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { isHttpError } from '#src/lib/errors.js';
import { activate, DESA_A, DESA_B, KAB } from '../../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-db.js';
import { lingkupBerurutan, readSetelan, writeSetelan } from './setelan.repository.js';
import { readSetelanNomor, saveSetelanNomor } from './setelan.service.js';

const actor = systemActor('admin.kab');
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await activate(t.db, DESA_A);
  await activate(t.db, DESA_B);
});
afterAll(() => t.close());

describe('letter settings', () => {
  it('resolves desa → kabupaten → installation, and null removes a value', async () => {
    const { db } = t;
    expect(lingkupBerurutan(DESA_A)).toEqual([DESA_A, KAB, '']);
    expect(lingkupBerurutan(KAB)).toEqual([KAB, '']);
    expect(lingkupBerurutan('')).toEqual(['']);
    expect(() => lingkupBerurutan('33.17.09')).toThrow(RangeError);

    expect(await readSetelan(db, DESA_A, 'contoh')).toBeNull();
    await writeSetelan(db, '', 'contoh', 'instalasi', 'admin');
    expect(await readSetelan(db, DESA_A, 'contoh')).toBe('instalasi');
    await writeSetelan(db, KAB, 'contoh', 'kabupaten', 'admin');
    expect(await readSetelan(db, DESA_A, 'contoh')).toBe('kabupaten');
    expect(await readSetelan(db, '', 'contoh')).toBe('instalasi');
    await writeSetelan(db, DESA_A, 'contoh', 'desa', 'admin');
    await writeSetelan(db, DESA_A, 'contoh', 'desa lagi', 'operator');
    expect(await readSetelan(db, DESA_A, 'contoh')).toBe('desa lagi');
    expect(await readSetelan(db, DESA_B, 'contoh')).toBe('kabupaten');
    // another kabupaten's value is not seen
    await writeSetelan(db, '33.18', 'contoh', 'pati', 'admin');
    expect(await readSetelan(db, '33.18.01.2001', 'contoh')).toBe('pati');
    expect(await readSetelan(db, DESA_B, 'contoh')).toBe('kabupaten');
    await writeSetelan(db, KAB, 'contoh', null, 'admin');
    expect(await readSetelan(db, DESA_B, 'contoh')).toBe('instalasi');
    const row = await db
      .selectFrom('surat_setelan')
      .selectAll()
      .where('lingkup', '=', DESA_A)
      .executeTakeFirstOrThrow();
    expect(row.diperbarui_oleh).toBe('operator');
  });

  it('numbering settings: defaults, checked together, audited', async () => {
    const { db } = t;
    expect(await readSetelanNomor(db, DESA_B)).toEqual({ format: FORMAT_NOMOR_BAWAAN, penomoran: 'per_jenis' });
    const refusal = async (lingkup: string, input: Parameters<typeof saveSetelanNomor>[3]) => {
      const error = await saveSetelanNomor(db, actor, lingkup, input).catch((e: unknown) => e);
      if (!isHttpError(error)) throw new Error('expected a refusal');
      return error.fields;
    };
    // per-type sequences with a format that does not print the type: two letters would share a number
    expect(await refusal(KAB, { format_nomor: '470/[nomor_surat, 3]/[tahun]' })).toEqual({
      format_nomor:
        'Dengan penomoran per jenis surat, format harus memuat [kode_surat] agar nomor dua jenis surat tidak kembar.',
    });
    expect(await refusal(KAB, { penomoran: 'acak' as 'tunggal' })).toHaveProperty('penomoran');
    expect(await db.selectFrom('audit_log').selectAll().where('aksi', '=', 'ubah_setelan_nomor').execute()).toEqual([]);

    expect(
      await saveSetelanNomor(db, actor, KAB, { format_nomor: '470/[nomor_surat, 3]/[tahun]', penomoran: 'tunggal' }),
    ).toEqual({ format: '470/[nomor_surat, 3]/[tahun]', penomoran: 'tunggal' });
    expect(await readSetelanNomor(db, DESA_B)).toEqual({
      format: '470/[nomor_surat, 3]/[tahun]',
      penomoran: 'tunggal',
    });
    // a desa going back to per-type numbering under that format is refused; with its own format it is fine
    expect(await refusal(DESA_B, { penomoran: 'per_jenis' })).toHaveProperty('format_nomor');
    await saveSetelanNomor(db, actor, DESA_B, { penomoran: 'per_jenis', format_nomor: FORMAT_NOMOR_BAWAAN });
    expect(await readSetelanNomor(db, DESA_B)).toEqual({ format: FORMAT_NOMOR_BAWAAN, penomoran: 'per_jenis' });
    // clearing the desa's values inherits the kabupaten's again
    await saveSetelanNomor(db, actor, DESA_B, { penomoran: null, format_nomor: null });
    expect(await readSetelanNomor(db, DESA_B)).toEqual({
      format: '470/[nomor_surat, 3]/[tahun]',
      penomoran: 'tunggal',
    });

    const log = await db
      .selectFrom('audit_log')
      .select(['entitas', 'entitas_id', 'desa_kode', 'perubahan'])
      .where('aksi', '=', 'ubah_setelan_nomor')
      .orderBy('id')
      .execute();
    expect(log.map((r) => [r.entitas_id, r.desa_kode])).toEqual([
      [KAB, null],
      [DESA_B, DESA_B],
      [DESA_B, DESA_B],
    ]);
    const first = typeof log[0]?.perubahan === 'string' ? JSON.parse(log[0].perubahan) : log[0]?.perubahan;
    expect(first).toEqual({ format_nomor: [null, '470/[nomor_surat, 3]/[tahun]'], penomoran: [null, 'tunggal'] });
  });
});
