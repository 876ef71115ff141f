import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { markdownTable } from './markdown.mjs';
import { median, sleep } from './stats.mjs';

/**
 * `npm run bench -- situs`: the public desa site on SQLite with the 23-desa Kaliori demo (residents + the demo's
 * news, announcements and agenda), served by the built server (dist/) in production mode, logging off.
 * - Throughput: autocannon (same machine, so the load generator takes CPU from the server) on the desa home
 *   page, side by side with /healthz in the same minute (ratio = how much the page costs over an empty answer).
 * - Weight: what a first visit to the home page transfers (HTML + CSS + JS, gzip), photos excluded.
 * - Lighthouse (mobile, simulated throttling) with Debian Chromium on home, an article and a statistics page.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DESA = '33.17.09.2001';
const verdict = (ok) => (ok ? 'met' : '**missed**');
const left = (title) => ({ title, align: 'left' });
const right = (title) => ({ title, align: 'right' });

async function waitForHealth(base) {
  for (let i = 0; i < 300; i += 1) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
    } catch {}
    await sleep(200);
  }
  throw new Error('server did not start');
}

async function cannon(url, duration, connections) {
  const result = await autocannon({ url, duration, connections, pipelining: 1 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors,
  };
}

/** Bytes a first visit transfers: the page and every stylesheet/script it links, each gzip-compressed. */
async function weight(base, path) {
  const get = async (p) => {
    const res = await fetch(`${base}${p}`, { headers: { 'accept-encoding': 'identity' } });
    return Buffer.from(await res.arrayBuffer());
  };
  const html = await get(path);
  const links = [
    ...html.toString('utf8').matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g),
  ].map((m) => m[1]);
  let total = gzipSync(html, { level: 6 }).length;
  const parts = [`HTML ${gzipSync(html).length} B`];
  for (const link of links) {
    const body = await get(link);
    const gz = gzipSync(body, { level: 6 }).length;
    total += gz;
    parts.push(`${link.split('/').pop()} ${gz} B`);
  }
  return { total, parts, scripts: links.filter((l) => l.endsWith('.js')).length };
}

async function lighthouseScores(urls, log) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const out = [];
    for (const url of urls) {
      const perf = [];
      const a11y = [];
      for (let i = 0; i < 3; i += 1) {
        const r = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        perf.push(Math.round((r.lhr.categories.performance.score ?? 0) * 100));
        a11y.push(Math.round((r.lhr.categories.accessibility.score ?? 0) * 100));
      }
      log(`  lighthouse ${url}: performance ${perf.join('/')}, accessibility ${a11y.join('/')}`);
      out.push({ url, perf: median(perf), a11y: median(a11y), perfAll: perf });
    }
    return out;
  } finally {
    await chrome.kill();
  }
}

export async function situsSection({ quick, log, machineLine }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'balai-bench-situs-'));
  const port = 3900 + Math.floor(Math.random() * 50);
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: `sqlite:${join(dataDir, 'balai.db')}`,
    BALAI_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  let server;
  try {
    log('situs: loading the 23-desa demo');
    const demo = spawnSync(process.execPath, ['bin/balai.js', 'demo'], { cwd: ROOT, env, encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
    server = spawn(process.execPath, ['dist/src/server.js'], { cwd: ROOT, env, stdio: 'ignore' });
    await waitForHealth(base);
    const home = `/situs/${DESA}`;
    const page = await fetch(`${base}${home}`);
    if (!page.ok) throw new Error(`GET ${home}: ${page.status}`);
    const body = await page.text();
    const article = /href="(\/situs\/[^"]+\/artikel\/[^"/]+)"/.exec(body)?.[1];
    if (!article) throw new Error('no article link on the demo home page');
    const stats = `/situs/${DESA}/statistik/jenis-kelamin`;
    // warm up (page cache, statistics cache, JIT)
    await cannon(`${base}${home}`, 3, 16);

    const rounds = quick ? 1 : 3;
    const duration = quick ? 5 : 10;
    const rows = { home: [], healthz: [], article: [] };
    for (let i = 0; i < rounds; i += 1) {
      rows.home.push(await cannon(`${base}${home}`, duration, 32));
      rows.healthz.push(await cannon(`${base}/healthz`, duration, 32));
      rows.article.push(await cannon(`${base}${article}`, duration, 32));
      log(
        `  round ${i + 1}: home ${Math.round(rows.home.at(-1).rps)}/s, healthz ${Math.round(rows.healthz.at(-1).rps)}/s`,
      );
    }
    // the same home page with the page cache off (every request renders: statistics check, news queries, HTML)
    server.kill('SIGTERM');
    await sleep(1_000);
    server = spawn(process.execPath, ['dist/src/server.js'], {
      cwd: ROOT,
      env: { ...env, BALAI_SITUS_CACHE_DETIK: '0' },
      stdio: 'ignore',
    });
    await waitForHealth(base);
    await cannon(`${base}${home}`, 3, 16);
    const uncached = [];
    for (let i = 0; i < rounds; i += 1) uncached.push(await cannon(`${base}${home}`, duration, 32));
    log(`  home without page cache: ${uncached.map((r) => Math.round(r.rps)).join(', ')}/s`);
    const w = await weight(base, home);
    const lh = await lighthouseScores([`${base}${home}`, `${base}${article}`, `${base}${stats}`], log);

    const rps = (list) => median(list.map((r) => r.rps));
    const p50 = (list) => median(list.map((r) => r.p50));
    const bad = (list) => list.reduce((a, r) => a + r.bad, 0);
    const homeRps = rps(rows.home);
    const throughput = markdownTable(
      [
        left('page'),
        right('rounds'),
        right('median req/s'),
        right('p50 latency'),
        right('non-2xx'),
        left('target'),
        left('verdict'),
      ],
      [
        [
          'desa home page',
          rounds,
          Math.round(homeRps).toLocaleString('en'),
          `${p50(rows.home)} ms`,
          bad(rows.home),
          '≥ 1,500 req/s',
          verdict(homeRps >= 1500),
        ],
        [
          'desa home page, page cache off (BALAI_SITUS_CACHE_DETIK=0)',
          rounds,
          Math.round(rps(uncached)).toLocaleString('en'),
          `${p50(uncached)} ms`,
          bad(uncached),
          '—',
          '—',
        ],
        [
          'an article page',
          rounds,
          Math.round(rps(rows.article)).toLocaleString('en'),
          `${p50(rows.article)} ms`,
          bad(rows.article),
          '—',
          '—',
        ],
        [
          '/healthz (empty answer, same minutes)',
          rounds,
          Math.round(rps(rows.healthz)).toLocaleString('en'),
          `${p50(rows.healthz)} ms`,
          bad(rows.healthz),
          '—',
          '—',
        ],
      ],
    );
    const scores = markdownTable(
      [left('page'), right('performance (median of 3)'), right('accessibility'), left('target'), left('verdict')],
      lh.map((r) => [
        r.url.replace(base, ''),
        `${r.perf} (${r.perfAll.join(', ')})`,
        r.a11y,
        '≥ 95, ≥ 95',
        verdict(r.perf >= 95 && r.a11y >= 95),
      ]),
    );
    return `## Public desa site

${machineLine}

- **Throughput**: \`autocannon\` with 32 connections for ${duration} s per round, ${rounds} rounds, against the built
  server (\`dist/src/server.js\`, production mode, logs off) on SQLite with the 23-desa Kaliori demo. The load
  generator runs **on the same 2-core machine** and takes CPU from the server; \`/healthz\` (an empty JSON answer) is
  measured in the same rounds, so the ratio shows what the page costs over the framework itself.
- **Weight**: a first visit to the home page, gzip: ${w.parts.join(', ')}; ${w.scripts} script(s).
- **Lighthouse** ${'`'}lighthouse${'`'} (mobile, simulated throttling, performance + accessibility) against Debian Chromium.

${throughput}

Home page vs /healthz: ${(homeRps / rps(rows.healthz)).toFixed(2)}× the throughput of an empty answer. Public pages
are the same for every visitor, so a rendered page is kept for \`BALAI_SITUS_CACHE_DETIK\` seconds (default 5; a
change shows within that time); the row with the cache off is what every request would cost without it.

| page weight (first visit, gzip) | target | verdict |
| --- | --- | --- |
| ${(w.total / 1024).toFixed(1)} KB | ≤ 60 KB | ${verdict(w.total <= 60 * 1024)} |

${scores}

For scale: OpenSID's home page on this machine served ~9 requests/s at 10,000 residents (p50 1.1 s) and transfers
2.4 MB over 57 requests (1.9 MB of script).
`;
  } finally {
    server?.kill('SIGTERM');
    await sleep(500);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
