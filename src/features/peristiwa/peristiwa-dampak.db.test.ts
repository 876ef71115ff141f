import { beforeAll, describe, expect, it } from 'vitest';
import { addHouseholdMember, createHousehold } from '#src/features/keluarga/rumah-tangga.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { activate, DESA_A, insertFamily } from '../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { recordLeavingEvent } from './kepergian.service.js';
import { reverseEvent } from './pembatalan.service.js';

const actor = systemActor('operator');
const death = {
  tgl_peristiwa: '2026-11-20',
  tgl_lapor: null,
  catatan: null,
  sebab: null,
  meninggal_di: null,
  jam_mati: null,
  penolong_mati: null,
  akta_mati: null,
};

describe('what an event does to households and family numbers', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await activate(t.db, DESA_A);
  });

  it('when a household head dies, the family’s new head (or the eldest) heads the household; the last one closes it', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Rebo', tanggallahir: '1950-01-01', sex: 1 }, [
      { nama: 'Kamis', tanggallahir: '1955-01-01', sex: 2, kkLevel: 3 },
      { nama: 'Jumat', tanggallahir: '1980-01-01', sex: 1, kkLevel: 4 },
    ]);
    const [kamis, jumat] = f.memberIds as [number, number];
    const rtm = await createHousehold(t.db, actor, DESA_A, {
      kepala_id: f.kepalaId,
      kelas_sosial: null,
      bdt: null,
      terdaftar_dtks: 0,
    });
    await addHouseholdMember(t.db, actor, DESA_A, rtm, { penduduk_id: kamis });
    await addHouseholdMember(t.db, actor, DESA_A, rtm, { penduduk_id: jumat });
    await recordLeavingEvent(t.db, actor, f.kepalaId, 2, { ...death, kepala_baru_id: jumat });
    const head = async () =>
      await t.db
        .selectFrom('rumah_tangga')
        .select(['kepala_id', 'ditutup_pada'])
        .where('id', '=', rtm)
        .executeTakeFirstOrThrow();
    expect((await head()).kepala_id).toBe(jumat);
    await recordLeavingEvent(t.db, actor, jumat, 3, {
      ...death,
      ref_pindah: 3,
      alamat_tujuan: 'Blora',
      kepala_baru_id: kamis,
    });
    expect((await head()).kepala_id).toBe(kamis);
    await recordLeavingEvent(t.db, actor, kamis, 2, { ...death, kepala_baru_id: null });
    expect(await head()).toMatchObject({ kepala_id: null });
    expect((await head()).ditutup_pada).not.toBeNull();
  });

  it('reversing a head’s death reopens the closed KK, with a temporary number when its number went to another family', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Sendiri', tanggallahir: '1940-04-04', sex: 1 });
    const before = await t.db
      .selectFrom('keluarga')
      .select(['no_kk'])
      .where('id', '=', f.keluargaId)
      .executeTakeFirstOrThrow();
    const eventId = await recordLeavingEvent(t.db, actor, f.kepalaId, 2, { ...death, kepala_baru_id: null });
    // the closed family's number is now used by another family
    const other = await insertFamily(t.db, DESA_A, { nama: 'Lain', tanggallahir: '1970-07-07', sex: 1 });
    await t.db.updateTable('keluarga').set({ no_kk: before.no_kk }).where('id', '=', other.keluargaId).execute();
    await reverseEvent(t.db, actor, eventId, 'salah input kematian');
    const reopened = await t.db
      .selectFrom('keluarga')
      .select(['no_kk', 'kepala_id', 'ditutup_pada'])
      .where('id', '=', f.keluargaId)
      .executeTakeFirstOrThrow();
    expect(reopened.kepala_id).toBe(f.kepalaId);
    expect(reopened.ditutup_pada).toBeNull();
    expect(reopened.no_kk).not.toBe(before.no_kk);
    expect(reopened.no_kk).toMatch(/^0\d{15}$/);
  });

  it('never issues a temporary KK number twice', async () => {
    const a = await insertFamily(t.db, DESA_A, { nama: 'Pertama', tanggallahir: '1971-01-01', sex: 1 });
    const first = (
      await t.db.selectFrom('keluarga').select('no_kk').where('id', '=', a.keluargaId).executeTakeFirstOrThrow()
    ).no_kk;
    await t.db.updateTable('keluarga').set({ no_kk: '3317090202200002' }).where('id', '=', a.keluargaId).execute();
    const b = await insertFamily(t.db, DESA_A, { nama: 'Kedua', tanggallahir: '1972-02-02', sex: 1 });
    const second = (
      await t.db.selectFrom('keluarga').select('no_kk').where('id', '=', b.keluargaId).executeTakeFirstOrThrow()
    ).no_kk;
    expect(second).not.toBe(first);
  });
});
