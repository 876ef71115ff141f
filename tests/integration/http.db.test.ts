import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#src/app.js';
import { loadEnv } from '#src/env.js';
import { openDatabase } from '#src/lib/db/connect.js';
import { get, login, ORIGIN, postForm, type Session, useTestApp } from '../support/app.js';
import { activate, DESA_A, insertUser, KAB, PASSWORD } from '../support/builders.js';

describe('HTTP basics: headers, errors, limits, health, language', () => {
  const t = useTestApp({ BALAI_BODY_LIMIT: '4096' });
  let kab: Session;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await insertUser(t.db, 'kab', 'admin-kabupaten', KAB);
    kab = await login(t.app, 'kab', PASSWORD);
  });

  it('sends a CSP that allows no inline script, and the usual hardening headers', async () => {
    const res = await get(t.app, '/masuk');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).not.toMatch(/ on[a-z]+="/i);
  });

  it('shows a friendly Indonesian 404 page, and JSON under /api', async () => {
    const page = await get(t.app, '/tidak-ada-halaman');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Halaman tidak ditemukan');
    expect(page.body).toContain('Kembali ke beranda');
    const api = await get(t.app, '/api/v1/tidak-ada');
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toMatchObject({ code: 'notFound' });
  });

  it('answers 413 for a body over the limit and changes nothing', async () => {
    const res = await postForm(t.app, `/desa/${DESA_A}`, kab, {
      sebutan: 'desa',
      sebutan_dusun: 'dusun',
      alamat: 'x'.repeat(8000),
    });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('terlalu besar');
    const desa = await t.db.selectFrom('desa').select('alamat').where('kode', '=', DESA_A).executeTakeFirstOrThrow();
    expect(desa.alamat).toBeNull();
  });

  it('answers 400 with field messages for an invalid form, in English when chosen', async () => {
    const lang = await t.app.inject({
      method: 'POST',
      url: '/bahasa',
      headers: { origin: ORIGIN, host: 'localhost' },
      payload: { bahasa: 'en', kembali: '/masuk' },
    });
    expect(lang.statusCode).toBe(303);
    expect(lang.headers.location).toBe('/masuk');
    const cookie = `${kab.cookie}; balai_bahasa=en`;
    const res = await t.app.inject({
      method: 'POST',
      url: `/desa/${DESA_A}`,
      headers: { origin: ORIGIN, host: 'localhost', cookie },
      payload: { _csrf: kab.csrf, sebutan: 'desa', sebutan_dusun: 'dusun', kode_pos: '1' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('A postal code has 5 digits.');
  });

  it('health is green while the database answers, and 503 when it does not', async () => {
    const ok = await get(t.app, '/healthz');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: 'ok' });

    // a database server that does not answer (nothing listens on port 1)
    const broken = openDatabase({ dialect: 'postgres', url: 'postgres://balai@127.0.0.1:1/balai' });
    const app = await buildApp({
      env: loadEnv({ LOG_LEVEL: 'silent' }),
      db: broken.db,
      dialect: broken.dialect,
      logger: false,
    });
    const down = await app.inject({ method: 'GET', url: '/healthz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'error' });
    await app.close();
    await broken.close();
  });

  it('browses the audit trail with filters', async () => {
    const all = await get(t.app, '/audit', kab);
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('aktifkan');
    const byDate = await get(t.app, '/audit?dari=2000-01-01&sampai=2000-01-02', kab);
    expect(byDate.body).toContain('Belum ada data.');
    const byEntity = await get(t.app, `/audit?entitas=desa&desa=${DESA_A}`, kab);
    expect(byEntity.body).toContain('aktifkan');
    const bad = await get(t.app, '/audit?dari=kemarin', kab);
    expect(bad.statusCode).toBe(400);
  });
});
