import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { signIn } from './pages.mjs';
import { DESA } from './registry.mjs';
import { msSince } from './stats.mjs';

/**
 * The statistics measurements on one loaded database (the whole-kabupaten demo): the services from dist/ and
 * the HTTP routes through `app.inject`, in three cache states — cold (the first request after a process
 * start: every desa computed), warm (nothing changed since the last request) and "after a change" (one desa's
 * register was written just before each request: the realistic case, one desa recomputed).
 */
const dist = (path) => import(new URL(`../../dist/src/${path}`, import.meta.url).href);
const optional = (path) => dist(path).catch(() => null);
export const KAB = '33.17';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
/** Heap in use after a full collection: what the process keeps. */
function heapKept() {
  gc();
  return process.memoryUsage().heapUsed;
}

async function timed(fn) {
  const start = process.hrtime.bigint();
  const out = await fn();
  return { ms: msSince(start), out };
}

/** One resident per desa whose row the "change" rewrites (a phone number: bumps the desa's change mark). */
async function changers(db, kodes) {
  const rows = await db
    .selectFrom('penduduk')
    .select(['desa_kode', (eb) => eb.fn.min('id').as('id')])
    .where('status_dasar', '=', 1)
    .where('desa_kode', 'in', kodes)
    .groupBy('desa_kode')
    .execute();
  const byDesa = new Map(rows.map((r) => [r.desa_kode, Number(r.id)]));
  let n = 0;
  return (kode) =>
    db
      .updateTable('penduduk')
      .set({ telepon: `0812${String(++n).padStart(8, '0')}` })
      .where('id', '=', byDesa.get(kode))
      .execute();
}

/**
 * Returns { rows: [{ what, state, target, samples, note? }], memory, desaCount, skipped: [] }.
 * `runs` warm samples, `changeRuns` after-change samples, `coldRuns` cold samples (each after forgetting the cache).
 */
export async function measureStatistik(db, dialect, demo, { runs, changeRuns, coldRuns, log }) {
  const svc = await dist('features/statistik/statistik.service.js');
  const ctx = { db, dialect };
  const slugs = svc.SEMUA_KATEGORI.map((k) => k.slug);
  const kodes = await svc.desaDi(db, KAB);
  const change = await changers(db, kodes);
  const rows = [];
  const skipped = [];
  const add = (what, state, target, samples, note) => {
    rows.push({ what, state, target, samples, note });
    log(`  ${dialect} ${what} (${state}): ${samples.length} runs`);
  };
  const repeat = async (n, fn) => {
    const samples = [];
    for (let i = 0; i < n; i += 1) samples.push((await timed(() => fn(i))).ms);
    return samples;
  };
  const coldly = (fn) =>
    repeat(coldRuns, async (i) => {
      svc.lupakanCache();
      return fn(i);
    });
  const slug = (i) => slugs[i % slugs.length];
  const otherDesa = (i) => kodes[(i * 37) % kodes.length];

  // any category for the kabupaten
  svc.lupakanCache();
  const heapEmpty = heapKept();
  add('category, kabupaten (`tabelWilayah`)', 'cold', 100, await coldly(() => svc.tabelWilayah(ctx, KAB, 'pekerjaan')));
  const heapCached = heapKept();
  await repeat(5, (i) => svc.tabelWilayah(ctx, KAB, slug(i)));
  add(
    'category, kabupaten (`tabelWilayah`)',
    'warm',
    100,
    await repeat(runs, (i) => svc.tabelWilayah(ctx, KAB, slug(i))),
  );
  const afterChange = [];
  for (let i = 0; i < changeRuns; i += 1) {
    await change(otherDesa(i));
    afterChange.push((await timed(() => svc.tabelWilayah(ctx, KAB, slug(i)))).ms);
  }
  add('category, kabupaten (`tabelWilayah`)', 'after a change', 100, afterChange);

  // a category for one desa
  add(`category, desa ${DESA}`, 'cold', 10, await coldly(() => svc.tabelWilayah(ctx, DESA, 'pekerjaan')));
  await svc.tabelWilayah(ctx, KAB, 'agama'); // the whole cache again
  add(`category, desa ${DESA}`, 'warm', 10, await repeat(runs, (i) => svc.tabelWilayah(ctx, DESA, slug(i))));
  const desaChange = [];
  for (let i = 0; i < changeRuns; i += 1) {
    await change(DESA);
    desaChange.push((await timed(() => svc.tabelWilayah(ctx, DESA, slug(i)))).ms);
  }
  add(`category, desa ${DESA}`, 'after a change', 10, desaChange);

  // "as of" a past date: rebuilt from the event history
  const per = new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 10);
  const heapToday = heapKept();
  add(`category, kabupaten, as of ${per}`, 'cold (this date)', null, [
    (await timed(() => svc.tabelWilayah(ctx, KAB, 'agama', per))).ms,
  ]);
  const heapPer = heapKept() - heapToday;
  add(
    `category, kabupaten, as of ${per}`,
    'warm',
    null,
    await repeat(runs, (i) => svc.tabelWilayah(ctx, KAB, slug(i), per)),
  );
  add(
    `category, desa, as of ${per}`,
    'cold (this date)',
    null,
    await coldly(() => svc.tabelWilayah(ctx, DESA, 'agama', per)),
  );

  // the HTTP side: open-data API, dashboard page, monthly report
  const [{ buildApp }, { loadEnv }] = await Promise.all([dist('app.js'), dist('env.js')]);
  const dataDir = mkdtempSync(join(tmpdir(), 'balai-bench-statistik-'));
  const env = loadEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent', BALAI_DATA_DIR: dataDir });
  const app = await buildApp({ env, db, dialect, logger: false });
  try {
    await svc.tabelWilayah(ctx, KAB, 'agama');
    const api = (i) => `/api/v1/statistik/${KAB}/${slug(i)}`;
    const get = async (url, headers = {}) => {
      const res = await app.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return res;
    };
    await get(api(0));
    add(
      'open-data API, kabupaten (`GET /api/v1/statistik/33.17/…`)',
      'warm',
      100,
      await repeat(runs, (i) => get(api(i))),
    );
    const apiChange = [];
    for (let i = 0; i < changeRuns; i += 1) {
      await change(otherDesa(i));
      apiChange.push((await timed(() => get(api(i)))).ms);
    }
    add('open-data API, kabupaten (`GET /api/v1/statistik/33.17/…`)', 'after a change', 100, apiChange);

    const sandi = demo.akun.find((a) => a.username === 'kab.rembang')?.sandi;
    const cookie = await signIn(app, 'kab.rembang', sandi);
    const probe = await app.inject({ method: 'GET', url: `/statistik/${KAB}`, headers: { cookie } });
    if (probe.statusCode === 200) {
      const page = () => get(`/statistik/${KAB}`, { cookie });
      add('kabupaten dashboard page (`GET /statistik/33.17`)', 'warm', 200, await repeat(Math.min(runs, 50), page));
      const pageChange = [];
      for (let i = 0; i < changeRuns; i += 1) {
        await change(otherDesa(i));
        pageChange.push((await timed(page)).ms);
      }
      add(
        'kabupaten dashboard page (`GET /statistik/33.17`)',
        'after a change',
        200,
        pageChange,
        `${(probe.body.length / 1024).toFixed(0)} KiB HTML`,
      );
    } else {
      const dash = await optional('features/statistik/statistik-dashboard.service.js');
      const reason = `GET /statistik/${KAB} answered ${probe.statusCode} (route not wired yet)`;
      if (dash) {
        const today = svc.hariIni();
        const call = () => dash.dashboardWilayah(ctx, KAB, today, { dusun: false });
        await call();
        add(
          'kabupaten dashboard, service only (`dashboardWilayah`)',
          'warm',
          200,
          await repeat(Math.min(runs, 50), call),
          reason,
        );
        const dashChange = [];
        for (let i = 0; i < changeRuns; i += 1) {
          await change(otherDesa(i));
          dashChange.push((await timed(call)).ms);
        }
        add('kabupaten dashboard, service only (`dashboardWilayah`)', 'after a change', 200, dashChange, reason);
      } else skipped.push(`kabupaten dashboard: ${reason}, and no dashboard service in dist/`);
    }

    const bulanan = await optional('features/statistik/laporan-bulanan.service.js');
    if (bulanan) {
      const today = svc.hariIni();
      const bulanIni = today.slice(0, 7);
      const lalu = new Date(`${bulanIni}-01T00:00:00Z`);
      lalu.setUTCMonth(lalu.getUTCMonth() - 1);
      const bulanLalu = lalu.toISOString().slice(0, 7);
      for (const bulan of [bulanLalu, bulanIni]) {
        await bulanan.laporanBulanan(ctx, DESA, bulan);
        add(
          `monthly report, desa (\`laporanBulanan\`, ${bulan})`,
          'warm',
          50,
          await repeat(Math.min(runs, 50), () => bulanan.laporanBulanan(ctx, DESA, bulan)),
        );
      }
      const repChange = [];
      for (let i = 0; i < changeRuns; i += 1) {
        await change(DESA);
        repChange.push((await timed(() => bulanan.laporanBulanan(ctx, DESA, bulanLalu))).ms);
      }
      add(`monthly report, desa (\`laporanBulanan\`, ${bulanLalu})`, 'after a change', 50, repChange);
    } else skipped.push('monthly report: laporan-bulanan.service.js not in dist/');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const residents = Number(
    (
      await db
        .selectFrom('penduduk')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status_dasar', '=', 1)
        .executeTakeFirstOrThrow()
    ).n,
  );
  return {
    rows,
    skipped,
    desaCount: kodes.length,
    residents,
    memory: { cacheBytes: heapCached - heapEmpty, perDateBytes: heapPer, rss: process.memoryUsage().rss },
  };
}
