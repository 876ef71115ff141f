import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, useTestApp } from '../../tests/support/app.js';
import { activate, DESA_A, insertFamily, makeNik } from '../../tests/support/builders.js';

const bin = fileURLToPath(new URL('../../bin/balai.js', import.meta.url));

describe('npx balai mandiri aktifkan (acceptance interface)', () => {
  const t = useTestApp();
  const nik = makeNik('1986-06-12', 2);
  const nikMati = makeNik('1940-02-02', 1);

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await insertFamily(t.db, DESA_A, { nama: 'Warga Cli', tanggallahir: '1986-06-12', sex: 2, nik });
    const dead = await insertFamily(t.db, DESA_A, {
      nama: 'Alm Cli',
      tanggallahir: '1940-02-02',
      sex: 1,
      nik: nikMati,
    });
    await t.db.updateTable('penduduk').set({ status_dasar: 2 }).where('id', '=', dead.kepalaId).execute();
  });

  const run = (args: string[]) =>
    spawnSync(process.execPath, [bin, 'mandiri', 'aktifkan', ...args], {
      env: { ...process.env, DATABASE_URL: t.url, BALAI_DATA_DIR: t.dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });

  const masuk = (pin: string) =>
    t.app.inject({
      method: 'POST',
      url: '/layanan-mandiri/masuk',
      headers: { origin: ORIGIN, host: 'localhost' },
      payload: { nik, pin },
    });

  it('prints {"nik","pin"} once; the PIN logs in (302) and must then be changed', async () => {
    const r = run(['--nik', nik, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { nik: string; pin: string };
    expect(Object.keys(out).sort()).toEqual(['nik', 'pin']);
    expect(out.nik).toBe(nik);
    expect(out.pin).toMatch(/^\d{6}$/);
    const res = await masuk(out.pin);
    expect(res.statusCode).toBe(302);
    const cookie = String(res.headers['set-cookie']).split(';')[0] as string;
    const home = await t.app.inject({ method: 'GET', url: '/layanan-mandiri', headers: { cookie } });
    expect(home.headers.location).toBe('/layanan-mandiri/pin');
  });

  it('a second run makes a new PIN and the old one stops working', async () => {
    const first = JSON.parse(run(['--nik', nik, '--json']).stdout) as { pin: string };
    const second = JSON.parse(run(['--nik', nik, '--json']).stdout) as { pin: string };
    if (first.pin !== second.pin) expect((await masuk(first.pin)).statusCode).toBe(401);
    expect((await masuk(second.pin)).statusCode).toBe(302);
  });

  it('refuses a dead resident, an unknown NIK and a malformed one, printing no PIN', () => {
    const dead = run(['--nik', nikMati, '--json']);
    expect(dead.status).toBe(1);
    expect(dead.stderr).toContain('masih hidup');
    expect(dead.stdout).toBe('');
    const unknown = run(['--nik', makeNik('1999-01-01', 1), '--json']);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
    const bad = run(['--nik', '123', '--json']);
    expect(bad.status).toBe(2);
  });
});
