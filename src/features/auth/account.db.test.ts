import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/lib/audit/audit.js';
import { hashSecret } from '#src/lib/auth/tokens.js';
import { get, login, postForm, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, insertUser, PASSWORD } from '../../../tests/support/builders.js';
import { createApiToken } from './token.service.js';

describe('own account: password change, forced change, API tokens', () => {
  const t = useTestApp();

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await insertUser(t.db, 'baru', 'operator-desa', DESA_A, { mustChange: true });
    await insertUser(t.db, 'lama', 'operator-desa', DESA_A);
    await insertUser(t.db, 'mesin', 'operator-desa', DESA_A);
  });

  it('sends a user with an admin-set password to the change page first, everywhere', async () => {
    const s = await login(t.app, 'baru', PASSWORD);
    const home = await get(t.app, '/', s);
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/akun/sandi');
    const page = await get(t.app, '/akun/sandi', s);
    expect(page.body).toContain('Kata sandi Anda diatur oleh admin');
    const post = await postForm(t.app, `/desa/${DESA_A}/lingkungan`, s, { intent: 'tambah-dusun', nama: 'Krajan' });
    expect(post.statusCode).toBe(403);
    expect(await t.db.selectFrom('lingkungan').selectAll().execute()).toEqual([]);

    const changed = await postForm(t.app, '/akun/sandi', s, {
      sandi_lama: PASSWORD,
      sandi: 'sawah hijau di tepi laut',
      sandi_ulang: 'sawah hijau di tepi laut',
    });
    expect(changed.statusCode).toBe(303);
    expect((await get(t.app, '/', s)).statusCode).toBe(200);
  });

  it('refuses weak, mismatched or wrong passwords with field messages and changes nothing', async () => {
    const s = await login(t.app, 'lama', PASSWORD);
    const before = await t.db
      .selectFrom('pengguna')
      .select('sandi_hash')
      .where('username', '=', 'lama')
      .executeTakeFirstOrThrow();
    const cases: [Record<string, string>, string][] = [
      [{ sandi_lama: PASSWORD, sandi: 'pendek', sandi_ulang: 'pendek' }, 'paling sedikit 10 karakter'],
      [{ sandi_lama: PASSWORD, sandi: 'password123', sandi_ulang: 'password123' }, 'terlalu umum'],
      [
        { sandi_lama: PASSWORD, sandi: 'lama-lama-lama-99', sandi_ulang: 'lama-lama-lama-99' },
        'tidak boleh memuat nama pengguna',
      ],
      [
        { sandi_lama: PASSWORD, sandi: 'sawah hijau di tepi laut', sandi_ulang: 'sawah biru' },
        'Kedua kata sandi tidak sama',
      ],
      [
        { sandi_lama: 'bukan sandi lama', sandi: 'sawah hijau di tepi laut', sandi_ulang: 'sawah hijau di tepi laut' },
        'Kata sandi sekarang salah',
      ],
      [{}, 'Wajib diisi'],
    ];
    for (const [payload, message] of cases) {
      const res = await postForm(t.app, '/akun/sandi', s, payload);
      expect(res.statusCode, message).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).not.toContain('sawah hijau');
    }
    const after = await t.db
      .selectFrom('pengguna')
      .select('sandi_hash')
      .where('username', '=', 'lama')
      .executeTakeFirstOrThrow();
    expect(after.sandi_hash).toBe(before.sandi_hash);
    expect(after.sandi_hash).toMatch(/^\$argon2id\$/);
  });

  it('ends other sessions when the password changes, keeping the current one', async () => {
    const other = await login(t.app, 'lama', PASSWORD);
    const current = await login(t.app, 'lama', PASSWORD);
    await postForm(t.app, '/akun/sandi', current, {
      sandi_lama: PASSWORD,
      sandi: 'kebun jagung pak lurah',
      sandi_ulang: 'kebun jagung pak lurah',
    });
    expect((await get(t.app, '/', current)).statusCode).toBe(200);
    expect((await get(t.app, '/', other)).statusCode).toBe(303);
  });

  it("machine clients use a Bearer token (stored hashed) with the user's scope", async () => {
    const token = await createApiToken(t.db, systemActor('test'), 'mesin', 30);
    expect(token).toMatch(/^balai_[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.selectFrom('token_api').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashSecret(token));
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/saya',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      username: 'mesin',
      nama: 'Pengguna mesin',
      peran: [{ peran: 'operator-desa', lingkup: DESA_A, lingkungan_id: null }],
      via: 'token',
    });
    const tree = await t.app.inject({
      method: 'GET',
      url: `/api/v1/desa/${DESA_A}/lingkungan`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(tree.statusCode).toBe(200);
  });

  it('rejects unknown, expired and revoked tokens with 401', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/saya',
      headers: { authorization: 'Bearer balai_tidakada' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.message).toMatch(/Token API tidak valid/);
    const token = await createApiToken(t.db, systemActor('test'), 'mesin', 1);
    await t.db
      .updateTable('token_api')
      .set({ kedaluwarsa_pada: '2000-01-01T00:00:00.000Z' })
      .where('token_hash', '=', hashSecret(token))
      .execute();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/saya', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(401);
    const revoked = await createApiToken(t.db, systemActor('test'), 'mesin', null);
    await t.db
      .updateTable('token_api')
      .set({ dicabut_pada: new Date().toISOString() })
      .where('token_hash', '=', hashSecret(revoked))
      .execute();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/saya', headers: { authorization: `Bearer ${revoked}` } }))
        .statusCode,
    ).toBe(401);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/saya' });
    expect(anonymous.statusCode).toBe(401);
  });
});
