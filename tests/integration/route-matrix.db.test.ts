import { beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '#src/features/auth/session.service.js';
import { ROLE_PERMISSIONS, ROLES, type Role } from '#src/lib/auth/roles.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { buildRoutes } from '#src/routes.js';
import { ORIGIN, useTestApp } from '../support/app.js';
import { activate, DESA_A, insertTree, insertUser, KAB, KEC } from '../support/builders.js';

/**
 * The role × route matrix, generated from the route table: every route is asked as every role (and
 * anonymously) on a target inside desa A, and the answer must match the declared permission.
 */
const SCOPE: Record<Role, string> = {
  'admin-kabupaten': KAB,
  'staf-kecamatan': KEC,
  'admin-desa': DESA_A,
  'operator-desa': DESA_A,
  'sekretaris-desa': DESA_A,
  'kepala-desa': DESA_A,
  'editor-web': DESA_A,
  'operator-wilayah': DESA_A,
};

interface Fixture {
  users: Record<Role, number>;
  dusunId: number;
  otherUserId: number;
}

/** Concrete URL for a route pattern, pointing inside desa A. */
function sampleUrl(url: string, f: Fixture): string {
  return url
    .replace(':kode', DESA_A)
    .replace(':token', 'bukan-token')
    .replace(':file', 'app.css')
    .replace(':id', url.startsWith('/lingkungan') ? String(f.dusunId) : String(f.otherUserId));
}

type Outcome = 'allowed' | 'forbidden' | 'not-found' | 'login';

function expected(role: Role | null, def: RouteDef): Outcome {
  if (def.access === 'public') return 'allowed';
  if (role === null) return 'login';
  if (def.access === 'authenticated') return 'allowed';
  if (!ROLE_PERMISSIONS[role].includes(def.access)) return 'forbidden';
  // the dusun/RW/RT operator's scope is one dusun of desa A: desa-wide targets lie outside it
  if (role === 'operator-wilayah' && def.target && def.url !== '/lingkungan/:id') return 'not-found';
  return 'allowed';
}

function observed(status: number, location: string | undefined): Outcome {
  if (status === 401 || (status === 303 && location?.startsWith('/masuk?lanjut='))) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  return 'allowed';
}

describe('role × route matrix', () => {
  const t = useTestApp();
  const f = {} as Fixture;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    f.dusunId = (await insertTree(t.db, DESA_A)).dusunId;
    f.users = {} as Record<Role, number>;
    for (const role of ROLES) {
      f.users[role] = await insertUser(t.db, `u.${role}`, role, SCOPE[role], {
        lingkungan: role === 'operator-wilayah' ? f.dusunId : null,
      });
    }
    f.otherUserId = await insertUser(t.db, 'warga.operator', 'operator-desa', DESA_A);
  });

  // the table as app.ts builds it (handlers are never called here)
  const defs = buildRoutes({ env: { BALAI_UPLOAD_LIMIT: 1 } } as never);

  it('covers every registered route, and every route declares its access', () => {
    const table = defs.map((r) => `${r.method} ${r.url}`);
    const registered = t.app.registeredRoutes.map((r) => `${r.method} ${r.url}`);
    expect(new Set(registered)).toEqual(new Set(table));
    for (const route of t.app.registeredRoutes) expect(route.access, `${route.method} ${route.url}`).toBeTruthy();
  });

  for (const role of [null, ...ROLES] as (Role | null)[]) {
    it(`answers every route as ${role ?? 'anonymous'} according to the declared permissions`, async () => {
      const mismatches: string[] = [];
      for (const def of defs) {
        const headers: Record<string, string> = { origin: ORIGIN, host: 'localhost' };
        let payload: Record<string, string> | undefined;
        if (role !== null) {
          // a fresh session per request: some routes (logout) end the session they are called with
          const s = await startSession(t.db, f.users[role], { ip: null, agen: null }, { idleMinutes: 60, maxDays: 1 });
          headers.cookie = `balai_sesi=${s.token}`;
          if (def.method === 'POST') payload = { _csrf: s.csrf };
        } else if (def.method === 'POST') payload = {};
        const res = await t.app.inject({
          method: def.method,
          url: sampleUrl(def.url, f),
          headers,
          ...(payload ? { payload } : {}),
        });
        let got = observed(res.statusCode, res.headers.location as string | undefined);
        const want = expected(role, def);
        // a public route has no gate: any answer but "log in" or "forbidden" (a missing logo is a 404)
        if (def.access === 'public' && got === 'not-found') got = 'allowed';
        if (got !== want) mismatches.push(`${def.method} ${def.url}: expected ${want}, got ${got} (${res.statusCode})`);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('anchors the policy with cases people would check by hand', () => {
    expect(ROLE_PERMISSIONS['editor-web']).not.toContain('update:lingkungan');
    expect(ROLE_PERMISSIONS['operator-desa']).not.toContain('activate:desa');
    expect(ROLE_PERMISSIONS['staf-kecamatan']).not.toContain('update:desa');
    expect(ROLE_PERMISSIONS['staf-kecamatan']).not.toContain('manage:pengguna');
    expect(ROLE_PERMISSIONS['operator-wilayah']).toEqual(['read:dashboard', 'read:lingkungan', 'read:penduduk']);
    expect(ROLE_PERMISSIONS['editor-web']).not.toContain('read:penduduk');
    expect(ROLE_PERMISSIONS['staf-kecamatan']).not.toContain('read:nik');
    expect(ROLE_PERMISSIONS['admin-desa']).not.toContain('activate:desa');
  });
});
