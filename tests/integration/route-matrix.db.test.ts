import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { regionCovers } from '#src/domain/region-code.js';
import { startSession } from '#src/features/auth/session.service.js';
import { settled, startImport } from '#src/features/impor/impor-tugas.service.js';
import { createKamera } from '#src/features/kamera/kamera.service.js';
import { createHousehold } from '#src/features/keluarga/rumah-tangga.service.js';
import { simpanArtikel } from '#src/features/konten/konten.service.js';
import { buatAlbum } from '#src/features/konten/konten-galeri.service.js';
import { buatKategori } from '#src/features/konten/konten-kategori.service.js';
import { startWargaSesi } from '#src/features/mandiri/warga-sesi.service.js';
import { savePendudukFoto } from '#src/features/penduduk/penduduk-foto.service.js';
import { ajukanPengaduan } from '#src/features/pengaduan/pengaduan.service.js';
import { recordArrival } from '#src/features/peristiwa/kedatangan.service.js';
import { recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import { findPermohonan, type PermohonanRow } from '#src/features/permohonan/permohonan.repository.js';
import { ajukanPermohonan, batalkanPermohonan } from '#src/features/permohonan/permohonan.service.js';
import { batalkanSurat, buatSurat } from '#src/features/surat/surat.service.js';
import { simpanDokumen } from '#src/features/warga-portal/dokumen.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { ROLE_PERMISSIONS, ROLES, type Role } from '#src/lib/auth/roles.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { createFileStore } from '#src/lib/storage.js';
import { buildRoutes } from '#src/routes.js';
import { ORIGIN, useTestApp } from '../support/app.js';
import {
  activate,
  DESA_A,
  DESA_B,
  insertFamily,
  insertTree,
  insertUser,
  KAB,
  KEC,
  makeNik,
  person,
} from '../support/builders.js';
import { family as family3, importContext, writeOpenSid } from '../support/opensid-file.js';
import { wargaAccount } from '../support/warga.js';

/**
 * The role × route matrix, generated from the route table: every route is asked as every role (and
 * anonymously) on a target inside desa A, and the answer must match the declared permission. A route added
 * without a sample below fails the first test.
 */
const SCOPE: Record<Role, string> = {
  'admin-kabupaten': KAB,
  'staf-kecamatan': KEC,
  'admin-desa': DESA_A,
  'operator-desa': DESA_A,
  'sekretaris-desa': DESA_A,
  'kepala-desa': DESA_A,
  'editor-web': DESA_A,
  'operator-wilayah': DESA_A,
};

/** Routes whose target is a record's place down to its dusun/RW/RT: the dusun operator reaches records in their dusun. */
const UNIT_SCOPED = new Set([
  '/lingkungan/:id',
  '/desa/:kode/penduduk',
  '/desa/:kode/penduduk/cari-nik',
  '/desa/:kode/kualitas-data',
  '/penduduk/:id',
  '/penduduk/:id/ubah',
  '/penduduk/:id/peristiwa/:jenis',
  '/penduduk/:id/cetak',
  '/penduduk/:id/foto',
  '/peristiwa/:id/batal',
  '/keluarga/:id',
  '/keluarga/:id/cetak',
  '/rumah-tangga/:id',
  '/api/v1/penduduk/:id',
  '/api/v1/penduduk/:id/peristiwa',
  '/api/v1/peristiwa/:id/batal',
  '/api/v1/keluarga/:id',
  '/desa/:kode/statistik/:kategori',
  '/desa/:kode/statistik/:kategori.xlsx',
  '/desa/:kode/statistik/:kategori/cetak',
]);

/**
 * NIK/KK look-ups (the number in the POST body): past the guard, refused (403) to roles that see numbers masked,
 * since a look-up would tell them whose number it is; for the others an empty body is a 400.
 */
const NUMBER_LOOKUPS = new Set([
  'POST /desa/:kode/penduduk/cari-nik',
  'POST /penduduk/cari-nik',
  'POST /desa/:kode/keluarga/cari-kk',
  // the voter list with full NIKs
  'GET /desa/:kode/laporan/dpt.xlsx',
]);

/** Bodies that get past the guard but change nothing (the guard runs before any parsing). */
const PAYLOAD: Record<string, Record<string, string>> = {
  'POST /pindah/:id/terima': { kepala_baru_id: 'bukan-angka' },
};

interface Fixture {
  users: Record<Role, number>;
  dusunId: number;
  otherUserId: number;
  pendudukId: number;
  keluargaId: number;
  rumahTanggaId: number;
  peristiwaId: number;
  pairId: number;
  fromA: number;
  toA: number;
  imporId: number;
  /** a letter of desa A that was drafted and cancelled: every action on it answers without changing it */
  suratId: number;
  /** a camera of desa A, and a complaint filed on desa A's site */
  kameraId: number;
  pengaduanId: number;
  nomor: string;
  /** desa A's site content: an article with one revision, a category, an album */
  artikelId: number;
  revisiId: number;
  kategoriId: number;
  albumId: number;
  /** a cancelled letter request of desa A (by the family head, not by the resident the matrix signs in as) with
   *  one attached document: office actions on it answer without changing it */
  permohonanId: number;
  dokumenId: number;
}

/** Concrete URL for a route pattern, pointing inside desa A (inside the dusun operator's dusun). */
function sampleUrl(url: string, f: Fixture): string {
  const id = (): number => {
    if (url.startsWith('/lingkungan')) return f.dusunId;
    if (url.startsWith('/pengguna')) return f.otherUserId;
    if (url.includes('/penduduk/:id')) return f.pendudukId;
    if (url.includes('/keluarga/:id')) return f.keluargaId;
    if (url.startsWith('/rumah-tangga')) return f.rumahTanggaId;
    if (url.includes('/peristiwa/:id')) return f.peristiwaId;
    if (url.startsWith('/duplikat')) return f.pairId;
    if (url.startsWith('/desa/:kode/impor/:id')) return f.imporId;
    if (url.startsWith('/desa/:kode/surat/:id')) return f.suratId;
    if (url.startsWith('/wilayah/:kode/kamera/:id') || url.startsWith('/situs/:kode/kamera/:id')) return f.kameraId;
    if (url.startsWith('/desa/:kode/pengaduan/:id')) return f.pengaduanId;
    if (url.startsWith('/desa/:kode/web/artikel/:id')) return f.artikelId;
    if (url.startsWith('/desa/:kode/web/kategori/:id')) return f.kategoriId;
    if (url.startsWith('/desa/:kode/web/galeri/:id') || url.startsWith('/situs/:kode/galeri/:id')) return f.albumId;
    if (url === '/pindah/:id/batal') return f.toA;
    if (url.startsWith('/pindah')) return f.fromA;
    if (url.startsWith('/layanan-mandiri/dokumen/:id')) return f.dokumenId;
    if (url.startsWith('/layanan-mandiri/surat/:id') || url.startsWith('/desa/:kode/permohonan/:id'))
      return f.permohonanId;
    // kiosk pages answer 403 before any lookup (no device cookie here): any id will do
    if (url === '/anjungan/tiket/:id') return 1;
    // a registration's picture: ':jenis' becomes 'mati', refused (400) past the guard before any lookup
    if (url === '/desa/:kode/mandiri/pendaftaran/:id/:jenis') return 1;
    throw new Error(`no sample id for ${url}: add one to the role × route matrix`);
  };
  return url
    .replace(':kode', DESA_A)
    .replace(':token', 'bukan-token')
    .replace(':slug', 'surat-keterangan-domisili')
    .replace(':kategori', 'jenis-kelamin')
    .replace(':file', 'app.css')
    .replace(':jenis', 'mati')
    .replace(':nomor', f.nomor)
    .replace(':rev', String(f.revisiId))
    .replace(':dok', String(f.dokumenId))
    .replace(':penduduk', String(f.pendudukId))
    .replace(':id', () => String(id()));
}

type Outcome = 'allowed' | 'forbidden' | 'not-found' | 'login';

function expected(role: Role | null, def: RouteDef): Outcome {
  if (def.access === 'public') return 'allowed';
  // staff sessions are not residents, and no staff browser is a registered kiosk
  if (def.access === 'warga') return 'login';
  if (def.access === 'anjungan') return 'forbidden';
  if (role === null) return 'login';
  if (def.access === 'authenticated') return 'allowed';
  if (!ROLE_PERMISSIONS[role].includes(def.access)) return 'forbidden';
  // the dusun/RW/RT operator's scope is one dusun of desa A: desa-wide targets lie outside it
  if (role === 'operator-wilayah' && def.target && !UNIT_SCOPED.has(def.url)) return 'not-found';
  if (NUMBER_LOOKUPS.has(`${def.method} ${def.url}`) && !ROLE_PERMISSIONS[role].includes('read:nik'))
    return 'forbidden';
  return 'allowed';
}

function observed(status: number, location: string | undefined): Outcome {
  if (status === 401) return 'login';
  if (
    status === 303 &&
    (location?.startsWith('/masuk?lanjut=') || location?.startsWith('/layanan-mandiri/masuk?lanjut='))
  )
    return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  return 'allowed';
}

describe('role × route matrix', () => {
  const t = useTestApp();
  const f = {} as Fixture;
  const actor = systemActor('fixture');

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    f.dusunId = (await insertTree(t.db, DESA_A)).dusunId;
    f.users = {} as Record<Role, number>;
    for (const role of ROLES) {
      f.users[role] = await insertUser(t.db, `u.${role}`, role, SCOPE[role], {
        lingkungan: role === 'operator-wilayah' ? f.dusunId : null,
      });
    }
    f.otherUserId = await insertUser(t.db, 'warga.operator', 'operator-desa', DESA_A);
    // the registry fixture lives in dusun Krajan of desa A, the dusun operator's dusun
    const family = await insertFamily(t.db, DESA_A, { nama: 'Kepala Matriks', tanggallahir: '1970-01-01', sex: 1 }, [
      { nama: 'Anak Matriks', tanggallahir: '2000-02-02', sex: 2, kkLevel: 4 },
      { nama: 'Hilang Matriks', tanggallahir: '1990-03-03', sex: 1, kkLevel: 4 },
    ]);
    f.pendudukId = family.memberIds[0] as number;
    f.keluargaId = family.keluargaId;
    f.rumahTanggaId = await createHousehold(t.db, actor, DESA_A, {
      kepala_id: family.kepalaId,
      kelas_sosial: null,
      bdt: null,
      terdaftar_dtks: 0,
    });
    f.peristiwaId = await recordLeavingEvent(t.db, actor, family.memberIds[1] as number, 4, {
      tgl_peristiwa: '2026-11-01',
      tgl_lapor: null,
      catatan: null,
      kepala_baru_id: null,
    } as never);
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888888' } })
      .png()
      .toBuffer();
    await savePendudukFoto(t.db, createFileStore(join(t.dataDir, 'unggahan')), actor, f.pendudukId, png);
    const twinA = await insertFamily(t.db, DESA_A, { nama: 'Kembar Matriks', tanggallahir: '1980-08-08', sex: 1 });
    const twinB = await insertFamily(t.db, DESA_A, { nama: 'Kembar Matriks', tanggallahir: '1980-08-08', sex: 1 });
    f.pairId = (
      await t.db
        .selectFrom('duplikat')
        .select('id')
        .where('penduduk_b', '=', Math.max(twinA.kepalaId, twinB.kepalaId))
        .executeTakeFirstOrThrow()
    ).id;
    // transfers: one waiting for desa A's answer, one that desa A asked for
    const leaverNik = makeNik('1995-05-05', 1);
    await insertFamily(t.db, DESA_A, { nama: 'Pindah Ke B', tanggallahir: '1995-05-05', sex: 1, nik: leaverNik });
    const inB = await insertFamily(t.db, DESA_B, { nama: 'Penghuni B', tanggallahir: '1975-01-01', sex: 1 });
    const comerNik = makeNik('1996-06-06', 2);
    await insertFamily(t.db, DESA_B, { nama: 'Pindah Ke A', tanggallahir: '1996-06-06', sex: 2, nik: comerNik });
    const arrival = (nik: string, lingkunganId: number) => ({
      person: person({ nama: 'x', nik }),
      lingkunganId,
      family: { kind: 'new' as const, noKk: null, alamat: null },
      tglPeristiwa: '2026-11-02',
      tglLapor: null,
      alamatAsal: null,
      maksud: null,
      catatan: null,
    });
    const toB = await recordArrival(t.db, actor, DESA_B, arrival(leaverNik, inB.lingkunganId));
    const toA = await recordArrival(t.db, actor, DESA_A, arrival(comerNik, family.lingkunganId));
    if (toB.kind !== 'menunggu' || toA.kind !== 'menunggu') throw new Error('transfer fixtures');
    f.fromA = toB.transferId;
    f.toA = toA.transferId;
    // an import of desa A waiting to be applied (one new family)
    const ctx = importContext(t.db, t.dataDir);
    const file = join(t.dataDir, 'matriks.xlsx');
    await writeOpenSid(file, family3('3317091201109999', 9001));
    f.imporId = await startImport(ctx, actor, { desaKode: DESA_A, path: file, nama: 'matriks.xlsx', ukuran: 1 });
    await settled(f.imporId);
    const suratCtx = {
      db: t.db,
      files: createFileStore(join(t.dataDir, 'unggahan')),
      keys: { dataDir: t.dataDir },
      publicUrl: 'http://localhost',
    };
    const operator = {
      actor,
      grants: [{ peran: 'operator-desa' as const, lingkupKode: DESA_A, lingkunganId: null }],
      nama: 'Operator Matriks',
    };
    f.suratId = await buatSurat(
      suratCtx,
      operator,
      DESA_A,
      { slug: 'surat-keterangan-domisili', subjek: { individu: { pendudukId: f.pendudukId } }, isian: {} },
      { ajukan: false },
    );
    await batalkanSurat(suratCtx, operator, DESA_A, f.suratId, 'contoh matriks');
    const { akunId: pemohonAkun } = await wargaAccount(t.db, family.kepalaId);
    const pemohon = { akunId: pemohonAkun, pendudukId: family.kepalaId, desaKode: DESA_A };
    f.dokumenId = await simpanDokumen(t.db, suratCtx.files, pemohon, { jenis: 3, nama: 'KTP', berkas: png }, 5_242_880);
    f.permohonanId = await ajukanPermohonan(t.db, pemohon, {
      slug: 'surat-keterangan-domisili',
      isian: {},
      dokumen: [f.dokumenId],
      telepon: '',
      catatan: '',
    });
    const permohonan = (await findPermohonan(t.db, f.permohonanId)) as PermohonanRow;
    await batalkanPermohonan(t.db, actor, permohonan, 'contoh matriks');
    f.kameraId = await createKamera(t.db, actor, DESA_A, {
      nama: 'Kamera Matriks',
      lokasi: null,
      lat: -6.7,
      lng: 111.3,
      jenis: 'hls',
      stream_url: 'http://127.0.0.1:9/live.m3u8',
      snapshot_url: 'http://127.0.0.1:9/snap.jpg',
      aktif: 1,
    });
    f.nomor = await ajukanPengaduan(t.db, createFileStore(join(t.dataDir, 'unggahan')), {
      desaKode: DESA_A,
      input: { nama: null, kontak: '0812 3456 7890', kategori: 'jalan', isi: 'Jalan berlubang di depan balai desa.' },
      foto: png,
      ip: '192.0.2.1',
    });
    f.pengaduanId = (
      await t.db.selectFrom('pengaduan').select('id').where('nomor', '=', f.nomor).executeTakeFirstOrThrow()
    ).id;
    const konten = { db: t.db, env: { BALAI_IFRAME_HOSTS: [], BALAI_PUBLIC_URL: undefined } };
    const artikel = {
      jenis: 'berita' as const,
      judul: 'Artikel Matriks',
      ringkasan: null,
      isi: '<p>Isi</p>',
      kategori_id: null,
      terbit_pada: null,
      agenda_mulai: null,
      agenda_selesai: null,
      agenda_tempat: null,
      hukum_jenis: null,
      hukum_nomor: null,
      hukum_tahun: null,
      ppid_kategori: null,
      intent: 'terbit' as const,
    };
    f.artikelId = (await simpanArtikel(konten, actor, DESA_A, null, artikel, true)).id;
    await simpanArtikel(konten, actor, DESA_A, f.artikelId, { ...artikel, judul: 'Artikel Matriks 2' }, true);
    f.revisiId = (
      await t.db
        .selectFrom('artikel_revisi')
        .select('id')
        .where('artikel_id', '=', f.artikelId)
        .executeTakeFirstOrThrow()
    ).id;
    f.kategoriId = await buatKategori(t.db, actor, DESA_A, 'Kategori Matriks');
    f.albumId = await buatAlbum(t.db, actor, DESA_A, { judul: 'Album Matriks', keterangan: null });
  });

  // the table as app.ts builds it (handlers are never called here)
  const defs = buildRoutes({ env: { BALAI_UPLOAD_LIMIT: 1 } } as never);

  it('covers every registered route, and every route declares its access', () => {
    const table = defs.map((r) => `${r.method} ${r.url}`);
    const registered = t.app.registeredRoutes.map((r) => `${r.method} ${r.url}`);
    expect(new Set(registered)).toEqual(new Set(table));
    for (const route of t.app.registeredRoutes) expect(route.access, `${route.method} ${route.url}`).toBeTruthy();
    for (const def of defs) expect(() => sampleUrl(def.url, f)).not.toThrow();
  });

  for (const role of [null, ...ROLES] as (Role | null)[]) {
    it(`answers every route as ${role ?? 'anonymous'} according to the declared permissions`, async () => {
      const mismatches: string[] = [];
      for (const def of defs) {
        const headers: Record<string, string> = { origin: ORIGIN, host: 'localhost' };
        let payload: Record<string, string> | undefined;
        const extra = PAYLOAD[`${def.method} ${def.url}`] ?? {};
        if (role !== null) {
          // a fresh session per request: some routes (logout) end the session they are called with
          const s = await startSession(t.db, f.users[role], { ip: null, agen: null }, { idleMinutes: 60, maxDays: 1 });
          headers.cookie = `balai_sesi=${s.token}`;
          if (def.method !== 'GET') payload = { _csrf: s.csrf, ...extra };
        } else if (def.method !== 'GET') payload = { ...extra };
        const res = await t.app.inject({
          method: def.method,
          url: sampleUrl(def.url, f),
          headers,
          ...(payload ? { payload } : {}),
        });
        let got = observed(res.statusCode, res.headers.location as string | undefined);
        const want = expected(role, def);
        // a public route has no gate: any answer but "log in" or "forbidden" (a missing logo is a 404)
        if (def.access === 'public' && got === 'not-found') got = 'allowed';
        if (got !== want) mismatches.push(`${def.method} ${def.url}: expected ${want}, got ${got} (${res.statusCode})`);
        // an empty look-up past the guard is a form error, never a server error
        else if (NUMBER_LOOKUPS.has(`${def.method} ${def.url}`) && got === 'allowed' && res.statusCode !== 400)
          mismatches.push(`${def.method} ${def.url}: expected 400 for an empty body, got ${res.statusCode}`);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('answers every route as a resident signed in to layanan mandiri: their own pages only, never staff routes', async () => {
    const { akunId } = await wargaAccount(t.db, f.pendudukId);
    const mismatches: string[] = [];
    for (const def of defs) {
      // a fresh session per request: sign-out ends the session it is called with
      const s = await startWargaSesi(t.db, akunId);
      const headers = { origin: ORIGIN, host: 'localhost', cookie: `balai_warga=${s.token}` };
      const res = await t.app.inject({
        method: def.method,
        url: sampleUrl(def.url, f),
        headers,
        ...(def.method !== 'GET' ? { payload: { _csrf: s.csrf, ...(PAYLOAD[`${def.method} ${def.url}`] ?? {}) } } : {}),
      });
      let got = observed(res.statusCode, res.headers.location as string | undefined);
      const want: Outcome =
        def.access === 'public' || def.access === 'warga'
          ? 'allowed'
          : def.access === 'anjungan'
            ? 'forbidden'
            : 'login';
      if ((def.access === 'public' || def.access === 'warga') && got === 'not-found') got = 'allowed';
      if (got !== want) mismatches.push(`${def.method} ${def.url}: expected ${want}, got ${got} (${res.statusCode})`);
    }
    expect(mismatches).toEqual([]);
  });

  it('lets the OpenSID export reach a region (or another desa) only for roles holding export:penduduk over it', async () => {
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const s = await startSession(t.db, f.users[role], { ip: null, agen: null }, { idleMinutes: 60, maxDays: 1 });
      for (const url of [
        `/wilayah/${KEC}/penduduk/ekspor-opensid`,
        `/wilayah/${KAB}/penduduk/ekspor-opensid`,
        `/wilayah/${DESA_B}/penduduk/ekspor-opensid`,
        `/desa/${DESA_B}/penduduk/ekspor-opensid`,
      ]) {
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie: `balai_sesi=${s.token}` } });
        const kode = url.split('/')[2] as string;
        const want: Outcome = !ROLE_PERMISSIONS[role].includes('export:penduduk')
          ? 'forbidden'
          : regionCovers(SCOPE[role], kode)
            ? 'allowed'
            : 'not-found';
        const got = observed(res.statusCode, res.headers.location as string | undefined);
        if (got !== want) mismatches.push(`${role} ${url}: expected ${want}, got ${got} (${res.statusCode})`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('anchors the policy with cases people would check by hand', () => {
    expect(ROLE_PERMISSIONS['editor-web']).not.toContain('update:lingkungan');
    expect(ROLE_PERMISSIONS['operator-desa']).not.toContain('activate:desa');
    expect(ROLE_PERMISSIONS['staf-kecamatan']).not.toContain('update:desa');
    expect(ROLE_PERMISSIONS['staf-kecamatan']).not.toContain('manage:pengguna');
    expect(ROLE_PERMISSIONS['operator-wilayah']).toEqual(['read:dashboard', 'read:lingkungan', 'read:penduduk']);
    expect(ROLE_PERMISSIONS['editor-web']).not.toContain('read:penduduk');
    expect(ROLE_PERMISSIONS['staf-kecamatan']).not.toContain('read:nik');
    expect(ROLE_PERMISSIONS['admin-desa']).not.toContain('activate:desa');
    expect(ROLE_PERMISSIONS['admin-kabupaten']).not.toContain('write:penduduk');
    expect(ROLE_PERMISSIONS['kepala-desa']).not.toContain('record:peristiwa');
  });
});
