import { beforeAll, describe, expect, it } from 'vitest';
import { ensureJenisBawaan } from '#src/features/surat/surat-jenis.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { cookieFrom, ORIGIN, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertFamily, makeNik } from '../../../tests/support/builders.js';
import { wargaAccount } from '../../../tests/support/warga.js';
import { pasangAnjungan, tambahAnjungan } from './anjungan-perangkat.service.js';

async function permohonan(db: Db, desa: string, pendudukId: number, nomor: number): Promise<number> {
  const jenis = await db.selectFrom('surat_jenis').select('id').orderBy('id').executeTakeFirstOrThrow();
  const now = nowIso();
  const r = await db
    .insertInto('permohonan_surat')
    .values({
      desa_kode: desa,
      penduduk_id: pendudukId,
      akun_id: null,
      jenis_id: jenis.id,
      isian: '{}',
      status: 1,
      alasan: null,
      catatan: null,
      telepon: null,
      dokumen: '[]',
      tanggal_antrian: '2026-11-28',
      nomor_antrian: nomor,
      surat_id: null,
      diproses_oleh: null,
      dibuat_pada: now,
      diperbarui_pada: now,
      diambil_pada: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The queue ticket: only the signed-in resident's own request, at a kiosk of the request's desa. */
describe('anjungan: queue ticket', () => {
  const t = useTestApp();
  const nik = makeNik('1980-01-10', 1, '331709');
  let cookie = '';
  let kioskA = '';
  const ids = { milik: 0, orangLain: 0, desaLain: 0 };

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await ensureJenisBawaan(t.db);
    const a = await insertFamily(t.db, DESA_A, { nama: 'Pemohon Tiket', tanggallahir: '1980-01-10', sex: 1, nik });
    const lain = await insertFamily(t.db, DESA_A, { nama: 'Orang Lain', tanggallahir: '1981-02-11', sex: 2 });
    const b = await insertFamily(t.db, DESA_B, { nama: 'Warga B', tanggallahir: '1982-03-12', sex: 1 });
    await wargaAccount(t.db, a.kepalaId, '482915');
    ids.milik = await permohonan(t.db, DESA_A, a.kepalaId, 7);
    ids.orangLain = await permohonan(t.db, DESA_A, lain.kepalaId, 8);
    ids.desaLain = await permohonan(t.db, DESA_B, b.kepalaId, 9);
    const { kode } = await tambahAnjungan(t.db, systemActor('uji'), DESA_A, 'Anjungan Tiket');
    const r = await pasangAnjungan(t.db, kode, '127.0.0.1');
    if (!r.ok) throw new Error('pasang');
    kioskA = `balai_anjungan=${r.token}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/anjungan/nik',
      headers: { origin: ORIGIN, host: 'localhost', cookie: kioskA },
      payload: { nik, pin: '482915' },
    });
    cookie = `${kioskA}; balai_warga=${cookieFrom(res, 'balai_warga')}`;
  });

  const tiket = (id: number, c = cookie, q = '') =>
    t.app.inject({ method: 'GET', url: `/anjungan/tiket/${id}${q}`, headers: { cookie: c } });

  it("prints the resident's own request with its queue number, for 58 mm by default and 80 mm on request", async () => {
    const res = await tiket(ids.milik);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('A-007');
    expect(res.body).toContain('Pemohon Tiket');
    expect(res.body).toContain('class="anjungan tiket"');
    expect(res.body).toContain('data-cetak');
    expect(res.body).not.toContain(nik);
    expect((await tiket(ids.milik, cookie, '?kertas=80')).body).toContain('class="anjungan tiket tiket-80"');
  });

  it("answers not found for another resident's request and another desa's", async () => {
    expect((await tiket(ids.orangLain)).statusCode).toBe(404);
    expect((await tiket(ids.desaLain)).statusCode).toBe(404);
    expect((await tiket(999_999)).statusCode).toBe(404);
  });

  it('sends a kiosk without a resident home, and refuses a browser that is no kiosk', async () => {
    const res = await tiket(ids.milik, kioskA);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/anjungan');
    const warga = cookie.split('; ')[1] as string;
    expect((await tiket(ids.milik, warga)).statusCode).toBe(403);
  });
});
