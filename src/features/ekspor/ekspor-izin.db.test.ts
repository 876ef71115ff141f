import { beforeAll, describe, expect, it, vi } from 'vitest';
import { get, login, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, insertFamily, insertUser, PASSWORD } from '../../../tests/support/builders.js';

/**
 * Every role that exports today also reads NIKs; the OpenSID export still demands both, so that a role given
 * export:penduduk without read:nik later cannot download full numbers. Here kepala-desa loses read:nik.
 */
vi.mock('#src/lib/auth/roles.js', async (importOriginal) => {
  const roles = await importOriginal<typeof import('#src/lib/auth/roles.js')>();
  const permissions = {
    ...roles.ROLE_PERMISSIONS,
    'kepala-desa': roles.ROLE_PERMISSIONS['kepala-desa'].filter((p) => p !== 'read:nik'),
  };
  return {
    ...roles,
    ROLE_PERMISSIONS: permissions,
    roleHas: (role: keyof typeof permissions, permission: string) =>
      (permissions[role] as readonly string[]).includes(permission),
  };
});

describe('OpenSID export without read:nik', () => {
  const t = useTestApp();
  let kades: Session;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await insertFamily(t.db, DESA_A, { nama: 'Kepala Izin', tanggallahir: '1970-01-01', sex: 1 });
    await insertUser(t.db, 'kades', 'kepala-desa', DESA_A);
    kades = await login(t.app, 'kades', PASSWORD);
  });

  it('is refused with an Indonesian explanation, and nothing is audited', async () => {
    const res = await get(t.app, `/desa/${DESA_A}/penduduk/ekspor-opensid`, kades);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('hanya untuk pengguna yang boleh melihat NIK');
    expect(res.headers['content-disposition']).toBeUndefined();
    const region = await get(t.app, `/wilayah/${DESA_A}/penduduk/ekspor-opensid`, kades);
    expect(region.statusCode).toBe(403);
    const audited = await t.db.selectFrom('audit_log').select('id').where('aksi', '=', 'ekspor').execute();
    expect(audited).toEqual([]);
  });

  it('offers only the masked export on the list page', async () => {
    const res = await get(t.app, `/desa/${DESA_A}/penduduk`, kades);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`/desa/${DESA_A}/penduduk/ekspor.xlsx`);
    expect(res.body).not.toContain('ekspor-opensid');
  });
});
