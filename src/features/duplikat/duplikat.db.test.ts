import { beforeAll, describe, expect, it } from 'vitest';
import { recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { follow, get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import {
  activate,
  DESA_A,
  DESA_B,
  insertFamily,
  insertUser,
  KAB,
  makeNik,
  PASSWORD,
} from '../../../tests/support/builders.js';

describe('duplicate review queue', () => {
  const t = useTestApp();
  let op: Session;
  let kab: Session;
  const pairOf = async (a: number, b: number) =>
    t.db
      .selectFrom('duplikat')
      .selectAll()
      .where('penduduk_a', '=', Math.min(a, b))
      .where('penduduk_b', '=', Math.max(a, b))
      .executeTakeFirst();

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'kab', 'admin-kabupaten', KAB);
    op = await login(t.app, 'op.a', PASSWORD);
    kab = await login(t.app, 'kab', PASSWORD);
  });

  it('queues the same name and birth date on create; merging keeps the history and takes the real NIK', async () => {
    const real = makeNik('1988-03-03', 2);
    const first = await insertFamily(t.db, DESA_A, {
      nama: 'Siti Rahayu',
      tanggallahir: '1988-03-03',
      sex: 2,
      nik: null,
    });
    const second = await insertFamily(t.db, DESA_A, {
      nama: 'SITI  RAHAYU',
      tanggallahir: '1988-03-03',
      sex: 2,
      nik: real,
    });
    const pair = await pairOf(first.kepalaId, second.kepalaId);
    expect(pair).toMatchObject({ alasan: 'nama_tanggal_lahir', status: 'terbuka' });
    // the temporary record has an event in its history
    await recordLeavingEvent(t.db, systemActor('x'), first.kepalaId, 4, {
      tgl_peristiwa: '2026-11-01',
      tgl_lapor: null,
      catatan: 'salah catat',
      kepala_baru_id: null,
    } as never);

    const page = await get(t.app, `/desa/${DESA_A}/duplikat`, op);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Siti Rahayu');
    expect(page.body).toContain(real);

    const merged = await postForm(t.app, `/duplikat/${pair?.id}`, op, {
      intent: 'gabung',
      pertahankan_id: String(first.kepalaId),
    });
    expect(merged.statusCode).toBe(303);
    expect((await follow(t.app, merged, op)).statusCode).toBeLessThan(500);
    const kept = await t.db
      .selectFrom('penduduk')
      .selectAll()
      .where('id', '=', first.kepalaId)
      .executeTakeFirstOrThrow();
    const gone = await t.db
      .selectFrom('penduduk')
      .selectAll()
      .where('id', '=', second.kepalaId)
      .executeTakeFirstOrThrow();
    expect(kept.nik).toBe(real);
    expect(kept.nik_sementara).toBeNull();
    expect(gone).toMatchObject({ status_dasar: 9, digabung_ke_id: first.kepalaId });
    // nothing deleted: the events of both records remain
    expect(
      await t.db.selectFrom('peristiwa').select('id').where('penduduk_id', '=', first.kepalaId).execute(),
    ).toHaveLength(1);
    expect((await pairOf(first.kepalaId, second.kepalaId))?.status).toBe('digabung');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['aksi', 'perubahan'])
      .where('aksi', 'in', ['gabung', 'digabung'])
      .execute();
    expect(audit.map((a) => a.aksi).sort()).toEqual(['digabung', 'gabung']);
    expect(JSON.stringify(audit)).not.toContain(real);
    const warnings = await t.db
      .selectFrom('penduduk_peringatan')
      .select('kode')
      .where('penduduk_id', '=', first.kepalaId)
      .execute();
    expect(warnings.map((w) => w.kode)).not.toContain('tanpaNik');
  });

  it('dismisses a pair; a second scan does not bring it back', async () => {
    const a = await insertFamily(t.db, DESA_A, { nama: 'Budi Santoso', tanggallahir: '1970-01-01', sex: 1 });
    const b = await insertFamily(t.db, DESA_A, { nama: 'Budi Santoso', tanggallahir: '1970-01-01', sex: 1 });
    const pair = await pairOf(a.kepalaId, b.kepalaId);
    expect((await postForm(t.app, `/duplikat/${pair?.id}`, op, { intent: 'abaikan' })).statusCode).toBe(303);
    expect((await pairOf(a.kepalaId, b.kepalaId))?.status).toBe('diabaikan');
    await postForm(t.app, `/desa/${DESA_A}/duplikat/pindai`, op, {});
    expect((await pairOf(a.kepalaId, b.kepalaId))?.status).toBe('diabaikan');
  });

  it('scans on demand for pairs missed at entry', async () => {
    const a = await insertFamily(t.db, DESA_A, { nama: 'Joko Susilo', tanggallahir: '1960-06-06', sex: 1 });
    const b = await insertFamily(t.db, DESA_A, { nama: 'Joko Susilo', tanggallahir: '1960-06-06', sex: 1 });
    await t.db.deleteFrom('duplikat').where('penduduk_b', '=', Math.max(a.kepalaId, b.kepalaId)).execute();
    const res = await postForm(t.app, `/desa/${DESA_A}/duplikat/pindai`, op, {});
    expect((await follow(t.app, res, op)).body).toMatch(/[1-9]\d* pasangan baru masuk antrian/);
    expect((await pairOf(a.kepalaId, b.kepalaId))?.status).toBe('terbuka');
  });

  it('refuses to merge away the head of a family with other members', async () => {
    const a = await insertFamily(t.db, DESA_A, { nama: 'Karsono', tanggallahir: '1955-05-05', sex: 1 });
    const b = await insertFamily(t.db, DESA_A, { nama: 'Karsono', tanggallahir: '1955-05-05', sex: 1 }, [
      { nama: 'Anak Karsono', tanggallahir: '1990-01-01', sex: 1, kkLevel: 4 },
    ]);
    const pair = await pairOf(a.kepalaId, b.kepalaId);
    const res = await postForm(t.app, `/duplikat/${pair?.id}`, op, {
      intent: 'gabung',
      pertahankan_id: String(a.kepalaId),
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('kepala keluarga dengan anggota lain');
    expect(
      (await t.db.selectFrom('penduduk').select('status_dasar').where('id', '=', b.kepalaId).executeTakeFirstOrThrow())
        .status_dasar,
    ).toBe(1);
  });

  it('a pair across two desa is reviewed by the kabupaten, not by either desa', async () => {
    const a = await insertFamily(t.db, DESA_A, { nama: 'Warsito', tanggallahir: '1966-06-16', sex: 1 });
    const b = await insertFamily(t.db, DESA_B, { nama: 'Warsito', tanggallahir: '1966-06-16', sex: 1 });
    const pair = await pairOf(a.kepalaId, b.kepalaId);
    expect(pair?.status).toBe('terbuka');
    expect((await get(t.app, `/desa/${DESA_A}/duplikat`, op)).body).not.toContain('Warsito');
    expect([403, 404]).toContain(
      (await postForm(t.app, `/duplikat/${pair?.id}`, op, { intent: 'abaikan' })).statusCode,
    );
    expect((await get(t.app, '/duplikat', kab)).body).toContain('Warsito');
    expect((await postForm(t.app, `/duplikat/${pair?.id}`, kab, { intent: 'abaikan' })).statusCode).toBe(303);
  });
});
