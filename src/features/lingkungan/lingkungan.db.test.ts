import { beforeAll, describe, expect, it } from 'vitest';
import { follow, get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, insertUser, PASSWORD } from '../../../tests/support/builders.js';

describe('dusun → RW → RT editor', () => {
  const t = useTestApp();
  let op: Session;
  const url = `/desa/${DESA_A}/lingkungan`;
  const idOf = async (tingkat: 'dusun' | 'rw' | 'rt', nama: string) =>
    (
      await t.db
        .selectFrom('lingkungan')
        .select('id')
        .where('tingkat', '=', tingkat)
        .where('nama', '=', nama)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await insertUser(t.db, 'op', 'operator-desa', DESA_A);
    op = await login(t.app, 'op', PASSWORD);
  });

  it('builds a tree with RW, and a dusun whose RTs sit directly under it (no RW)', async () => {
    const res = await postForm(t.app, url, op, { intent: 'tambah-dusun', nama: '  Krajan   Lor ' });
    expect(res.statusCode).toBe(303);
    expect((await follow(t.app, res, op)).body).toContain('Perubahan tersimpan.');
    const krajan = await idOf('dusun', 'Krajan Lor');
    await postForm(t.app, url, op, { intent: 'tambah-rw', induk_id: String(krajan), nama: '1' });
    const rw = await idOf('rw', '001');
    await postForm(t.app, url, op, { intent: 'tambah-rt', induk_id: String(rw), nama: '02' });
    await postForm(t.app, url, op, { intent: 'tambah-dusun', nama: 'Ngemplak' });
    const ngemplak = await idOf('dusun', 'Ngemplak');
    expect(
      (await postForm(t.app, url, op, { intent: 'tambah-rt', induk_id: String(ngemplak), nama: '1' })).statusCode,
    ).toBe(303);

    const tree = (await get(t.app, `/api/v1/desa/${DESA_A}/lingkungan`, op)).json();
    expect(tree.dusun).toEqual([
      {
        id: krajan,
        tingkat: 'dusun',
        nama: 'Krajan Lor',
        anak: [
          {
            id: rw,
            tingkat: 'rw',
            nama: '001',
            anak: [expect.objectContaining({ tingkat: 'rt', nama: '002', anak: [] })],
          },
        ],
      },
      {
        id: ngemplak,
        tingkat: 'dusun',
        nama: 'Ngemplak',
        anak: [expect.objectContaining({ tingkat: 'rt', nama: '001' })],
      },
    ]);
  });

  it('refuses duplicates, bad numbers, mixing RW and direct RT, and misplaced units — changing nothing', async () => {
    const krajan = await idOf('dusun', 'Krajan Lor');
    const ngemplak = await idOf('dusun', 'Ngemplak');
    const rt = await idOf('rt', '002');
    const before = await t.db.selectFrom('lingkungan').selectAll().orderBy('id').execute();
    const cases: [Record<string, string>, number, string][] = [
      [{ intent: 'tambah-dusun', nama: 'krajan lor' }, 409, 'sudah ada di tempat yang sama'],
      [{ intent: 'tambah-rw', induk_id: String(krajan), nama: '001' }, 409, 'sudah ada di tempat yang sama'],
      [{ intent: 'tambah-rw', induk_id: String(krajan), nama: 'satu' }, 400, 'Nomor RW/RT berupa angka 1 sampai 999.'],
      [{ intent: 'tambah-rw', induk_id: String(krajan), nama: '0' }, 400, 'Nomor RW/RT berupa angka 1 sampai 999.'],
      [{ intent: 'tambah-rw', induk_id: String(ngemplak), nama: '5' }, 409, 'pakai RW semua atau tanpa RW semua'],
      [{ intent: 'tambah-rt', induk_id: String(krajan), nama: '9' }, 409, 'pakai RW semua atau tanpa RW semua'],
      [{ intent: 'tambah-rt', induk_id: String(rt), nama: '3' }, 409, 'RW hanya dapat berada di bawah dusun'],
      [{ intent: 'tambah-dusun', nama: '' }, 400, 'Wajib diisi.'],
      [{ intent: 'hapus', id: String(krajan) }, 409, 'Hapus dulu RW/RT di bawahnya.'],
      [{ intent: 'entah' }, 400, 'Pilih salah satu pilihan yang tersedia.'],
    ];
    for (const [payload, status, message] of cases) {
      const res = await postForm(t.app, url, op, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.body).toContain(message);
    }
    expect(await t.db.selectFrom('lingkungan').selectAll().orderBy('id').execute()).toEqual(before);
  });

  it("does not let a form touch another desa's units through a forged id", async () => {
    await activate(t.db, '33.17.09.2002');
    await insertUser(t.db, 'op.b', 'operator-desa', '33.17.09.2002');
    const b = await login(t.app, 'op.b', PASSWORD);
    const krajan = await idOf('dusun', 'Krajan Lor');
    const res = await postForm(t.app, '/desa/33.17.09.2002/lingkungan', b, {
      intent: 'ubah-dusun',
      id: String(krajan),
      nama: 'Diretas',
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await t.db.selectFrom('lingkungan').select('nama').where('id', '=', krajan).executeTakeFirstOrThrow()).nama,
    ).toBe('Krajan Lor');
  });

  it('renames and deletes, each audited', async () => {
    const rt = await idOf('rt', '002');
    expect((await postForm(t.app, url, op, { intent: 'ubah-nomor', id: String(rt), nama: '3' })).statusCode).toBe(303);
    expect((await postForm(t.app, url, op, { intent: 'hapus', id: String(rt) })).statusCode).toBe(303);
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['aksi', 'entitas_id'])
      .where('entitas', '=', 'lingkungan')
      .where('entitas_id', '=', String(rt))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.aksi)).toEqual(['tambah', 'ubah', 'hapus']);
  });

  it('lets a dusun operator see only their own dusun', async () => {
    const krajan = await idOf('dusun', 'Krajan Lor');
    const ngemplak = await idOf('dusun', 'Ngemplak');
    await insertUser(t.db, 'kadus', 'operator-wilayah', DESA_A, { lingkungan: krajan });
    const kadus = await login(t.app, 'kadus', PASSWORD);
    const own = await get(t.app, `/lingkungan/${krajan}`, kadus);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('RW 001');
    expect((await get(t.app, `/lingkungan/${ngemplak}`, kadus)).statusCode).toBe(404);
    expect((await get(t.app, url, kadus)).statusCode).toBe(404);
    // a unit that a role is tied to cannot be deleted from under it
    const rw = await idOf('rw', '001');
    expect((await postForm(t.app, url, op, { intent: 'hapus', id: String(rw) })).statusCode).toBe(303);
    const del = await postForm(t.app, url, op, { intent: 'hapus', id: String(krajan) });
    expect(del.statusCode).toBe(409);
    expect(del.body).toContain('Masih ada pengguna dengan peran di wilayah ini');
  });
});
