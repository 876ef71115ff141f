import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/lib/audit/audit.js';
import type { HttpError } from '#src/lib/errors.js';
import { activate, DESA_A, DESA_B, insertFamily, makeNik, person } from '../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { recordArrival, recordBirth } from './kedatangan.service.js';
import { recordLeavingEvent } from './kepergian.service.js';
import { reverseEvent } from './pembatalan.service.js';
import { confirmTransfer } from './pindah.service.js';

const actor = systemActor('operator');
const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return error as HttpError;
  }
  throw new Error('expected a failure');
};

describe('population events', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
  });

  const status = async (id: number) =>
    await t.db
      .selectFrom('penduduk')
      .select(['status_dasar', 'desa_kode', 'keluarga_id', 'kk_level'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const family = async (id: number) =>
    t.db.selectFrom('keluarga').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('records a birth into an existing family', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Slamet', tanggallahir: '1980-01-05', sex: 1 });
    const baby = await recordBirth(t.db, actor, DESA_A, {
      person: person({ nama: 'Bayu', sex: 1, tanggallahir: '2026-11-01', nik: null, berat_lahir: 3100 }),
      lingkunganId: f.lingkunganId,
      keluargaId: f.keluargaId,
      kkLevel: 4,
      tglLapor: null,
      catatan: null,
    });
    expect(baby.nik).toMatch(/^0331709200100\d{3}$/);
    const events = await t.db.selectFrom('peristiwa').selectAll().where('penduduk_id', '=', baby.id).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kode: 1, tgl_peristiwa: '2026-11-01', status_sesudah: 1 });
    const warnings = await t.db
      .selectFrom('penduduk_peringatan')
      .select('kode')
      .where('penduduk_id', '=', baby.id)
      .execute();
    expect(warnings.map((w) => w.kode)).toEqual(['tanpaNik']);
  });

  it('refuses a birth in the future and a report before the event', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Parmin', tanggallahir: '1979-02-02', sex: 1 });
    const base = { lingkunganId: f.lingkunganId, keluargaId: f.keluargaId, kkLevel: 4, catatan: null };
    const future = await fails(
      recordBirth(t.db, actor, DESA_A, {
        ...base,
        person: person({ nama: 'X', sex: 1, tanggallahir: '2999-01-01' }),
        tglLapor: null,
      }),
    );
    expect(future.fields).toEqual({ tanggallahir: 'tanggalDiMasaDepan' });
    const early = await fails(
      recordBirth(t.db, actor, DESA_A, {
        ...base,
        person: person({ nama: 'X', sex: 1, tanggallahir: '2026-10-01' }),
        tglLapor: '2026-09-01',
      }),
    );
    expect(early.fields).toEqual({ tgl_lapor: 'tanggalLaporSebelumPeristiwa' });
  });

  it('death of a head: a new head must be named; the KK never stays headless', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Darmo', tanggallahir: '1950-03-03', sex: 1 }, [
      { nama: 'Sumi', tanggallahir: '1955-04-04', sex: 2, kkLevel: 3 },
      { nama: 'Tono', tanggallahir: '1985-05-05', sex: 1, kkLevel: 4 },
    ]);
    const [sumi, tono] = f.memberIds as [number, number];
    const death = {
      tgl_peristiwa: '2026-11-20',
      tgl_lapor: '2026-11-21',
      catatan: null,
      sebab: 1,
      meninggal_di: 'Rumah',
      jam_mati: '04:30',
      penolong_mati: 1,
      akta_mati: null,
    };
    const noHead = await fails(recordLeavingEvent(t.db, actor, f.kepalaId, 2, { ...death, kepala_baru_id: null }));
    expect(noHead.fields).toEqual({ kepala_baru_id: 'pilihKepalaBaru' });
    expect((await status(f.kepalaId)).status_dasar).toBe(1);
    const wrongHead = await fails(
      recordLeavingEvent(t.db, actor, f.kepalaId, 2, { ...death, kepala_baru_id: 999_999 }),
    );
    expect(wrongHead.fields).toEqual({ kepala_baru_id: 'kepalaBaruTidakValid' });

    await recordLeavingEvent(t.db, actor, f.kepalaId, 2, { ...death, kepala_baru_id: sumi });
    expect((await status(f.kepalaId)).status_dasar).toBe(2);
    expect(await family(f.keluargaId)).toMatchObject({ kepala_id: sumi, ditutup_pada: null });
    expect((await status(sumi)).kk_level).toBe(1);
    const famEvents = await t.db
      .selectFrom('peristiwa_keluarga')
      .select(['kode', 'penduduk_id'])
      .where('keluarga_id', '=', f.keluargaId)
      .orderBy('id')
      .execute();
    expect(famEvents.map((e) => e.kode)).toEqual([1, 2]);
    // the dead cannot die again
    expect((await fails(recordLeavingEvent(t.db, actor, f.kepalaId, 2, { ...death, kepala_baru_id: null }))).key).toBe(
      'statusBukanHidup',
    );
    // Tono moves out, then Sumi (the last member) dies: the KK closes
    await recordLeavingEvent(t.db, actor, tono, 3, {
      ...death,
      ref_pindah: 3,
      alamat_tujuan: 'Surabaya',
      kepala_baru_id: null,
    });
    await recordLeavingEvent(t.db, actor, sumi, 2, { ...death, kepala_baru_id: null });
    expect(await family(f.keluargaId)).toMatchObject({ kepala_id: null });
    expect((await family(f.keluargaId)).ditutup_pada).not.toBeNull();
  });

  it('"pergi" only for non-permanent residents', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Kasno', tanggallahir: '1970-07-07', sex: 1 }, [
      { nama: 'Pendatang', tanggallahir: '1999-09-09', sex: 1, kkLevel: 9, status: 2 },
    ]);
    const dates = { tgl_peristiwa: '2026-11-01', tgl_lapor: null, catatan: null, kepala_baru_id: null };
    expect((await fails(recordLeavingEvent(t.db, actor, f.kepalaId, 6, dates as never))).key).toBe(
      'pergiHanyaTidakTetap',
    );
    await recordLeavingEvent(t.db, actor, f.memberIds[0] as number, 6, dates as never);
    expect((await status(f.memberIds[0] as number)).status_dasar).toBe(6);
  });

  it('a reversal restores the status and keeps both entries; only the latest event can be reversed', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Wagiman', tanggallahir: '1960-06-06', sex: 1 }, [
      { nama: 'Wagini', tanggallahir: '1962-06-06', sex: 2, kkLevel: 3 },
    ]);
    const wagini = f.memberIds[0] as number;
    const dates = { tgl_peristiwa: '2026-11-10', tgl_lapor: null, catatan: null, kepala_baru_id: null };
    const eventId = await recordLeavingEvent(t.db, actor, wagini, 4, dates as never);
    expect((await status(wagini)).status_dasar).toBe(4);
    await reverseEvent(t.db, actor, eventId, 'ternyata hanya menginap di rumah anak');
    expect((await status(wagini)).status_dasar).toBe(1);
    const rows = await t.db
      .selectFrom('peristiwa')
      .select(['id', 'membatalkan_id', 'status_sesudah'])
      .where('penduduk_id', '=', wagini)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: eventId, membatalkan_id: null, status_sesudah: 4 },
      { id: expect.any(Number), membatalkan_id: eventId, status_sesudah: 1 },
    ]);
    expect((await fails(reverseEvent(t.db, actor, eventId, 'sekali lagi dong'))).key).toBe('sudahDibatalkan');
    await expect(t.db.deleteFrom('peristiwa').where('id', '=', eventId).execute()).rejects.toThrow(/append-only/);
  });

  it('an arrival with a NIK living in another desa becomes a transfer; the record moves when the origin confirms', async () => {
    const nik = makeNik('1990-08-08', 2);
    const f = await insertFamily(t.db, DESA_A, { nama: 'Karto', tanggallahir: '1960-01-01', sex: 1 }, [
      { nama: 'Siti Pindah', tanggallahir: '1990-08-08', sex: 2, kkLevel: 4, nik },
    ]);
    const siti = f.memberIds[0] as number;
    const b = await insertFamily(t.db, DESA_B, { nama: 'Joko', tanggallahir: '1988-02-02', sex: 1 });
    const arrival = {
      person: person({ nama: 'Siti Pindah', nik, sex: 2, tanggallahir: '1990-08-08' }),
      lingkunganId: b.lingkunganId,
      family: { kind: 'existing' as const, keluargaId: b.keluargaId, kkLevel: 3 },
      tglPeristiwa: '2026-11-15',
      tglLapor: null,
      alamatAsal: null,
      maksud: 'menikah',
      catatan: null,
    };
    const result = await recordArrival(t.db, actor, DESA_B, arrival);
    expect(result).toMatchObject({ kind: 'menunggu', dari: DESA_A });
    expect((await status(siti)).desa_kode).toBe(DESA_A);
    if (result.kind !== 'menunggu') return;
    await confirmTransfer(t.db, actor, result.transferId, null);
    expect(await status(siti)).toMatchObject({
      status_dasar: 1,
      desa_kode: DESA_B,
      keluarga_id: b.keluargaId,
      kk_level: 3,
    });
    const events = await t.db
      .selectFrom('peristiwa')
      .select(['kode', 'desa_kode', 'ref_pindah', 'tujuan_desa_kode', 'asal_desa_kode'])
      .where('penduduk_id', '=', siti)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { kode: 3, desa_kode: DESA_A, ref_pindah: 1, tujuan_desa_kode: DESA_B, asal_desa_kode: null },
      { kode: 5, desa_kode: DESA_B, ref_pindah: null, tujuan_desa_kode: null, asal_desa_kode: DESA_A },
    ]);
  });

  it('an arrival after the origin already recorded the move-out takes the record at once', async () => {
    const nik = makeNik('1992-09-09', 1);
    const f = await insertFamily(t.db, DESA_A, { nama: 'Bejo', tanggallahir: '1965-01-01', sex: 1 }, [
      { nama: 'Anto', tanggallahir: '1992-09-09', sex: 1, kkLevel: 4, nik },
    ]);
    const anto = f.memberIds[0] as number;
    await recordLeavingEvent(t.db, actor, anto, 3, {
      tgl_peristiwa: '2026-11-01',
      tgl_lapor: null,
      catatan: null,
      kepala_baru_id: null,
      ref_pindah: 1,
      alamat_tujuan: 'Maguan',
    } as never);
    const inB = await insertFamily(t.db, DESA_B, { nama: 'Tetangga Baru', tanggallahir: '1966-06-06', sex: 1 });
    const result = await recordArrival(t.db, actor, DESA_B, {
      person: person({ nama: 'Anto', nik }),
      lingkunganId: inB.lingkunganId,
      family: { kind: 'new', noKk: null, alamat: 'Maguan RT 1' },
      tglPeristiwa: '2026-11-03',
      tglLapor: null,
      alamatAsal: null,
      maksud: null,
      catatan: null,
    });
    expect(result).toEqual({ kind: 'dipindahkan', id: anto, dari: DESA_A });
    const now = await status(anto);
    expect(now).toMatchObject({ status_dasar: 1, desa_kode: DESA_B, kk_level: 1 });
    expect((await family(now.keluarga_id as number)).kepala_id).toBe(anto);
  });

  it('refuses a NIK already living in the same desa, naming where', async () => {
    const nik = makeNik('1975-05-05', 1);
    await insertFamily(t.db, DESA_A, { nama: 'Asli', tanggallahir: '1975-05-05', sex: 1, nik });
    const again = await fails(
      insertFamily(t.db, DESA_B, { nama: 'Asli Lagi', tanggallahir: '1975-05-05', sex: 1, nik }),
    );
    expect(again.status).toBe(409);
    expect(again.fields.nik).toBe('nikSudahTerdaftar|Desa Meteseh, Kecamatan Kaliori');
  });
});
