import { beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '#src/features/auth/token.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { ROLES, type Role } from '#src/lib/auth/roles.js';
import { buildRoutes } from '#src/routes.js';
import { get, login, ORIGIN, postForm, type Session, useTestApp } from '../support/app.js';
import { activate, DESA_A, DESA_B, insertTree, insertUser, KEC, PASSWORD } from '../support/builders.js';

/** Desa B (Maguan) resources asked for by every role of desa A (Meteseh), with a session and with a token. */
describe('cross-desa isolation', () => {
  const t = useTestApp();
  const desaRoles = ROLES.filter((r) => r !== 'admin-kabupaten' && r !== 'staf-kecamatan');
  let bDusun = 0;
  let bUser = 0;
  const sessions = {} as Record<Role, Session>;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    const aTree = await insertTree(t.db, DESA_A);
    bDusun = (await insertTree(t.db, DESA_B, 'Ngemplak')).dusunId;
    bUser = await insertUser(t.db, 'operator.maguan', 'operator-desa', DESA_B);
    for (const role of desaRoles) {
      const username = `a.${role}`;
      await insertUser(t.db, username, role, DESA_A, {
        lingkungan: role === 'operator-wilayah' ? aTree.dusunId : null,
      });
      sessions[role] = await login(t.app, username, PASSWORD);
      tokens[role] = await createApiToken(t.db, systemActor('test'), username, 1);
    }
    // other kecamatan / kabupaten staff
    await insertUser(t.db, 'kec.lain', 'staf-kecamatan', '33.17.10');
    await insertUser(t.db, 'kab.lain', 'admin-kabupaten', '33.18');
  });

  const routes = buildRoutes({ env: { BALAI_UPLOAD_LIMIT: 1 } } as never).filter((r) => r.target);
  const urlInB = (url: string) =>
    url.replace(':kode', DESA_B).replace(':id', url.startsWith('/lingkungan') ? String(bDusun) : String(bUser));

  it('refuses every desa-B page and action to every desa-A role (by URL, with a session)', async () => {
    const leaks: string[] = [];
    for (const role of desaRoles) {
      for (const r of routes) {
        const res =
          r.method === 'GET'
            ? await get(t.app, urlInB(r.url), sessions[role])
            : await postForm(t.app, urlInB(r.url), sessions[role], {});
        if (res.statusCode !== 403 && res.statusCode !== 404)
          leaks.push(`${role} ${r.method} ${urlInB(r.url)} → ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('refuses every desa-B resource to every desa-A role (by API, with a Bearer token)', async () => {
    const leaks: string[] = [];
    for (const role of desaRoles) {
      for (const r of routes) {
        const res = await t.app.inject({
          method: r.method,
          url: urlInB(r.url),
          headers: { authorization: `Bearer ${tokens[role]}` },
          ...(r.method === 'POST' ? { payload: {} } : {}),
        });
        if (res.statusCode !== 403 && res.statusCode !== 404)
          leaks.push(`${role} ${r.method} ${urlInB(r.url)} → ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('gives the API answer as JSON with a clear message', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/desa/${DESA_B}`,
      headers: { authorization: `Bearer ${tokens['operator-desa']}` },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('notFound');
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/v1/desa/${DESA_A}`,
      headers: { authorization: `Bearer ${tokens['operator-desa']}` },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ kode: DESA_A, nama: 'Meteseh', kecamatan: { kode: KEC, nama: 'Kaliori' } });
  });

  it('keeps staff of another kecamatan or kabupaten out', async () => {
    for (const username of ['kec.lain', 'kab.lain']) {
      const s = await login(t.app, username, PASSWORD);
      for (const url of [
        `/desa/${DESA_A}`,
        `/desa/${DESA_A}/lingkungan`,
        `/wilayah/${KEC}`,
        `/api/v1/desa/${DESA_A}`,
      ]) {
        const res = await get(t.app, url, s);
        expect([403, 404], `${username} ${url}`).toContain(res.statusCode);
      }
      const act = await postForm(t.app, `/wilayah/${DESA_A}/aktifkan`, s, {});
      expect([403, 404]).toContain(act.statusCode);
    }
  });

  it('lists only own-desa accounts and audit rows', async () => {
    const admin = sessions['admin-desa'];
    const users = await get(t.app, '/pengguna', admin);
    expect(users.statusCode).toBe(200);
    expect(users.body).toContain('a.operator-desa');
    expect(users.body).not.toContain('operator.maguan');
    const audit = await get(t.app, '/audit', admin);
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain(DESA_A);
    expect(audit.body).not.toContain(DESA_B);
    const filtered = await get(t.app, `/audit?desa=${DESA_B}`, admin);
    expect(filtered.body).not.toContain('operator.maguan');
  });

  it('does not let a desa admin hand out roles in another desa', async () => {
    const admin = sessions['admin-desa'];
    const res = await postForm(t.app, '/pengguna', admin, {
      username: 'penyusup',
      nama: 'Penyusup',
      peran: 'operator-desa',
      lingkup_kode: DESA_B,
      sandi: PASSWORD,
      sandi_ulang: PASSWORD,
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('di luar wewenang');
    expect(
      await t.db.selectFrom('pengguna').select('id').where('username', '=', 'penyusup').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('origin of the form matters: a cross-site POST is refused even with a valid session and token', async () => {
    const s = sessions['admin-desa'];
    const res = await t.app.inject({
      method: 'POST',
      url: `/desa/${DESA_A}`,
      headers: { origin: 'https://evil.example', host: 'localhost', cookie: s.cookie },
      payload: { _csrf: s.csrf, sebutan: 'desa', sebutan_dusun: 'dusun', alamat: 'Diretas' },
    });
    expect(res.statusCode).toBe(403);
    const same = await t.app.inject({
      method: 'POST',
      url: `/desa/${DESA_A}`,
      headers: { origin: ORIGIN, host: 'localhost', cookie: s.cookie },
      payload: { _csrf: 'salah', sebutan: 'desa', sebutan_dusun: 'dusun', alamat: 'Diretas' },
    });
    expect(same.statusCode).toBe(403);
    const desa = await t.db.selectFrom('desa').select('alamat').where('kode', '=', DESA_A).executeTakeFirstOrThrow();
    expect(desa.alamat).toBeNull();
  });
});
