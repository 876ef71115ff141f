/**
 * One letter's PDF, measured on the built app in dist/ (for surat.mjs): renderSuratPdf of a one-page F4 domisili
 * letter with its QR, LocalPadesSigner on it, and both one after the other — rounds of timed runs after a warm-up.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { msSince, percentile } from './stats.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dist = (p) => import(pathToFileURL(join(ROOT, 'dist/src', p)).href);

/** The renderer tests' logo: a green disc on white (tests/support/surat-fixture.ts). */
export function logoPng(size = 120) {
  const png = new PNG({ width: size, height: size });
  const r = size / 2;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const inside = (x - r) ** 2 + (y - r) ** 2 < (r - 2) ** 2;
      png.data.set(inside ? [20, 140, 60, 255] : [255, 255, 255, 255], i);
    }
  return PNG.sync.write(png);
}

/** p50/p90/max of each round. */
export const summary = (samples) => ({
  p50: percentile(samples, 50),
  p90: percentile(samples, 90),
  max: Math.max(...samples),
  n: samples.length,
});

async function timeRuns(fn, { warmup, runs }) {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(msSince(t0));
  }
  return summary(samples);
}

/** suratInput() of tests/support/surat-fixture.ts, with a real signed token in the QR. */
async function domisiliInput() {
  const { signToken, kidOf } = await dist('domain/surat-token.js');
  const fixture = readFileSync(join(ROOT, 'tests/support/surat-fixture.ts'), 'utf8');
  const body = fixture.match(/BODY_DOMISILI = `([\s\S]*?)`;/)?.[1];
  if (!body) throw new Error('BODY_DOMISILI not found in tests/support/surat-fixture.ts');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const nomor = 'S-41/007/33.17.05.2001/XI/2026';
  const token = signToken(
    {
      id: randomBytes(12).toString('base64url'),
      nomor,
      desa: '33.17.05.2001',
      tanggal: '2026-11-28',
      berlaku: '2026-12-28',
      hash: 'ab'.repeat(32),
    },
    { kid: kidOf(publicKey), privateKey },
  );
  return {
    layout: { kertas: 'F4', orientasi: 'portrait', margin: { kiri: 2, atas: 1.5, kanan: 2, bawah: 1.5 } },
    kop: {
      logo: new Uint8Array(logoPng()),
      garuda: false,
      baris: ['PEMERINTAH KABUPATEN REMBANG', 'KECAMATAN KALIORI', 'DESA BANYUDONO'],
      alamat: 'Jl. Raya Banyudono No. 1, Kaliori, Rembang 59252',
    },
    judul: 'Surat Keterangan Domisili',
    nomor,
    body,
    values: {
      nama_desa: 'BANYUDONO',
      nama_kecamatan: 'KALIORI',
      nama_kabupaten: 'REMBANG',
      nama: 'Siti Aminah',
      nik: '3317054101900001',
      no_kk: '3317050101900009',
      tempat_lahir: 'REMBANG',
      tanggal_lahir: '01 Januari 1990',
      jenis_kelamin: 'PEREMPUAN',
      agama: 'ISLAM',
      status_kawin: 'KAWIN',
      pekerjaan: 'WIRASWASTA',
      warganegara: 'WNI',
      pendidikan: 'SLTA/SEDERAJAT',
      alamat: 'RT 003/RW 001',
      dusun: 'KRAJAN',
      form_keperluan: 'melamar pekerjaan',
    },
    tempatTanggal: 'Banyudono, 28 November 2026',
    penandatangan: { atasNama: null, ub: null, jabatan: 'Kepala Desa Banyudono', nama: 'AHMAD FAUZI', nip: null },
    qr: { url: `https://sid.rembangkab.go.id/v/${token}` },
    tte: true,
    draf: false,
    lampiran: [],
  };
}

/**
 * Render only, sign only, render + sign: `rounds` rounds of each (interleaved, so noise spreads over all three),
 * each `runs` timed runs after `warmup`. Keys come from a migrated SQLite database (ensureDesaCertificate).
 */
export async function measureRenderSign({ rounds, warmup, runs, log }) {
  const [{ renderSuratPdf }, { LocalPadesSigner }, { ensureDesaCertificate }, { openDatabase }, { migrateToLatest }] =
    await Promise.all([
      dist('features/surat/render/surat-render.js'),
      dist('lib/signing/pades-signer.js'),
      dist('lib/signing/keystore.js'),
      dist('lib/db/connect.js'),
      dist('lib/db/migrate.js'),
    ]);
  const dir = mkdtempSync(join(tmpdir(), 'balai-bench-surat-'));
  const { db, close } = openDatabase({ dialect: 'sqlite', file: join(dir, 'balai.db') });
  try {
    await migrateToLatest(db);
    const t0 = process.hrtime.bigint();
    const cert = await ensureDesaCertificate(
      db,
      { dataDir: dir },
      {
        kode: '33.17.05.2001',
        nama: 'Desa Banyudono',
        kabupatenKode: '33.17',
        kabupatenNama: 'KABUPATEN REMBANG',
      },
    );
    const keyMs = msSince(t0);
    const signer = new LocalPadesSigner(cert);
    const input = await domisiliInput();
    const first = await renderSuratPdf(input);
    if (first.halaman !== 1 || first.unknown.length > 0)
      throw new Error(`expected one page and no unknown placeholder: ${first.halaman}, ${first.unknown.join(', ')}`);
    const opts = { reason: `Keterangan Domisili ${input.nomor}`, location: 'Desa Banyudono', name: 'AHMAD FAUZI' };
    const signedOnce = await signer.signPdf(first.pdf, opts);
    if (!(await signer.verifyPdf(signedOnce)).valid) throw new Error('the signed letter does not verify');
    const render = () => renderSuratPdf(input);
    const sign = () => signer.signPdf(first.pdf, opts);
    const both = async () => signer.signPdf((await renderSuratPdf(input)).pdf, opts);
    const out = { render: [], sign: [], both: [], keyMs, pdfBytes: first.pdf.length, signedBytes: signedOnce.length };
    for (let r = 1; r <= rounds; r += 1) {
      out.render.push(await timeRuns(render, { warmup, runs }));
      out.sign.push(await timeRuns(sign, { warmup, runs }));
      out.both.push(await timeRuns(both, { warmup, runs }));
      log(
        `render/sign round ${r}: render p50 ${out.render.at(-1).p50.toFixed(1)} ms, sign p50 ${out.sign.at(-1).p50.toFixed(1)} ms, both p50 ${out.both.at(-1).p50.toFixed(1)} ms`,
      );
    }
    return out;
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}
