import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn, todayIn } from '#src/domain/age.js';
import { parseNik } from '#src/domain/nik.js';
import { normaliseName } from '#src/domain/person-name.js';
import { dataWarnings } from '#src/features/penduduk/penduduk-rules.js';
import { nikPrefixRegions } from '#src/features/wilayah/region-set.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { activate, DESA_A, DESA_B } from '../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { seedLingkungan } from './demo.service.js';
import { generateDesaPenduduk } from './demo-penduduk.js';
import { type DemoPendudukResult, loadDemoPenduduk } from './demo-penduduk.service.js';
import { desaSizes, desaUnits, isCoastal, kabupatenPlan } from './demo-plan.js';

const actor = systemActor('demo');
const SKALA = 0.1;
const TODAY = todayIn();

describe('demo residents (2 desa at a tenth of their size)', () => {
  let t: TestDatabase;
  let first: DemoPendudukResult;
  beforeAll(async () => {
    t = await createTestDatabase();
    for (const kode of [DESA_A, DESA_B]) {
      await activate(t.db, kode);
      await seedLingkungan(t.db, actor, kode);
    }
    first = await loadDemoPenduduk(t.db, actor, [DESA_A, DESA_B], { skala: SKALA, today: TODAY });
  });
  afterAll(() => t.close());

  const residents = () => t.db.selectFrom('penduduk').selectAll().execute();

  it('fills each desa with its scaled size (whole families), one audit row per desa', async () => {
    const sizes = desaSizes((await kabupatenPlan(t.db)).desa);
    let total = 0;
    for (const kode of [DESA_A, DESA_B]) {
      const target = Math.round((sizes.get(kode) ?? 0) * SKALA);
      expect(target).toBeGreaterThanOrEqual(300);
      const n = await t.db
        .selectFrom('penduduk')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('desa_kode', '=', kode)
        .executeTakeFirstOrThrow();
      // families are whole: the last one may go a few people past the target
      expect(Number(n.n) - target).toBeGreaterThanOrEqual(0);
      expect(Number(n.n) - target).toBeLessThan(15);
      total += Number(n.n);
      const audits = await t.db
        .selectFrom('audit_log')
        .select('alasan')
        .where('desa_kode', '=', kode)
        .where('aksi', '=', 'demo')
        .execute();
      expect(audits).toEqual([{ alasan: `demo: ${n.n} penduduk` }]);
    }
    expect(first).toEqual({ desaDiisi: 2, desaDilewati: 0, penduduk: total });
  });

  it('gives every resident a valid NIK matching birth date and sex: no data-quality warnings, no duplicates', async () => {
    const regions = await nikPrefixRegions(t.db);
    const rows = await residents();
    for (const p of rows) {
      const parsed = parseNik(p.nik ?? '');
      expect(parsed.ok, p.nik ?? '').toBe(true);
      expect(
        dataWarnings(p, (k) => regions.has(k)),
        `${p.nik} ${p.tanggallahir} ${p.sex}`,
      ).toEqual([]);
      expect(p.nama_normal).toBe(normaliseName(p.nama));
    }
    expect(new Set(rows.map((p) => p.nik)).size).toBe(rows.length);
    const local = rows.filter((p) => p.nik?.startsWith('331709')).length;
    expect(local / rows.length).toBeGreaterThan(0.75);
    expect(await t.db.selectFrom('penduduk_peringatan').select('kode').execute()).toEqual([]);
  });

  it('keeps every active family with a living head (SHDK 1) who is a member, and unique 16-digit KK numbers', async () => {
    const families = await t.db.selectFrom('keluarga').selectAll().execute();
    expect(families.length).toBeGreaterThan(50);
    const rows = await residents();
    const byId = new Map(rows.map((p) => [p.id, p]));
    for (const k of families) {
      expect(k.ditutup_pada).toBeNull();
      const head = byId.get(k.kepala_id ?? -1);
      expect(head, `keluarga ${k.id}`).toMatchObject({ keluarga_id: k.id, kk_level: 1, status_dasar: 1 });
      expect(head?.lingkungan_id).toBe(k.lingkungan_id);
      const livingHeads = rows.filter((p) => p.keluarga_id === k.id && p.kk_level === 1 && p.status_dasar === 1);
      expect(livingHeads).toHaveLength(1);
      expect(k.no_kk).toMatch(/^331709\d{10}$/);
    }
    expect(new Set(families.map((k) => k.no_kk)).size).toBe(families.length);
    for (const p of rows) expect(p.lingkungan_id).toBe(families.find((k) => k.id === p.keluarga_id)?.lingkungan_id);
    const history = await t.db.selectFrom('keluarga_no_kk').select('keluarga_id').execute();
    expect(history).toHaveLength(families.length);
  });

  it('gives most families a household headed by the family head', async () => {
    const households = await t.db.selectFrom('rumah_tangga').selectAll().execute();
    const families = await t.db.selectFrom('keluarga').select('id').execute();
    expect(households.length / families.length).toBeGreaterThan(0.75);
    const rows = await residents();
    for (const h of households) {
      const head = rows.find((p) => p.id === h.kepala_id);
      expect(head).toMatchObject({ rumah_tangga_id: h.id, rtm_level: 1, kk_level: 1, status_dasar: 1 });
    }
  });

  it('records an event for every status change and every recent birth, all dated in the past', async () => {
    const rows = await residents();
    const events = await t.db.selectFrom('peristiwa').selectAll().execute();
    const of = (id: number) => events.filter((e) => e.penduduk_id === id);
    const gone = rows.filter((p) => p.status_dasar !== 1);
    expect(gone.length).toBeGreaterThan(0);
    for (const p of gone) {
      expect(of(p.id).map((e) => [e.kode, e.status_sebelum, e.status_sesudah])).toContainEqual([
        p.status_dasar,
        1,
        p.status_dasar,
      ]);
    }
    for (const p of rows.filter((r) => ageOn(r.tanggallahir ?? '', TODAY) < 2 && r.alamat_sebelumnya === null)) {
      if (of(p.id).some((e) => e.kode === 5)) continue;
      expect(of(p.id)).toContainEqual(expect.objectContaining({ kode: 1, tgl_peristiwa: p.tanggallahir }));
    }
    expect(events.filter((e) => e.kode === 5).length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.tgl_peristiwa <= TODAY && e.tgl_lapor <= TODAY && e.tgl_peristiwa <= e.tgl_lapor).toBe(true);
      const p = rows.find((r) => r.id === e.penduduk_id);
      expect(e.tgl_peristiwa >= (p?.tanggallahir ?? '')).toBe(true);
      expect(e.keluarga_id).toBe(p?.keluarga_id);
    }
  });

  it('keeps marital status, pregnancy, contraception and identity cards consistent with age and sex', async () => {
    for (const p of await residents()) {
      const age = ageOn(p.tanggallahir ?? '', TODAY);
      if (age < 17) expect([p.status_kawin, p.status_rekam]).toEqual([1, 1]);
      if (p.hamil === 1) expect([p.sex, p.status_kawin, age >= 18 && age <= 45]).toEqual([2, 2, true]);
      if (p.sex === 1) expect(p.hamil).toBeNull();
      if (p.cara_kb_id !== null) expect(p.status_kawin).toBe(2);
      if (p.kk_level === 4 || p.kk_level === 6) expect(p.nama_ibu).toBeTruthy();
      if (p.status_kawin === 1) expect(p.tanggalperkawinan).toBeNull();
    }
  });

  it('adds nothing when run again', async () => {
    const count = async (table: 'penduduk' | 'keluarga' | 'peristiwa' | 'rumah_tangga' | 'audit_log') =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const tables = ['penduduk', 'keluarga', 'peristiwa', 'rumah_tangga', 'audit_log'] as const;
    const before = await Promise.all(tables.map(count));
    const again = await loadDemoPenduduk(t.db, actor, [DESA_A, DESA_B], { skala: SKALA, today: TODAY });
    expect(again).toEqual({ desaDiisi: 0, desaDilewati: 2, penduduk: 0 });
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });

  it('is deterministic: the same desa, size and date give the same people', async () => {
    const kabupaten = await kabupatenPlan(t.db);
    const home = kabupaten.kecamatan.find((k) => k.kode === '33.17.09');
    if (!home) throw new Error('Kaliori tidak ditemukan');
    const plan = {
      desaKode: DESA_A,
      desaIndex: kabupaten.desa.indexOf(DESA_A),
      size: 300,
      units: await desaUnits(t.db, DESA_A),
      home,
      origins: kabupaten.origins.filter((o) => o.kode !== '33.17.09'),
      coastal: isCoastal(DESA_A),
      today: TODAY,
    };
    expect(generateDesaPenduduk(plan)).toEqual(generateDesaPenduduk(plan));
    const stored = await t.db
      .selectFrom('penduduk')
      .select(['nik', 'nama', 'tanggallahir'])
      .where('desa_kode', '=', DESA_A)
      .orderBy('nik')
      .execute();
    const again = generateDesaPenduduk({ ...plan, size: stored.length });
    const generated = again.persons.map((p) => ({ nik: p.nik, nama: p.nama, tanggallahir: p.tanggallahir }));
    expect(generated.sort((a, b) => (a.nik < b.nik ? -1 : 1))).toEqual(stored);
  });
});
