import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { follow, get, login, ORIGIN, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertUser, PASSWORD } from '../../../tests/support/builders.js';
import { family, writeOpenSid } from '../../../tests/support/opensid-file.js';
import { settled } from './impor-tugas.service.js';

const KK = '3317091201100101';

describe('OpenSID import screens', () => {
  const t = useTestApp({ BALAI_IMPORT_LIMIT: '2000000' });
  let operator: Session;
  let operatorB: Session;
  let kepala: Session;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'op.b', 'operator-desa', DESA_B);
    await insertUser(t.db, 'kades.a', 'kepala-desa', DESA_A);
    operator = await login(t.app, 'op.a', PASSWORD);
    operatorB = await login(t.app, 'op.b', PASSWORD);
    kepala = await login(t.app, 'kades.a', PASSWORD);
  });

  const upload = (s: Session, data: Buffer, desa = DESA_A, jenis = 'penduduk') => {
    const form = new FormData();
    form.append('_csrf', s.csrf);
    form.append('jenis', jenis);
    form.append('berkas', new Blob([new Uint8Array(data)]), 'data.xlsx');
    return t.app.inject({
      method: 'POST',
      url: `/desa/${desa}/impor`,
      headers: { origin: ORIGIN, host: 'localhost', cookie: s.cookie },
      payload: form,
    });
  };
  const post = (s: Session, url: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { origin: ORIGIN, host: 'localhost', cookie: s.cookie },
      payload: { _csrf: s.csrf },
    });
  const jobId = (location: string) => Number(location.split('/').pop());

  async function goodFile(): Promise<Buffer> {
    const path = join(t.dataDir, 'good.xlsx');
    const rows = family(KK, 300);
    await writeOpenSid(path, [
      ...rows,
      { ...rows[2], nama: 'Salah Tanggal', nik: '3317097001100399', tanggallahir: '2010-13-01' },
    ]);
    return readFile(path);
  }

  it('uploads, previews (nothing written), applies, and offers the report with the rejected rows', async () => {
    const res = await upload(operator, await goodFile());
    expect(res.statusCode).toBe(303);
    const id = jobId(String(res.headers.location));
    const reading = await get(t.app, String(res.headers.location), operator);
    expect(reading.statusCode).toBe(200);
    await settled(id);
    const preview = await get(t.app, `/desa/${DESA_A}/impor/${id}`, operator);
    expect(preview.body).toContain('Pratinjau siap');
    expect(preview.body).toContain('tanggallahir');
    expect(preview.body).not.toContain('http-equiv="refresh"');
    const none = await t.db.selectFrom('penduduk').select('id').where('desa_kode', '=', DESA_A).execute();
    expect(none).toHaveLength(0);

    const applied = await post(operator, `/desa/${DESA_A}/impor/${id}/terapkan`);
    expect(applied.statusCode).toBe(303);
    await settled(id);
    const done = await follow(t.app, applied, operator);
    expect(done.body).toContain('Impor selesai: 3 penduduk baru');
    const rows = await t.db.selectFrom('penduduk').select('nama').where('desa_kode', '=', DESA_A).execute();
    expect(rows).toHaveLength(3);

    const report = await get(t.app, `/desa/${DESA_A}/impor/${id}/laporan.xlsx`, operator);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Masalah', 'Ditolak']);
    const rejected = wb.getWorksheet('Ditolak');
    if (!rejected) throw new Error('lembar Ditolak tidak ada');
    const header = (rejected.getRow(1).values as unknown[]).slice(1);
    expect(header.at(-1)).toBe('galat');
    const row = (rejected.getRow(2).values as unknown[]).slice(1);
    expect(row[header.indexOf('nama')]).toBe('Salah Tanggal');
    expect(String(row.at(-1))).toContain('tanggallahir: Tanggal tidak dikenali');
    expect(row[header.indexOf('nik')]).toBe('3317097001100399');
  });

  it('refuses files by content, with the reason, and changes nothing', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    const asPdf = await upload(operator, pdf);
    expect(asPdf.statusCode).toBe(400);
    expect(asPdf.body).toContain('bukan berkas Excel');
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    const asXls = await upload(operator, xls);
    expect(asXls.statusCode).toBe(400);
    expect(asXls.body).toContain('.xlsx');
    const big = await upload(operator, Buffer.alloc(2_100_000, 1));
    expect(big.statusCode).toBe(413);
    const jobs = await t.db.selectFrom('impor_tugas').select('id').where('desa_kode', '=', DESA_A).execute();
    expect(jobs).toHaveLength(1);
  });

  it('keeps a desa to its own imports: other desa and roles without import:penduduk are refused', async () => {
    const res = await upload(operator, await goodFile());
    const id = jobId(String(res.headers.location));
    await settled(id);
    expect((await get(t.app, `/desa/${DESA_A}/impor/${id}`, operatorB)).statusCode).toBe(404);
    expect((await get(t.app, `/desa/${DESA_B}/impor/${id}`, operatorB)).statusCode).toBe(404);
    expect((await post(operatorB, `/desa/${DESA_B}/impor/${id}/terapkan`)).statusCode).toBe(404);
    expect((await upload(operatorB, await goodFile(), DESA_A)).statusCode).toBe(404);
    expect((await upload(kepala, await goodFile())).statusCode).toBe(403);
    expect((await get(t.app, `/desa/${DESA_A}/impor`, kepala)).statusCode).toBe(403);
    const cancelled = await post(operator, `/desa/${DESA_A}/impor/${id}/batal`);
    expect(cancelled.statusCode).toBe(303);
    expect((await post(operator, `/desa/${DESA_A}/impor/${id}/terapkan`)).statusCode).toBe(409);
  });

  it('serves an empty template that imports as nothing but is recognised', async () => {
    const res = await get(t.app, `/desa/${DESA_A}/impor/templat.xlsx`, operator);
    expect(res.statusCode).toBe(200);
    const back = await upload(operator, res.rawPayload);
    const id = jobId(String(back.headers.location));
    await settled(id);
    const job = await get(t.app, `/desa/${DESA_A}/impor/${id}`, operator);
    expect(job.body).toContain('Pratinjau siap');
    expect(job.body).toContain('Tidak ada baris yang bisa disimpan');
  });
});
