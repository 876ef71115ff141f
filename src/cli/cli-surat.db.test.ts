import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, useTestApp } from '../../tests/support/app.js';
import { activate, DESA_A, insertFamily, insertUser, makeNik } from '../../tests/support/builders.js';
import { bacaQr, pdfTeks } from '../../tests/support/pdf-periksa.js';

const bin = fileURLToPath(new URL('../../bin/balai.js', import.meta.url));

/** A multipart body with one file field, as a browser sends it. */
function multipart(name: string, filename: string, data: Buffer) {
  const boundary = '----balaiuji';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('npx balai surat issue (acceptance interface)', () => {
  const t = useTestApp({ BALAI_PUBLIC_URL: 'https://sid.test' });
  const nik = makeNik('1979-04-21', 2);

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await t.db.updateTable('desa').set({ kepala_desa: 'Sutrisno' }).where('kode', '=', DESA_A).execute();
    await insertFamily(t.db, DESA_A, { nama: 'Siti Aminah', tanggallahir: '1979-04-21', sex: 2, nik });
    await insertUser(t.db, 'kades', 'kepala-desa', DESA_A);
    await insertUser(t.db, 'operator', 'operator-desa', DESA_A);
  });

  const run = (args: string[]) =>
    spawnSync(process.execPath, [bin, 'surat', 'issue', ...args], {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        BALAI_DATA_DIR: t.dataDir,
        BALAI_PUBLIC_URL: 'https://sid.test',
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
    });

  it('as the kepala desa: numbered, signed, the QR decodes to the verify URL, and that page says valid', async () => {
    const out = join(t.dataDir, 'domisili.pdf');
    const r = run([
      '--desa',
      DESA_A,
      '--type',
      'surat-keterangan-domisili',
      '--nik',
      nik,
      '--field',
      'keperluan=Melamar pekerjaan',
      '--as',
      'kades',
      '--out',
      out,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout) as { id: number; nomor: string; verify_url: string };
    expect(printed.nomor).toMatch(/^S-41\/001\/3317092001\/[IVX]+\/\d{4}$/);
    expect(printed.verify_url).toMatch(/^https:\/\/sid\.test\/v\/[A-Za-z0-9_-]+$/);
    const pdf = readFileSync(out);
    const text = pdfTeks(pdf);
    const desa = await t.db.selectFrom('wilayah').select('nama').where('kode', '=', DESA_A).executeTakeFirstOrThrow();
    expect(text.toUpperCase()).toContain('SITI AMINAH');
    expect(text).toContain(printed.nomor);
    expect(text.toUpperCase()).toContain(desa.nama.toUpperCase());
    expect(bacaQr(pdf)).toBe(printed.verify_url);

    const path = new URL(printed.verify_url).pathname;
    const page = await t.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Surat ini SAH');
    expect(page.body).toContain(printed.nomor);
    expect(page.body).not.toContain(nik);
    expect(page.body).toContain(`************${nik.slice(-4)}`);

    const same = multipart('berkas', 'surat.pdf', pdf);
    const upload = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { origin: ORIGIN, host: 'localhost', 'content-type': same.type },
      payload: same.body,
    });
    expect(upload.statusCode).toBe(200);
    expect(upload.body).toContain('SAMA PERSIS');
    const changed = Buffer.from(pdf);
    changed[200] = (changed[200] as number) ^ 0x20;
    const other = multipart('berkas', 'surat.pdf', changed);
    const tampered = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { origin: ORIGIN, host: 'localhost', 'content-type': other.type },
      payload: other.body,
    });
    expect(tampered.body).toContain('BERBEDA');
    const broken = await t.app.inject({ method: 'GET', url: `${path.slice(0, -3)}xyz` });
    expect(broken.body).toContain('TIDAK SAH');
  });

  it('as an operator the letter waits for approval: no number, no QR, and the JSON says so', () => {
    const r = run([
      '--desa',
      DESA_A,
      '--type',
      'surat-keterangan-domisili',
      '--nik',
      nik,
      '--as',
      'operator',
      '--json',
    ]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ nomor: null, verify_url: null, status: 'diajukan' });
  });

  it('bad input: an unknown user, a missing NIK, an unknown type — clear messages, non-zero exit', () => {
    expect(run(['--desa', DESA_A, '--type', 'surat-keterangan-domisili', '--nik', nik, '--as', 'siapa']).status).toBe(
      1,
    );
    expect(run(['--desa', DESA_A, '--type', 'surat-keterangan-domisili', '--as', 'kades']).status).toBe(2);
    const r = run(['--desa', DESA_A, '--type', 'surat-tidak-ada', '--nik', nik, '--as', 'kades']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Jenis surat ini tidak ada');
  });
});
