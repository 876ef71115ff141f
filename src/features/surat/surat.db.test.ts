import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskNumber } from '#src/domain/nik.js';
import { systemActor } from '#src/lib/audit/audit.js';
import type { Role } from '#src/lib/auth/roles.js';
import { trustedCaCertificates } from '#src/lib/signing/keystore.js';
import { verifyPadesPdf } from '#src/lib/signing/pades-verify.js';
import { createFileStore } from '#src/lib/storage.js';
import { activate, DESA_A, DESA_B, insertFamily, makeNik } from '../../../tests/support/builders.js';
import { bacaQr, pdfTeks } from '../../../tests/support/pdf-periksa.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { writeSetelan } from './nomor/setelan.repository.js';
import * as repo from './surat.repository.js';
import {
  ajukanSurat,
  batalkanSurat,
  buatSurat,
  type Pelaku,
  setujuiSurat,
  tolakSurat,
  ubahSurat,
} from './surat.service.js';
import type { SuratContext } from './surat-context.js';
import { forgetKeyCache, periksaBerkas, verifikasiSurat } from './surat-verifikasi.service.js';

const pelaku = (username: string, peran: Role, desa = DESA_A): Pelaku => ({
  actor: { ...systemActor(username), peran, lingkup: desa },
  grants: [{ peran, lingkupKode: desa, lingkunganId: null }],
  nama: `Nama ${username}`,
});
const operator = pelaku('operator', 'operator-desa');
const sekdes = pelaku('sekdes', 'sekretaris-desa');
const kades = pelaku('kades', 'kepala-desa');
const DOMISILI = 'surat-keterangan-domisili';

describe('letters: issuing, approval, numbering, signing and verification', () => {
  let t: TestDatabase;
  let ctx: SuratContext;
  let dir: string;
  const nik = makeNik('1985-08-17', 1);
  let living: number;
  let deadNik: string;
  let otherDesaNik: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'balai-surat-'));
    ctx = {
      db: t.db,
      files: createFileStore(join(dir, 'unggahan')),
      keys: { dataDir: dir },
      publicUrl: 'https://sid.test',
    };
    forgetKeyCache();
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await t.db
      .updateTable('desa')
      .set({ kepala_desa: 'Sutrisno', alamat: 'Jl. Raya Kaliori 1' })
      .where('kode', '=', DESA_A)
      .execute();
    const fam = await insertFamily(t.db, DESA_A, { nama: 'Budi Santoso', tanggallahir: '1985-08-17', sex: 1, nik });
    living = fam.kepalaId;
    deadNik = makeNik('1950-01-01', 1);
    const dead = await insertFamily(t.db, DESA_A, {
      nama: 'Almarhum Karto',
      tanggallahir: '1950-01-01',
      sex: 1,
      nik: deadNik,
    });
    await t.db.updateTable('penduduk').set({ status_dasar: 2 }).where('id', '=', dead.kepalaId).execute();
    otherDesaNik = makeNik('1990-02-02', 2);
    await insertFamily(t.db, DESA_B, { nama: 'Warga Desa B', tanggallahir: '1990-02-02', sex: 2, nik: otherDesaNik });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const domisili = (extra: Record<string, string> = {}) => ({
    slug: DOMISILI,
    subjek: { individu: { nik } },
    isian: { keperluan: 'Melamar pekerjaan', ...extra },
  });

  it('goes operator → sekretaris → kepala desa, then is numbered, signed, and verifiable by its QR', async () => {
    const id = await buatSurat(ctx, operator, DESA_A, domisili(), { ajukan: true });
    let s = await repo.findSurat(t.db, id);
    expect(s).toMatchObject({ status: 'diajukan', langkah: 'sekdes', nomor: null, token: null });
    await expect(setujuiSurat(ctx, operator, DESA_A, id)).rejects.toMatchObject({ status: 403 });
    await setujuiSurat(ctx, sekdes, DESA_A, id);
    s = await repo.findSurat(t.db, id);
    expect(s).toMatchObject({ status: 'diajukan', langkah: 'kades' });
    // the sekretaris cannot act at the kepala desa's step
    await expect(setujuiSurat(ctx, sekdes, DESA_A, id)).rejects.toMatchObject({ status: 403 });
    await setujuiSurat(ctx, kades, DESA_A, id);
    s = await repo.findSurat(t.db, id);
    const year = s?.tanggal?.slice(0, 4);
    expect(s?.status).toBe('selesai');
    expect(s?.nomor).toMatch(new RegExp(`^S-41/001/3317092001/[IVX]+/${year}$`));
    const pdf = (await ctx.files.read(s?.pdf_berkas as string)) as Buffer;
    const text = pdfTeks(pdf);
    expect(text.toUpperCase()).toContain('BUDI SANTOSO');
    expect(text).toContain(s?.nomor as string);
    const desa = await t.db.selectFrom('wilayah').select('nama').where('kode', '=', DESA_A).executeTakeFirstOrThrow();
    expect(text.toUpperCase()).toContain(desa.nama.toUpperCase());
    const url = bacaQr(pdf);
    expect(url).toBe(`https://sid.test/v/${s?.token}`);
    // the PAdES signature validates against the kabupaten CA
    const check = await verifyPadesPdf(pdf, await trustedCaCertificates(t.db));
    expect(check.valid).toBe(true);
    const hasil = await verifikasiSurat(t.db, s?.token as string);
    expect(hasil.keadaan).toBe('sah');
    expect(hasil.surat).toMatchObject({ nomor: s?.nomor, pemegang: 'Budi Santoso', nikTersamar: maskNumber(nik) });
    expect(JSON.stringify(hasil)).not.toContain(nik);
    expect(periksaBerkas(hasil, pdf)).toBe('sama');
    const altered = Buffer.from(pdf);
    const at = Math.floor(altered.length / 3);
    altered[at] = (altered[at] as number) ^ 1;
    expect(periksaBerkas(hasil, altered)).toBe('berbeda');
    const history = await repo.listRiwayat(t.db, id);
    expect(history.map((h) => `${h.aksi}:${h.langkah ?? ''}`)).toEqual([
      'buat:',
      'ajukan:sekdes',
      'setujui:sekdes',
      'setujui:kades',
      'terbit:',
    ]);
  });

  it('a tampered or foreign token is refused plainly', async () => {
    const id = await buatSurat(ctx, kades, DESA_A, domisili(), { ajukan: true });
    await setujuiSurat(ctx, kades, DESA_A, id);
    const s = await repo.findSurat(t.db, id);
    const token = s?.token as string;
    const flipped = token.slice(0, 30) + (token[30] === 'A' ? 'B' : 'A') + token.slice(31);
    expect((await verifikasiSurat(t.db, flipped)).keadaan).toBe('tidak_sah');
    expect((await verifikasiSurat(t.db, 'bukan-token-sama-sekali-xxxx')).keadaan).toBe('tidak_sah');
  });

  it('the kepala desa approves over the sekretaris step; numbers run on per letter code', async () => {
    const first = await buatSurat(ctx, kades, DESA_A, domisili(), { ajukan: true });
    await setujuiSurat(ctx, kades, DESA_A, first);
    const s = await repo.findSurat(t.db, first);
    expect(s?.status).toBe('selesai');
    expect(s?.urut).toBeGreaterThan(1);
    const all = await t.db.selectFrom('surat').select('urut').where('nomor', 'is not', null).execute();
    expect(new Set(all.map((r) => r.urut)).size).toBe(all.length);
  });

  it('rejection needs a reason; the operator edits and submits again', async () => {
    const id = await buatSurat(ctx, operator, DESA_A, domisili(), { ajukan: true });
    await expect(tolakSurat(ctx, sekdes, DESA_A, id, '  ')).rejects.toMatchObject({ status: 400 });
    await tolakSurat(ctx, sekdes, DESA_A, id, 'Keperluan kurang jelas');
    expect(await repo.findSurat(t.db, id)).toMatchObject({ status: 'ditolak', alasan: 'Keperluan kurang jelas' });
    await ubahSurat(ctx, operator, DESA_A, id, domisili({ keperluan: 'Melamar pekerjaan di PT Maju' }));
    expect(await repo.findSurat(t.db, id)).toMatchObject({ status: 'draf', alasan: null });
    await ajukanSurat(ctx, operator, DESA_A, id);
    expect(await repo.findSurat(t.db, id)).toMatchObject({ status: 'diajukan', langkah: 'sekdes' });
  });

  it('a cancelled issued letter keeps its number and its QR page says revoked', async () => {
    const id = await buatSurat(ctx, kades, DESA_A, domisili(), { ajukan: true });
    await setujuiSurat(ctx, kades, DESA_A, id);
    const issued = await repo.findSurat(t.db, id);
    await expect(batalkanSurat(ctx, operator, DESA_A, id, '')).rejects.toMatchObject({ status: 400 });
    await batalkanSurat(ctx, operator, DESA_A, id, 'Salah data');
    const s = await repo.findSurat(t.db, id);
    expect(s).toMatchObject({ status: 'dibatalkan', nomor: issued?.nomor, urut: issued?.urut });
    const hasil = await verifikasiSurat(t.db, s?.token as string);
    expect(hasil.keadaan).toBe('dicabut');
    expect(hasil.surat?.alasanPembatalan).toBe('Salah data');
  });

  it('refuses a dead resident, a resident of another desa, and missing required fields — and saves nothing', async () => {
    const before = await t.db
      .selectFrom('surat')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      buatSurat(ctx, operator, DESA_A, { ...domisili(), subjek: { individu: { nik: deadNik } } }, { ajukan: false }),
    ).rejects.toMatchObject({
      status: 400,
      fields: { 'subjek.individu': expect.stringMatching(/^suratSubjekBukanHidup/) },
    });
    await expect(
      buatSurat(
        ctx,
        operator,
        DESA_A,
        { ...domisili(), subjek: { individu: { nik: otherDesaNik } } },
        { ajukan: false },
      ),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      buatSurat(
        ctx,
        operator,
        DESA_A,
        { slug: 'surat-keterangan-usaha', subjek: { individu: { nik } }, isian: {} },
        { ajukan: false },
      ),
    ).rejects.toMatchObject({
      status: 400,
      fields: expect.objectContaining({ 'isian.nama_usaha': expect.any(String) }),
    });
    const after = await t.db
      .selectFrom('surat')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('another desa cannot see or act on the letter; a desa operator cannot approve', async () => {
    const id = await buatSurat(ctx, operator, DESA_A, domisili(), { ajukan: true });
    const kadesB = pelaku('kades.b', 'kepala-desa', DESA_B);
    await expect(setujuiSurat(ctx, kadesB, DESA_B, id)).rejects.toMatchObject({ status: 404 });
    await expect(buatSurat(ctx, kadesB, DESA_A, domisili(), { ajukan: false })).rejects.toMatchObject({ status: 403 });
  });

  it('with every approval step switched off, the operator’s submission issues the letter', async () => {
    await writeSetelan(t.db, DESA_A, 'rantai', '', 'admin');
    try {
      const id = await buatSurat(ctx, operator, DESA_A, domisili(), { ajukan: true });
      const s = await repo.findSurat(t.db, id);
      expect(s?.status).toBe('selesai');
      expect(s?.nomor).not.toBeNull();
    } finally {
      await writeSetelan(t.db, DESA_A, 'rantai', 'sekdes,kades', 'admin');
    }
  });

  it('issues many letters at once without a duplicate or a gap', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) ids.push(await buatSurat(ctx, operator, DESA_A, domisili(), { ajukan: true }));
    await Promise.all(ids.map((id) => setujuiSurat(ctx, kades, DESA_A, id)));
    const rows = await t.db
      .selectFrom('surat')
      .select('urut')
      .where('desa_kode', '=', DESA_A)
      .where('lingkup_nomor', '=', 'S-41')
      .where('urut', 'is not', null)
      .orderBy('urut')
      .execute();
    expect(rows.map((r) => r.urut)).toEqual(rows.map((_, i) => i + 1));
  });

  it('the birth, death and moving letters come out complete, with their F-2.01 form and the members who move', async () => {
    const ibuNik = makeNik('1992-03-03', 2);
    const fam = await insertFamily(t.db, DESA_A, { nama: 'Slamet Riyadi', tanggallahir: '1990-01-01', sex: 1 }, [
      { nama: 'Wati Lestari', tanggallahir: '1992-03-03', sex: 2, kkLevel: 3, nik: ibuNik },
      { nama: 'Bayi Ayu', tanggallahir: '2026-11-01', sex: 2, kkLevel: 4 },
    ]);
    const kepala = fam.kepalaId;
    const [ibu, bayi] = fam.memberIds as [number, number];
    const issue = async (slug: string, subjek: Record<string, object>, isian: Record<string, string>) => {
      const id = await buatSurat(ctx, kades, DESA_A, { slug, subjek, isian }, { ajukan: true });
      await setujuiSurat(ctx, kades, DESA_A, id);
      const s = await repo.findSurat(t.db, id);
      expect(s?.status).toBe('selesai');
      return pdfTeks((await ctx.files.read(s?.pdf_berkas as string)) as Buffer);
    };
    const lahir = await issue(
      'surat-keterangan-kelahiran',
      {
        individu: { pendudukId: bayi },
        ibu: { pendudukId: ibu },
        ayah: { pendudukId: kepala },
        pelapor: { pendudukId: kepala },
      },
      { hubungan_pelapor_dengan_bayi: 'Ayah kandung' },
    );
    expect(lahir.toUpperCase()).toContain('BAYI AYU');
    expect(lahir.toUpperCase()).toContain('WATI LESTARI');
    expect(lahir).toContain('F-2.01');
    const pindah = await issue(
      'surat-keterangan-pindah-penduduk',
      { individu: { pendudukId: kepala }, pengikut: { anggota: [ibu, bayi] } },
      {
        telepon_pemohon: '081234567890',
        gunakan_format: 'F-1.03',
        jenis_permohonan: 'Surat Keterangan Pindah',
        alasan_pindah: 'Pekerjaan',
        klasifikasi_pindah: 'Antar provinsi',
        jenis_kepindahan: 'Kepala Keluarga dan seluruh anggota keluarga',
        alamat_tujuan: 'Jl. Melati 7',
        rt_tujuan: '002',
        rw_tujuan: '004',
        dusun_tujuan: 'Sukamaju',
        desa_atau_kelurahan_tujuan: 'Cempaka',
        kecamatan_tujuan: 'Cibinong',
        kabupaten_tujuan: 'Bogor',
        provinsi_tujuan: 'Jawa Barat',
        status_kk_pindah: 'Membuat KK baru',
        tanggal_pindah: '2026-12-01',
      },
    );
    expect(pindah.toUpperCase()).toContain('SLAMET RIYADI');
    expect(pindah).toContain('Wati Lestari');
    expect(pindah).toContain('Bogor');
    // a member of another family cannot be taken along
    await expect(
      buatSurat(
        ctx,
        kades,
        DESA_A,
        {
          slug: 'surat-keterangan-pindah-penduduk',
          subjek: { individu: { pendudukId: kepala }, pengikut: { anggota: [living] } },
          isian: {},
        },
        { ajukan: false },
      ),
    ).rejects.toMatchObject({
      status: 400,
      fields: expect.objectContaining({ 'subjek.pengikut': expect.stringMatching(/^suratAnggotaBukanKeluarga/) }),
    });
    await t.db.updateTable('penduduk').set({ status_dasar: 2 }).where('id', '=', kepala).execute();
    const mati = await issue(
      'surat-keterangan-kematian',
      { individu: { pendudukId: kepala }, pelapor: { nik: ibuNik } },
      {
        tanggal_kematian: '2026-11-20',
        tempat_kematian: 'RSUD Rembang',
        sebab_kematian: 'Sakit biasa/tua',
        hubungan_pelapor_dengan_yang_mati: 'Istri',
      },
    );
    expect(mati.toUpperCase()).toContain('SLAMET RIYADI');
    expect(mati).toContain('RSUD Rembang');
    expect(mati).toContain('F-2.01');
  });
});
