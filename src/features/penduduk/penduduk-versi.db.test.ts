import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/lib/audit/audit.js';
import type { HttpError } from '#src/lib/errors.js';
import { activate, DESA_A, insertFamily, makeNik } from '../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { getPenduduk, updatePerson } from './penduduk.service.js';

describe('saving a resident record', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await activate(t.db, DESA_A);
  });

  it('refuses a save from a stale version, naming who saved in between, and keeps their change', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Sugeng', tanggallahir: '1977-07-07', sex: 1 });
    const opened = await getPenduduk(t.db, f.kepalaId);
    const {
      id: _id,
      versi,
      desa_kode: _d,
      ...person
    } = opened as unknown as Record<string, unknown> & { versi: number };
    const base = person as never;
    await updatePerson(
      t.db,
      systemActor('siti'),
      f.kepalaId,
      versi,
      { ...(base as object), nama: 'Sugeng Riyadi' } as never,
      opened.lingkungan_id,
    );
    let error: HttpError | undefined;
    try {
      await updatePerson(
        t.db,
        systemActor('budi'),
        f.kepalaId,
        versi,
        { ...(base as object), pekerjaan_id: 3 } as never,
        opened.lingkungan_id,
      );
    } catch (e) {
      error = e as HttpError;
    }
    expect(error?.status).toBe(409);
    expect(error?.key).toBe('diubahOrangLain');
    expect(error?.params.oleh).toBe('siti');
    const now = await getPenduduk(t.db, f.kepalaId);
    expect(now.nama).toBe('Sugeng Riyadi');
    expect(now.pekerjaan_id).toBeNull();
    expect(now.versi).toBe(versi + 1);
  });

  it('clears fields that do not apply and records the change (numbers masked) in the audit trail', async () => {
    const nik = makeNik('1985-05-15', 1);
    const f = await insertFamily(t.db, DESA_A, { nama: 'Hartono', tanggallahir: '1985-05-15', sex: 1, nik });
    const opened = await getPenduduk(t.db, f.kepalaId);
    const {
      id: _id,
      versi,
      desa_kode: _d,
      ...person
    } = opened as unknown as Record<string, unknown> & { versi: number };
    await updatePerson(
      t.db,
      systemActor('siti'),
      f.kepalaId,
      versi,
      {
        ...(person as object),
        hamil: 1,
        status_kawin: 1,
        cara_kb_id: 4,
        akta_perkawinan: 'X-1',
        ayah_nik: makeNik('1950-01-01', 1),
      } as never,
      opened.lingkungan_id,
    );
    const now = await getPenduduk(t.db, f.kepalaId);
    expect(now).toMatchObject({ hamil: null, cara_kb_id: null, akta_perkawinan: null });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('perubahan')
      .where('entitas', '=', 'penduduk')
      .where('aksi', '=', 'ubah')
      .where('entitas_id', '=', String(f.kepalaId))
      .executeTakeFirstOrThrow();
    const text = JSON.stringify(audit.perubahan);
    expect(text).toContain('ayah_nik');
    expect(text).not.toMatch(/\d{16}/);
  });
});
