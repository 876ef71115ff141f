import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn } from './pages.mjs';
import { msSince } from './stats.mjs';

/**
 * Resident registry benchmarks on a database loaded with `loadDemo({ allDesa: true })` (Kabupaten Rembang,
 * 294 desa, ~650,000 residents): the load itself, then the services from dist/ timed in-process — a desa's
 * filtered resident list, NIK look-up, a name search across the kabupaten, recording events — and the HTTP
 * pages that show them (`app.inject`, signed in), when those routes exist.
 */
const dist = (path) => import(new URL(`../../dist/src/${path}`, import.meta.url).href);

export const DESA = '33.17.09.2001';
const KABUPATEN = '33.17';
const NAMES = ['siti', 'muh', 'sri'];

/** Open a fresh database at `target`, migrate, load the whole-kabupaten demo; returns the open db and timing. */
export async function loadRegistry(target, { skala = 1, log }) {
  const [{ openDatabase }, { migrateToLatest }, { loadDemo }] = await Promise.all([
    dist('lib/db/connect.js'),
    dist('lib/db/migrate.js'),
    dist('features/demo/demo.service.js'),
  ]);
  const opened = openDatabase(target);
  await migrateToLatest(opened.db);
  const start = process.hrtime.bigint();
  const demo = await loadDemo(opened.db, { allDesa: true, skala });
  const ms = msSince(start);
  log(
    `  ${opened.dialect}: ${demo.penduduk.penduduk.toLocaleString('en-US')} residents in ${(ms / 1000).toFixed(1)} s`,
  );
  return { ...opened, demo, loadMs: ms };
}

async function timeIt(label, fn, { warmup, runs }) {
  for (let i = 0; i < warmup; i += 1) await fn(i);
  const samples = [];
  let last;
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    last = await fn(warmup + i);
    samples.push(msSince(start));
  }
  return { label, samples, last };
}

/** A dusun of the desa with every unit under it (as the list service expands a unit filter). */
async function dusunWithUnits(db) {
  const units = await db
    .selectFrom('lingkungan')
    .select(['id', 'tingkat', 'induk_id'])
    .where('desa_kode', '=', DESA)
    .execute();
  const dusun = units.filter((u) => u.tingkat === 'dusun').sort((a, b) => a.id - b.id)[0];
  const ids = new Set([dusun.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.induk_id !== null && ids.has(u.induk_id) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return { dusunId: dusun.id, ids: [...ids] };
}

/** The service-level measurements; returns rows for the report. */
export async function measureRegistry(db, dialect, { warmup, runs, eventRuns, log }) {
  const [{ searchPenduduk, toQuery }, { listPenduduk, countPenduduk }, { recordLeavingEvent }, { recordBirth }] =
    await Promise.all([
      dist('features/penduduk/penduduk-list.service.js'),
      dist('features/penduduk/penduduk-list.repository.js'),
      dist('features/peristiwa/kepergian.service.js'),
      dist('features/peristiwa/kedatangan.service.js'),
    ]);
  const { systemActor } = await dist('lib/audit/audit.js');
  const { pendudukFields } = await dist('features/penduduk/penduduk.schema.js');
  const opts = { warmup, runs };
  const results = [];
  const add = (r, what, extra = {}) => {
    results.push({ ...r, what, ...extra });
    log(`  ${dialect} ${r.label}: ${r.samples.length} runs`);
  };
  const unit = await dusunWithUnits(db);
  const typical = { sex: 2, umur_min: 20, umur_maks: 40, lingkungan: unit.dusunId };
  const scope = { desaKode: DESA };
  const first = await searchPenduduk(db, scope, { ...typical, halaman: 1 });
  const lastPage = Math.max(1, Math.ceil(first.total / first.pageSize));
  const desaTotal = (await searchPenduduk(db, scope, {})).total;
  const deepPage = Math.max(1, Math.floor(desaTotal / 50 / 2));
  add(
    await timeIt('list p1', () => searchPenduduk(db, scope, { ...typical, halaman: 1 }), opts),
    'desa list: HIDUP + women + age 20–40 + dusun, page 1',
    { rows: first.total },
  );
  add(
    await timeIt(`list p${lastPage}`, () => searchPenduduk(db, scope, { ...typical, halaman: lastPage }), opts),
    `same filters, last page (${lastPage})`,
    { rows: first.total },
  );
  add(
    await timeIt('desa p1', () => searchPenduduk(db, scope, { halaman: 1 }), opts),
    'desa list, no filter (HIDUP, by name), page 1',
    { rows: desaTotal },
  );
  add(
    await timeIt(`desa p${deepPage}`, () => searchPenduduk(db, scope, { halaman: deepPage }), opts),
    `desa list, no filter, page ${deepPage}`,
    { rows: desaTotal },
  );
  const q = { ...toQuery({ ...typical, halaman: 1 }), desaKode: DESA, lingkunganIds: unit.ids };
  add(
    await timeIt('list rows only', () => listPenduduk(db, q), opts),
    'typical list: the page of rows alone (no count)',
    { kind: 'part' },
  );
  add(await timeIt('list count only', () => countPenduduk(db, q), opts), 'typical list: count(*) alone', {
    kind: 'part',
  });

  const niks = (
    await db
      .selectFrom('penduduk')
      .select('nik')
      .where('status_dasar', '=', 1)
      .where('id', '>', 0)
      .orderBy('nama_normal')
      .limit(2000)
      .execute()
  ).map((r) => r.nik);
  add(
    await timeIt('nik', (i) => searchPenduduk(db, { under: KABUPATEN }, { q: niks[(i * 37) % niks.length] }), opts),
    'NIK look-up across the kabupaten (q = 16 digits)',
  );

  for (const name of NAMES) {
    const found = await searchPenduduk(db, { under: KABUPATEN }, { q: name });
    add(
      await timeIt(`name ${name}`, () => searchPenduduk(db, { under: KABUPATEN }, { q: name }), opts),
      `name search "${name}" across the kabupaten, page 1`,
      { rows: found.total },
    );
    const nq = { ...toQuery({ q: name }), under: KABUPATEN };
    add(await timeIt(`name ${name} rows`, () => listPenduduk(db, nq), opts), `"${name}": the page of rows alone`, {
      kind: 'part',
    });
    add(await timeIt(`name ${name} count`, () => countPenduduk(db, nq), opts), `"${name}": count(*) alone`, {
      kind: 'part',
    });
  }

  const actor = systemActor('bench');
  const today = new Date().toISOString().slice(0, 10);
  const deaths = await db
    .selectFrom('penduduk')
    .select('id')
    .where('desa_kode', '>', `${KABUPATEN}.`)
    .where('desa_kode', '<', `${KABUPATEN}/`)
    .where('status_dasar', '=', 1)
    .where('kk_level', 'in', [4, 7, 8])
    .where('id', '>', 1000)
    .orderBy('nama_normal')
    .limit(warmup + eventRuns)
    .execute();
  const death = {
    tgl_peristiwa: today,
    tgl_lapor: today,
    catatan: null,
    kepala_baru_id: null,
    meninggal_di: 'Rumah',
    jam_mati: '04:30',
    sebab: 1,
    penolong_mati: 4,
    akta_mati: null,
  };
  add(
    await timeIt('event death', (i) => recordLeavingEvent(db, actor, deaths[i].id, 2, death), {
      warmup,
      runs: eventRuns,
    }),
    'recordLeavingEvent: death of a non-head (kode 2)',
  );
  const families = await db
    .selectFrom('keluarga')
    .select(['id', 'desa_kode', 'lingkungan_id'])
    .where('ditutup_pada', 'is', null)
    .orderBy('no_kk')
    .limit(warmup + eventRuns)
    .execute();
  const blank = Object.fromEntries(Object.keys(pendudukFields).map((k) => [k, null]));
  const birth = (i) => {
    const f = families[i];
    const person = {
      ...blank,
      nama: `Bayi Bench ${i}`,
      sex: 1 + (i % 2),
      tanggallahir: today,
      warganegara_id: 1,
      status: 1,
    };
    return recordBirth(db, actor, f.desa_kode, {
      person,
      lingkunganId: f.lingkungan_id,
      keluargaId: f.id,
      kkLevel: 4,
      tglLapor: null,
      catatan: null,
    });
  };
  add(await timeIt('event birth', birth, { warmup, runs: eventRuns }), 'recordBirth: a newborn into a family (kode 1)');
  return results;
}

/** The HTTP pages (server time, app.inject) when the routes exist; { skipped } otherwise. */
export async function measureRegistryPages(db, dialect, demo, { warmup, runs, log }) {
  const [{ buildApp }, { loadEnv }] = await Promise.all([dist('app.js'), dist('env.js')]);
  const dataDir = mkdtempSync(join(tmpdir(), 'balai-bench-data-'));
  const env = loadEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent', BALAI_DATA_DIR: dataDir });
  const app = await buildApp({ env, db, dialect, logger: false });
  try {
    const account = (u) => demo.akun.find((a) => a.username === u)?.sandi;
    const unit = await dusunWithUnits(db);
    const pages = [
      [
        'admin.meteseh',
        `/desa/${DESA}/penduduk?sex=2&umur_min=20&umur_maks=40&lingkungan=${unit.dusunId}`,
        'desa list, typical filters, page 1',
      ],
      ['admin.meteseh', `/desa/${DESA}/penduduk`, 'desa list, no filter, page 1'],
      ['kab.rembang', '/penduduk?q=siti', 'kabupaten name search "siti"'],
    ];
    const results = [];
    for (const [user, url, what] of pages) {
      const cookie = await signIn(app, user, account(user));
      const get = () => app.inject({ method: 'GET', url, headers: { cookie } });
      const res = await get();
      if (res.statusCode !== 200) {
        results.push({ label: url, what, skipped: `GET ${url} answered ${res.statusCode}` });
        continue;
      }
      const r = await timeIt(
        url,
        async () => {
          const page = await get();
          if (page.statusCode !== 200) throw new Error(`GET ${url}: ${page.statusCode}`);
        },
        { warmup, runs },
      );
      results.push({ ...r, what, bytes: res.body.length });
      log(`  ${dialect} ${url}: ${runs} requests`);
    }
    return results;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
