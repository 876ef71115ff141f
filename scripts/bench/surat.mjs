/**
 * Letter PDF benchmark (issue: layanan surat): how long one letter's PDF takes — render only, sign only, both —
 * and the kepala desa's final approval as the product runs it (number + render + sign + store in one
 * transaction), on SQLite and a throwaway PostgreSQL; then 100 letters approved at once, checking errors and
 * numbers. Measurements in surat-render-ukur.mjs and surat-terbit-ukur.mjs; `node scripts/bench/surat.mjs [--quick]` prints the section alone.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { markdownTable } from './markdown.mjs';
import { startThrowawayPostgres } from './postgres.mjs';
import { formatMs, max, median, min } from './stats.mjs';
import { measureRenderSign } from './surat-render-ukur.mjs';
import { measureApproval, WARGA } from './surat-terbit-ukur.mjs';

const TARGET_MS = 50;
const verdict = (ok) => (ok ? 'met' : '**missed**');
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `rounds` (one summary per round) → median of the round p50s with their range, median p90, overall max. */
function timingRow(label, runs, rounds, target) {
  const p50s = rounds.map((r) => r.p50);
  const mid = median(p50s);
  const range = rounds.length > 1 ? ` (${formatMs(min(p50s))}–${formatMs(max(p50s))})` : '';
  return [
    label,
    `${rounds.length} × ${runs}`,
    `${formatMs(mid)}${range}`,
    formatMs(median(rounds.map((r) => r.p90))),
    formatMs(max(rounds.map((r) => r.max))),
    target ? `< ${TARGET_MS} ms` : '—',
    target ? verdict(mid < TARGET_MS) : '—',
  ];
}

async function approvalOnPostgres(options) {
  let server;
  try {
    server = await startThrowawayPostgres();
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    await c.query('create database bench_surat');
    await c.end();
    const url = server.url.replace(/\/postgres$/, '/bench_surat');
    const result = await measureApproval({ dialect: 'postgres', url }, { ...options, label: 'postgres' });
    return { ...result, version: `PostgreSQL ${server.version.match(/(\d+(\.\d+)*)/)?.[1] ?? ''}`.trim() };
  } catch (error) {
    options.log(`PostgreSQL part skipped: ${error.message}`);
    return { skipped: error.message.split('\n')[0] };
  } finally {
    server?.stop();
  }
}

function batchRow(name, r, batch) {
  const walls = r.batches.map((b) => b.wallMs);
  const others = r.batches.flatMap((b) => b.others);
  const sum = (k) => r.batches.reduce((a, b) => a + (Array.isArray(b[k]) ? b[k].length : b[k]), 0);
  const ok = sum('errors') + sum('unfinished') + sum('missingPdf') + sum('duplicates') + sum('gaps') === 0;
  return [
    name,
    `${r.batches.length} × ${batch}`,
    `${formatMs(median(walls))} (${formatMs(min(walls))}–${formatMs(max(walls))})`,
    formatMs(median(walls) / batch),
    `${formatMs(median(others))} / ${formatMs(max(others))}`,
    sum('errors'),
    sum('unfinished') + sum('missingPdf'),
    sum('duplicates'),
    sum('gaps'),
    verdict(ok),
  ];
}

function perLetter(lite, pgr, batch) {
  const cost = (r) => formatMs(median(r.batches.map((b) => b.wallMs)) / batch);
  const seq = (r) => formatMs(median(r.rounds.map((x) => x.p50)));
  const pgText = pgr.batches ? ` and PostgreSQL ${cost(pgr)} (sequential p50 ${seq(pgr)})` : '';
  return `In the batches a letter cost SQLite ${cost(lite)} of wall time (sequential p50 ${seq(lite)})${pgText}.`;
}

export async function suratSection({ quick = false, log = () => {}, machineLine = '' } = {}) {
  const micro = { rounds: quick ? 1 : 3, warmup: quick ? 5 : 20, runs: quick ? 30 : 200 };
  const approval = {
    rounds: quick ? 1 : 3,
    perRound: quick ? 20 : 100,
    warmup: quick ? 2 : 5,
    batches: quick ? 1 : 3,
    batch: 100,
    log,
  };
  log(`letter PDF: render / sign / both, ${micro.rounds} rounds × ${micro.runs} runs`);
  const rs = await measureRenderSign({ ...micro, log });
  log('final approval on SQLite');
  const lite = await measureApproval(null, { ...approval, label: 'sqlite' });
  log('final approval on PostgreSQL');
  const pgr = await approvalOnPostgres(approval);
  const loadEnd = loadavg()[0].toFixed(1);

  const timing = [
    timingRow('render only: `renderSuratPdf`, with QR', micro.runs, rs.render, false),
    timingRow('sign only: `LocalPadesSigner.signPdf`', micro.runs, rs.sign, false),
    timingRow('render + sign (signing included)', micro.runs, rs.both, true),
    timingRow('final approval `setujuiSurat`, SQLite', approval.perRound, lite.rounds, true),
  ];
  if (pgr.rounds)
    timing.push(timingRow(`final approval \`setujuiSurat\`, ${pgr.version}`, approval.perRound, pgr.rounds, true));
  const timingColumns = [
    'what',
    'rounds × runs',
    'p50, median of rounds (range)',
    'p90',
    'max',
    'target',
    'p50 vs target',
  ];
  const batches = [batchRow('SQLite (WAL)', lite, approval.batch)];
  if (pgr.batches) batches.push(batchRow(pgr.version, pgr, approval.batch));
  const batchColumns = [
    'database',
    'batches × letters',
    'wall time, median (min–max)',
    'per letter',
    'other query meanwhile, p50 / max',
    'errors',
    'not issued',
    'duplicates',
    'gaps',
    'verdict',
  ];
  const align = (list, leftCols) => list.map((title, i) => ({ title, align: leftCols.includes(i) ? 'left' : 'right' }));
  const signatures = [lite.signatureValid, pgr.signatureValid].filter((v) => v !== undefined);

  return `## Letters: PDF generation and signing

${machineLine}
Load average ${loadEnd} when this section ended.

- **Render only**: \`renderSuratPdf\` (Typst, in-process) of the renderer tests' letter
  (tests/support/surat-fixture.ts): a one-page F4 Surat Keterangan Domisili with letterhead and logo, 12-row data
  table, signature block, electronic-signature footer and the verification QR of a real signed token
  (${(rs.pdfBytes / 1024).toFixed(0)} KiB PDF). **Sign only**: \`LocalPadesSigner.signPdf\` on that PDF (PAdES baseline-B, RSA-2048
  desa key under the kabupaten CA from \`ensureDesaCertificate\`, ${(rs.signedBytes / 1024).toFixed(0)} KiB signed). **Render + sign**: both,
  one after the other: the issue's "PDF generation, signing included". Each round ${micro.warmup} warm-up runs, then
  ${micro.runs} timed; ${plural(micro.rounds, 'round')}, interleaved.
- **Final approval**: on a fresh migrated database with two Kaliori desa active (logo, address, kepala desa) and
  ${WARGA} resident families each, letters drafted and submitted with \`buatSurat\`, then approved by the kepala desa with
  \`setujuiSurat\` from \`dist/\`: status change, number from the desa's counter, values from the register, signed
  QR token, render, PAdES signature, PDF written to the file store with its SHA-256, history and audit rows, in one
  transaction. Timed one letter after another, ${approval.warmup} warm-up letters first, ${plural(approval.rounds, 'round')} of ${approval.perRound}.
  The first letter of a desa also makes its keys (RSA-2048 certificate, and the kabupaten's CA and token key): that
  one took ${formatMs(lite.firstMs)} on SQLite; it happens once per desa (and again at renewal, every two years).
- **100 at once**: 100 drafted letters of another desa approved together (\`Promise.all\` of 100 \`setujuiSurat\` in
  one process; PostgreSQL pool of 10 connections, as the app opens it). After each batch: every letter issued
  with its stored PDF, and the desa's domisili numbers are exactly 1…N, each once, with the counter at N.
- Signature check: the last letter of the sequential run validates against the kabupaten CA
  (\`verifyPadesPdf\`): ${signatures.every(Boolean) && signatures.length > 0 ? 'yes' : '**no**'}.${pgr.skipped ? `\n- PostgreSQL skipped: ${pgr.skipped}` : ''}

${markdownTable(align(timingColumns, [0, 5, 6]), timing)}

${markdownTable(align(batchColumns, [0, 9]), batches)}

${perLetter(lite, pgr, approval.batch)}
Rendering (Typst) and the RSA signature are synchronous work on the event loop, so the approvals of one process
never render at the same time; and approvals on one numbering sequence queue on its counter row by design: the
number is printed on the PDF, so it is taken before rendering and held until the transaction commits, and a
failure rolls the number back with the letter (no gap, no duplicate). While a batch runs, the rest of that
process waits too: the "other query" column is a one-row query sent every 100 ms during the batch. On PostgreSQL
each approval waiting for the counter row also holds one of the pool's 10 connections. A desa office approves a
few letters a minute; 100 at once is a stress test, not a workload.
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  process.stdout.write(
    await suratSection({ quick: process.argv.includes('--quick'), log: (l) => process.stderr.write(`${l}\n`) }),
  );
