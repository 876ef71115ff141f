/**
 * The whole issue as the product does it (for surat.mjs), on the built app in dist/: on a fresh migrated database,
 * letters drafted with `buatSurat` and approved by the kepala desa with `setujuiSurat` (numbering + render + sign +
 * store in one transaction), one after another; then batches of letters approved all at once, checking every
 * letter and every number handed out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { msSince, sleep } from './stats.mjs';
import { checkNumbers } from './surat-nomor.mjs';
import { logoPng, summary } from './surat-render-ukur.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dist = (p) => import(pathToFileURL(join(ROOT, 'dist/src', p)).href);
/** Meteseh (sequential letters) and Maguan (the concurrent batches), two desa of Kaliori, Rembang */
const DESA_A = '33.17.09.2001';
const DESA_B = '33.17.09.2002';
const DOMISILI = 'surat-keterangan-domisili';
export const WARGA = 20;

let serial = 1;
/** A valid NIK for a Kaliori birth (1980–1999), with a fresh serial. */
const makeNik = (i, sex) =>
  `331709${String((i % 28) + 1 + (sex === 2 ? 40 : 0)).padStart(2, '0')}${String((i % 12) + 1).padStart(2, '0')}${80 + (i % 20)}${String(serial++).padStart(4, '0')}`;

/** A migrated database with both desa active (logo, address, kepala desa) and WARGA families in each. */
async function prepareDatabase(target, dir) {
  const [
    { openDatabase },
    { migrateToLatest },
    { activateDesa },
    { saveDesaLogo },
    keluarga,
    ensure,
    schema,
    audit,
    storage,
  ] = await Promise.all([
    dist('lib/db/connect.js'),
    dist('lib/db/migrate.js'),
    dist('features/desa/desa.service.js'),
    dist('features/desa/desa-logo.service.js'),
    dist('features/keluarga/keluarga.service.js'),
    dist('features/lingkungan/lingkungan-ensure.js'),
    dist('features/penduduk/penduduk.schema.js'),
    dist('lib/audit/audit.js'),
    dist('lib/storage.js'),
  ]);
  const opened = openDatabase(target ?? { dialect: 'sqlite', file: join(dir, 'balai.db') });
  const { db } = opened;
  await migrateToLatest(db);
  const actor = audit.systemActor('bench');
  const files = storage.createFileStore(join(dir, 'unggahan'));
  const niks = {};
  for (const [desaKode, kades] of [
    [DESA_A, 'SUTRISNO'],
    [DESA_B, 'SUPARMAN'],
  ]) {
    await activateDesa(db, actor, desaKode);
    await db
      .updateTable('desa')
      .set({ kepala_desa: kades, alamat: 'Jl. Raya Kaliori No. 1' })
      .where('kode', '=', desaKode)
      .execute();
    await saveDesaLogo(db, files, actor, desaKode, logoPng(240));
    const lingkunganId = await db
      .transaction()
      .execute((trx) => ensure.ensureLingkungan(trx, actor, desaKode, { dusun: 'Krajan', rw: '1', rt: '3' }));
    niks[desaKode] = [];
    for (let i = 0; i < WARGA; i += 1) {
      const sex = (i % 2) + 1;
      const nik = makeNik(i, sex);
      const person = {
        ...Object.fromEntries(Object.keys(schema.pendudukFields).map((k) => [k, null])),
        nik,
        nama: `Warga Bench ${i + 1}`,
        sex,
        tempatlahir: 'REMBANG',
        tanggallahir: `19${80 + (i % 20)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        agama_id: 1,
        pendidikan_kk_id: 5,
        pekerjaan_id: 9,
        status_kawin: 2,
        warganegara_id: 1,
        golongan_darah_id: 1,
        status: 1,
      };
      await db
        .transaction()
        .execute((trx) =>
          keluarga.createFamilyWithHead(
            trx,
            actor,
            desaKode,
            { noKk: null, alamat: 'Jl. Kaliori', kelasSosial: null, lingkunganId },
            { lingkunganId, person },
          ),
        );
      niks[desaKode].push(nik);
    }
  }
  const ctx = { db, files, keys: { dataDir: join(dir, 'data') }, publicUrl: 'https://sid.rembangkab.go.id' };
  return { db, close: opened.close, ctx, niks };
}

/** Another user's request meanwhile: a one-row query every 100 ms, timed, until stop() (which returns the ms). */
function probeDuring(db) {
  let going = true;
  const samples = [];
  const loop = (async () => {
    while (going) {
      const t0 = process.hrtime.bigint();
      await db.selectFrom('desa').select('kode').limit(1).execute();
      samples.push(msSince(t0));
      await sleep(100);
    }
  })();
  return {
    async stop() {
      going = false;
      await loop;
      return samples;
    },
  };
}

const kades = (desaKode) => ({
  actor: {
    penggunaId: null,
    username: `kades.${desaKode}`,
    peran: 'kepala-desa',
    lingkup: desaKode,
    requestId: null,
    ip: null,
  },
  grants: [{ peran: 'kepala-desa', lingkupKode: desaKode, lingkunganId: null }],
  nama: 'Kepala Desa',
});

/**
 * On `target` (a fresh PostgreSQL database; null: a new SQLite file): `warmup` letters, then `rounds` × `perRound` letters approved one after another
 * (each `setujuiSurat` timed), then `batches` × `batch` letters approved all at once in desa B.
 */
export async function measureApproval(target, { rounds, perRound, warmup, batches, batch, log, label }) {
  const [service, { verifyPadesPdf }, { trustedCaCertificates }] = await Promise.all([
    dist('features/surat/surat.service.js'),
    dist('lib/signing/pades-verify.js'),
    dist('lib/signing/keystore.js'),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'balai-bench-surat-'));
  const s = await prepareDatabase(target, dir);
  const draft = async (desaKode, n) => {
    const ids = [];
    for (let i = 0; i < n; i += 1) {
      const nik = s.niks[desaKode][i % WARGA];
      const input = { slug: DOMISILI, subjek: { individu: { nik } }, isian: { keperluan: 'Melamar pekerjaan' } };
      ids.push(await service.buatSurat(s.ctx, kades(desaKode), desaKode, input, { ajukan: true }));
    }
    return ids;
  };
  try {
    const out = { rounds: [], batches: [] };
    // the first letter of each desa makes its keys (desa certificate; CA and token key of the kabupaten)
    for (const desaKode of [DESA_A, DESA_B]) {
      const [first] = await draft(desaKode, 1);
      const t0 = process.hrtime.bigint();
      await service.setujuiSurat(s.ctx, kades(desaKode), desaKode, first);
      out.firstMs ??= msSince(t0);
    }
    for (const id of await draft(DESA_A, warmup)) await service.setujuiSurat(s.ctx, kades(DESA_A), DESA_A, id);
    for (let r = 1; r <= rounds; r += 1) {
      const samples = [];
      for (const id of await draft(DESA_A, perRound)) {
        const t0 = process.hrtime.bigint();
        await service.setujuiSurat(s.ctx, kades(DESA_A), DESA_A, id);
        samples.push(msSince(t0));
      }
      out.rounds.push(summary(samples));
      log(`${label} sequential round ${r}: ${perRound} letters, p50 ${out.rounds.at(-1).p50.toFixed(1)} ms`);
    }
    const last = await s.db
      .selectFrom('surat')
      .select('pdf_berkas')
      .where('desa_kode', '=', DESA_A)
      .where('status', '=', 'selesai')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const pdf = await s.ctx.files.read(last.pdf_berkas);
    out.signatureValid = (await verifyPadesPdf(pdf, await trustedCaCertificates(s.db))).valid;
    for (let b = 1; b <= batches; b += 1) {
      const ids = await draft(DESA_B, batch);
      const t0 = process.hrtime.bigint();
      const probe = probeDuring(s.db);
      const settled = await Promise.allSettled(ids.map((id) => service.setujuiSurat(s.ctx, kades(DESA_B), DESA_B, id)));
      const wallMs = msSince(t0);
      const others = await probe.stop();
      const errors = settled
        .filter((x) => x.status === 'rejected')
        .map((x) => String(x.reason?.message ?? x.reason).slice(0, 200));
      const mine = await s.db
        .selectFrom('surat')
        .select(['status', 'urut', 'pdf_berkas', 'pdf_sha256'])
        .where('id', 'in', ids)
        .execute();
      const unfinished = mine.filter((x) => x.status !== 'selesai' || !x.pdf_berkas || !x.pdf_sha256).length;
      const missingPdf = (
        await Promise.all(mine.map((x) => (x.pdf_berkas ? s.ctx.files.read(x.pdf_berkas) : null)))
      ).filter((x) => !x).length;
      // every number of desa B's domisili sequence so far (the key-making letter included): 1…N, each once
      const all = await s.db
        .selectFrom('surat')
        .select('urut')
        .where('desa_kode', '=', DESA_B)
        .where('lingkup_nomor', '=', 'S-41')
        .execute();
      const { duplicates, gaps } = checkNumbers(all.map((x) => Number(x.urut)));
      const counter = await s.db
        .selectFrom('surat_nomor_urut')
        .select('terakhir')
        .where('desa_kode', '=', DESA_B)
        .where('lingkup', '=', 'S-41')
        .executeTakeFirst();
      out.batches.push({
        wallMs,
        others,
        errors,
        issued: all.length,
        unfinished,
        missingPdf,
        duplicates: duplicates.length,
        // a counter ahead of the numbers stored would be a hole at the end
        gaps: gaps.length + (Number(counter?.terakhir) === all.length ? 0 : 1),
      });
      log(
        `${label} concurrent batch ${b}: ${batch} letters in ${Math.round(wallMs)} ms, errors ${errors.length}, duplicates ${duplicates.length}, gaps ${gaps.length}`,
      );
      if (errors.length > 0) log(`  first error: ${errors[0]}`);
    }
    return out;
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
