import { beforeAll, describe, expect, it } from 'vitest';
import { get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import {
  activate,
  DESA_A,
  DESA_B,
  insertTree,
  insertUser,
  KAB,
  KEC,
  PASSWORD,
} from '../../../tests/support/builders.js';

describe('accounts and role assignments', () => {
  const t = useTestApp();
  let admin: Session;
  let kab: Session;
  const userId = async (username: string) =>
    (await t.db.selectFrom('pengguna').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const newUser = (username: string, extra: Record<string, string> = {}) => ({
    username,
    nama: 'Siti Aminah',
    peran: 'operator-desa',
    lingkup_kode: DESA_A,
    sandi: 'mangga manis dari kebun',
    sandi_ulang: 'mangga manis dari kebun',
    ...extra,
  });

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'admin.a', 'admin-desa', DESA_A);
    await insertUser(t.db, 'kab', 'admin-kabupaten', KAB);
    admin = await login(t.app, 'admin.a', PASSWORD);
    kab = await login(t.app, 'kab', PASSWORD);
  });

  it('a desa admin creates an operator, who must change the admin-set password at first login', async () => {
    const res = await postForm(t.app, '/pengguna', admin, newUser('Siti.Operator'));
    expect(res.statusCode).toBe(303);
    const id = await userId('siti.operator');
    expect(res.headers.location).toBe(`/pengguna/${id}`);
    const s = await login(t.app, 'siti.operator', 'mangga manis dari kebun');
    expect((await get(t.app, '/', s)).headers.location).toBe('/akun/sandi');
  });

  it('checks the form: user name, duplicates, password rules, role fits scope', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [newUser('a b'), 400, 'Gunakan huruf kecil'],
      [newUser('siti.operator'), 409, 'Nama pengguna ini sudah dipakai.'],
      [newUser('lemah', { sandi: 'qwertyuiop', sandi_ulang: 'qwertyuiop' }), 400, 'terlalu umum'],
      [newUser('beda', { sandi_ulang: 'lain sekali' }), 400, 'Kedua kata sandi tidak sama.'],
      [newUser('kec.satu', { peran: 'staf-kecamatan', lingkup_kode: DESA_A }), 400, 'Lingkup tidak sesuai peran'],
      [newUser('kab2', { peran: 'admin-kabupaten', lingkup_kode: KAB }), 403, 'di luar wewenang'],
      [newUser('ow.satu', { peran: 'operator-wilayah' }), 400, 'Dusun/RW/RT tidak ditemukan di desa ini.'],
      [newUser('xx.satu', { peran: 'raja' }), 400, 'Pilih salah satu pilihan yang tersedia.'],
      [newUser('yy.satu', { lingkup_kode: '33.17.09.2' }), 400, 'Kode wilayah ditulis seperti'],
    ];
    const before = await t.db.selectFrom('pengguna').select('id').execute();
    for (const [payload, status, message] of cases) {
      const res = await postForm(t.app, '/pengguna', admin, payload);
      expect(res.statusCode, payload.username).toBe(status);
      expect(res.body, res.body.match(/error-summary.*?<\/div>/)?.[0]).toContain(message);
      expect(res.body).not.toContain('mangga manis');
    }
    expect(await t.db.selectFrom('pengguna').select('id').execute()).toHaveLength(before.length);
  });

  it('a kabupaten admin assigns a kecamatan role and a dusun operator', async () => {
    const { dusunId } = await insertTree(t.db, DESA_A);
    expect(
      (await postForm(t.app, '/pengguna', kab, newUser('camat.staf', { peran: 'staf-kecamatan', lingkup_kode: KEC })))
        .statusCode,
    ).toBe(303);
    expect(
      (
        await postForm(
          t.app,
          '/pengguna',
          kab,
          newUser('kadus.krajan', { peran: 'operator-wilayah', lingkungan_id: String(dusunId) }),
        )
      ).statusCode,
    ).toBe(303);
    const id = await userId('camat.staf');
    const add = await postForm(t.app, `/pengguna/${id}`, kab, {
      intent: 'tambah-peran',
      peran: 'sekretaris-desa',
      lingkup_kode: DESA_B,
    });
    expect(add.statusCode).toBe(303);
    const page = await get(t.app, `/pengguna/${id}`, kab);
    expect(page.body).toContain('Staf kecamatan · 33.17.09');
    expect(page.body).toContain('Sekretaris desa · 33.17.09.2002');
  });

  it('resets a password (forced change, sessions ended), deactivates and reactivates', async () => {
    const id = await userId('siti.operator');
    const s = await login(t.app, 'siti.operator', 'mangga manis dari kebun');
    const reset = await postForm(t.app, `/pengguna/${id}`, admin, {
      intent: 'atur-ulang-sandi',
      sandi: 'nasi goreng kampung',
      sandi_ulang: 'nasi goreng kampung',
    });
    expect(reset.statusCode).toBe(303);
    expect((await get(t.app, '/akun/sandi', s)).statusCode).toBe(303);
    const row = await t.db
      .selectFrom('pengguna')
      .select(['harus_ganti_sandi'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.harus_ganti_sandi).toBe(1);

    expect((await postForm(t.app, `/pengguna/${id}`, admin, { intent: 'nonaktifkan' })).statusCode).toBe(303);
    const denied = await postForm(t.app, '/masuk', null, { username: 'siti.operator', sandi: 'nasi goreng kampung' });
    expect(denied.statusCode).toBe(403);
    expect((await postForm(t.app, `/pengguna/${id}`, admin, { intent: 'aktifkan' })).statusCode).toBe(303);
    expect(
      (await postForm(t.app, '/masuk', null, { username: 'siti.operator', sandi: 'nasi goreng kampung' })).statusCode,
    ).toBe(303);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('aksi')
      .where('entitas', '=', 'pengguna')
      .where('entitas_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.aksi)).toEqual(['buat', 'atur-ulang-sandi', 'nonaktifkan', 'aktifkan']);
    const perubahan = await t.db
      .selectFrom('audit_log')
      .select('perubahan')
      .where('aksi', '=', 'atur-ulang-sandi')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(perubahan)).not.toMatch(/argon2|nasi goreng/);
  });

  it("guards against self-lockout and against accounts with roles outside the admin's scope", async () => {
    const self = await userId('admin.a');
    const res = await postForm(t.app, `/pengguna/${self}`, admin, { intent: 'nonaktifkan' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Anda tidak dapat melakukan ini pada akun sendiri.');
    // an operator of A who is also secretary of B: the A admin may not reset or disable that account
    const both = await insertUser(t.db, 'ganda', 'operator-desa', DESA_A);
    await postForm(t.app, `/pengguna/${both}`, kab, {
      intent: 'tambah-peran',
      peran: 'sekretaris-desa',
      lingkup_kode: DESA_B,
    });
    const reset = await postForm(t.app, `/pengguna/${both}`, admin, {
      intent: 'atur-ulang-sandi',
      sandi: 'nasi goreng kampung',
      sandi_ulang: 'nasi goreng kampung',
    });
    expect(reset.statusCode).toBe(403);
    expect(reset.body).toContain('peran di luar wewenang');
    const grantB = await t.db
      .selectFrom('peran_pengguna')
      .select('id')
      .where('pengguna_id', '=', both)
      .where('lingkup_kode', '=', DESA_B)
      .executeTakeFirstOrThrow();
    expect(
      (await postForm(t.app, `/pengguna/${both}`, admin, { intent: 'hapus-peran', peran_id: String(grantB.id) }))
        .statusCode,
    ).toBe(403);
  });
});
