import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '#src/domain/age.js';
import { recordBirth } from '#src/features/peristiwa/kedatangan.service.js';
import { recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { activate, DESA_A, DESA_B, insertFamily, person } from '../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { seedLingkungan } from './demo.service.js';
import { generateDesaPenduduk } from './demo-penduduk.js';
import { loadDemoPenduduk, planDesa } from './demo-penduduk.service.js';
import { desaSizes, kabupatenPlan } from './demo-plan.js';

const actor = systemActor('demo');
const TODAY = todayIn();
const DESA_C = '33.17.09.2003';

describe('demo residents next to existing data', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    for (const kode of [DESA_A, DESA_B, DESA_C]) await activate(t.db, kode);
    for (const kode of [DESA_A, DESA_B]) await seedLingkungan(t.db, actor, kode);
  });
  afterAll(() => t.close());

  it('avoids a NIK already living elsewhere in the installation', async () => {
    const kabupaten = await kabupatenPlan(t.db);
    const size = Math.round((desaSizes(kabupaten.desa).get(DESA_B) ?? 0) * 0.05);
    const plan = await planDesa(t.db, kabupaten, DESA_B, TODAY, size);
    const clash = plan ? generateDesaPenduduk(plan).persons[0] : undefined;
    if (!clash) throw new Error('no plan');
    const sex = clash.sex;
    await insertFamily(t.db, DESA_C, { nama: 'Pemilik NIK', tanggallahir: clash.tanggallahir, sex, nik: clash.nik });

    const result = await loadDemoPenduduk(t.db, actor, [DESA_B], { skala: 0.05, today: TODAY });
    expect(result.desaDiisi).toBe(1);
    const holders = await t.db.selectFrom('penduduk').select('desa_kode').where('nik', '=', clash.nik).execute();
    expect(holders).toEqual([{ desa_kode: DESA_C }]);
    const niks = await t.db.selectFrom('penduduk').select('nik').where('desa_kode', '=', DESA_B).execute();
    expect(new Set(niks.map((n) => n.nik)).size).toBe(niks.length);
  });

  it('leaves the registry working through its services: ids continue after the bulk-loaded ones', async () => {
    await loadDemoPenduduk(t.db, actor, [DESA_A], { skala: 0.05, today: TODAY });
    const family = await t.db
      .selectFrom('keluarga')
      .select(['id', 'lingkungan_id', 'kepala_id'])
      .where('desa_kode', '=', DESA_A)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const maxId = await t.db
      .selectFrom('penduduk')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    const baby = await recordBirth(t.db, actor, DESA_A, {
      person: person({ nama: 'Bayi Baru', sex: 2, tanggallahir: TODAY, nik: null }),
      lingkunganId: family.lingkungan_id ?? 0,
      keluargaId: family.id,
      kkLevel: 4,
      tglLapor: null,
      catatan: null,
    });
    expect(baby.id).toBeGreaterThan(Number(maxId.m));
    const eventId = await recordLeavingEvent(t.db, actor, baby.id, 3, {
      tgl_peristiwa: TODAY,
      tgl_lapor: TODAY,
      catatan: null,
      kepala_baru_id: null,
      meninggal_di: null,
      jam_mati: null,
      sebab: null,
      penolong_mati: null,
      akta_mati: null,
      ref_pindah: 3,
      alamat_tujuan: 'Kab. Pati',
    });
    const maxEvent = await t.db
      .selectFrom('peristiwa')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    expect(eventId).toBe(Number(maxEvent.m));
  });
});
