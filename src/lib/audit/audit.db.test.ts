import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as desaRepo from '#src/features/desa/desa.repository.js';
import type { DesaProfileInput } from '#src/features/desa/desa.schema.js';
import { activateDesa, updateDesaProfile } from '#src/features/desa/desa.service.js';
import { DESA_A, KEC } from '../../../tests/support/builders.js';
import { createTestDatabase } from '../../../tests/support/test-db.js';
import { audit, systemActor } from './audit.js';

const actor = systemActor('test');
const profile: DesaProfileInput = {
  sebutan: 'desa',
  sebutan_dusun: 'dusun',
  alamat: 'Jl. Raya Kaliori 1',
  kode_pos: null,
  telepon: null,
  email: null,
  situs: null,
  kepala_desa: 'Sutrisno',
  nip_kepala_desa: null,
  hosts: [],
};

describe('audit trail', () => {
  afterEach(() => vi.restoreAllMocks());

  it('records who, role, scope, action, entity, desa and the before/after diff with the change', async () => {
    const { db, close } = await createTestDatabase();
    try {
      await activateDesa(db, actor, DESA_A);
      await updateDesaProfile(
        db,
        { ...actor, peran: 'admin-desa', lingkup: DESA_A, requestId: 'req-1', ip: '10.0.0.9' },
        DESA_A,
        { ...profile },
      );
      const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
      expect(rows.map((r) => r.aksi)).toEqual(['aktifkan', 'ubah']);
      const change = rows[1];
      expect(change).toMatchObject({
        username: 'test',
        peran: 'admin-desa',
        lingkup: DESA_A,
        entitas: 'desa',
        entitas_id: DESA_A,
        desa_kode: DESA_A,
        request_id: 'req-1',
        ip: '10.0.0.9',
      });
      const diff = typeof change?.perubahan === 'string' ? JSON.parse(change.perubahan) : change?.perubahan;
      expect(diff).toEqual({ alamat: [null, 'Jl. Raya Kaliori 1'], kepala_desa: [null, 'Sutrisno'] });
    } finally {
      await close();
    }
  });

  it('a change that fails half-way leaves no change and no audit row', async () => {
    const { db, close } = await createTestDatabase();
    try {
      const real = desaRepo.insertDesaIfAbsent;
      let calls = 0;
      vi.spyOn(desaRepo, 'insertDesaIfAbsent').mockImplementation(async (trx, row) => {
        calls += 1;
        if (calls === 3) throw new Error('disk penuh');
        return real(trx, row);
      });
      await expect(activateDesa(db, actor, KEC)).rejects.toThrow('disk penuh');
      expect(await db.selectFrom('desa').selectAll().execute()).toEqual([]);
      expect(await db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('an audit write that fails rolls the change back', async () => {
    const { db, close } = await createTestDatabase();
    try {
      await activateDesa(db, actor, DESA_A);
      vi.spyOn(audit, 'record').mockRejectedValue(new Error('audit tidak bisa ditulis'));
      await expect(updateDesaProfile(db, actor, DESA_A, { ...profile })).rejects.toThrow('audit tidak bisa ditulis');
      const desa = await db.selectFrom('desa').selectAll().where('kode', '=', DESA_A).executeTakeFirstOrThrow();
      expect(desa.alamat).toBeNull();
      expect(desa.kepala_desa).toBeNull();
    } finally {
      await close();
    }
  });

  it('the database refuses to update or delete audit rows', async () => {
    const { db, close } = await createTestDatabase();
    try {
      await activateDesa(db, actor, DESA_A);
      await expect(db.updateTable('audit_log').set({ aksi: 'hapus-jejak' }).execute()).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      const count = await db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    } finally {
      await close();
    }
  });
});
