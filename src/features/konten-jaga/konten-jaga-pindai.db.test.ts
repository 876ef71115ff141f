import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '#src/cli/commands.js';
import { useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B } from '../../../tests/support/builders.js';
import { insertArtikel, SUNTIKAN } from '../../../tests/support/konten-jaga-fixture.js';
import { pindaiKontenTerbit, waktuPindaiBerikut } from './konten-jaga.pindai.js';

const ENV = { BALAI_IFRAME_HOSTS: ['www.youtube-nocookie.com'], BALAI_PUBLIC_URL: 'https://sid.rembangkab.go.id' };
const BERSIH = '<p>Posyandu balita <a href="https://sid.rembangkab.go.id/x">jadwal</a></p>';

describe('nightly scan of published content', () => {
  const t = useTestApp();
  const status = async (id: number) =>
    (await t.db.selectFrom('artikel').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const menunggu = async (id: number) =>
    (
      await t.db
        .selectFrom('konten_temuan')
        .select('jenis')
        .where('sumber_id', '=', id)
        .where('status', '=', 'menunggu')
        .execute()
    ).map((r) => r.jenis);

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await t.db.insertInto('desa_host').values({ desa_kode: DESA_A, host: 'mojowarno.desa.id' }).execute();
  });

  it('holds published articles whose stored HTML was tampered with, leaves the rest, and is audited', async () => {
    const bersih = await insertArtikel(t.db, DESA_A, { status: 'terbit', mentah: BERSIH, html: BERSIH });
    // injected straight into the published HTML (the raw copy is still clean): the scan reads both
    const disusupi = await insertArtikel(t.db, DESA_B, {
      status: 'terbit',
      mentah: BERSIH,
      html: `${BERSIH}<p>Daftar <a href="https://x.example/">situs slot gacor</a> maxwin</p>`,
    });
    const tersembunyi = await insertArtikel(t.db, DESA_A, { status: 'terbit', mentah: SUNTIKAN });
    const draf = await insertArtikel(t.db, DESA_A, { status: 'draf', mentah: SUNTIKAN });
    const hasil = await pindaiKontenTerbit(t.db, ENV);
    expect(hasil.diperiksa).toBeGreaterThanOrEqual(3);
    expect(hasil.ditahan).toBe(2);
    expect(await status(bersih)).toBe('terbit');
    expect(await status(disusupi)).toBe('ditahan');
    expect(await menunggu(disusupi)).toEqual(['kata-judi']);
    expect(await status(tersembunyi)).toBe('ditahan');
    expect(new Set(await menunggu(tersembunyi))).toEqual(new Set(['tautan-tersembunyi', 'kata-judi']));
    expect(await status(draf)).toBe('draf');
    expect(await menunggu(draf)).toEqual([]);
    const log = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('aksi', '=', 'tahan-konten')
      .where('entitas_id', '=', `artikel/${disusupi}`)
      .executeTakeFirstOrThrow();
    expect(log).toMatchObject({ username: 'pindai-konten', peran: 'sistem', desa_kode: DESA_B, alasan: 'kata-judi' });
  });

  it('does not hold again what an admin released, but holds a new finding', async () => {
    const id = await insertArtikel(t.db, DESA_A, { status: 'terbit', mentah: SUNTIKAN });
    await pindaiKontenTerbit(t.db, ENV);
    expect(await status(id)).toBe('ditahan');
    // the admin's release
    await t.db.updateTable('konten_temuan').set({ status: 'dilepas' }).where('sumber_id', '=', id).execute();
    await t.db.updateTable('artikel').set({ status: 'terbit' }).where('id', '=', id).execute();
    expect((await pindaiKontenTerbit(t.db, ENV)).ditahan).toBe(0);
    expect(await status(id)).toBe('terbit');
    // later someone adds links in bulk to unknown sites
    const banyak = ['a', 'b', 'c'].map((h) => `<a href="https://${h}.example/">${h}</a>`).join('');
    await t.db
      .updateTable('artikel')
      .set({ isi_html: `<p>x</p>${banyak}` })
      .where('id', '=', id)
      .execute();
    expect((await pindaiKontenTerbit(t.db, ENV)).ditahan).toBe(1);
    expect(await status(id)).toBe('ditahan');
    expect(await menunggu(id)).toEqual(['domain-asing']);
  });

  it('treats links to the desa own hosts and the installation as known', async () => {
    const sendiri = ['mojowarno.desa.id', 'www.mojowarno.desa.id', 'sid.rembangkab.go.id']
      .flatMap((h) => [1, 2].map((i) => `<a href="https://${h}/${i}">${i}</a>`))
      .join('');
    const id = await insertArtikel(t.db, DESA_A, { status: 'terbit', mentah: sendiri, html: sendiri });
    await pindaiKontenTerbit(t.db, { ...ENV, BALAI_PUBLIC_URL: undefined });
    expect(await status(id)).toBe('terbit');
  });

  it('runs from the command line: npx balai konten pindai', async () => {
    const id = await insertArtikel(t.db, DESA_B, { status: 'terbit', mentah: SUNTIKAN });
    const out: string[] = [];
    const io = {
      out: (s: string) => void out.push(s),
      err: (s: string) => void out.push(s),
      readStdin: async () => '',
    };
    expect(await runCommand(t.db, ['konten', 'pindai'], { json: true }, io)).toBe(0);
    const hasil = JSON.parse(out.join('')) as { diperiksa: number; ditahan: number };
    expect(hasil.ditahan).toBe(1);
    expect(await status(id)).toBe('ditahan');
    out.length = 0;
    expect(await runCommand(t.db, ['konten', 'pindai'], {}, io)).toBe(0);
    expect(out.join('')).toMatch(/^\d+ artikel terbit diperiksa, 0 ditahan untuk ditinjau admin\.\n$/);
  });
});

describe('waktuPindaiBerikut', () => {
  it('picks the next configured hour in WIB (UTC+7)', () => {
    // 01:00 WIB → 02:00 WIB the same day (19:00 UTC the day before)
    expect(waktuPindaiBerikut(new Date('2026-11-27T18:00:00Z'), 2).toISOString()).toBe('2026-11-27T19:00:00.000Z');
    // 02:00 WIB exactly → tomorrow
    expect(waktuPindaiBerikut(new Date('2026-11-27T19:00:00Z'), 2).toISOString()).toBe('2026-11-28T19:00:00.000Z');
    // 10:00 WIB → 02:00 WIB next day
    expect(waktuPindaiBerikut(new Date('2026-11-28T03:00:00Z'), 2).toISOString()).toBe('2026-11-28T19:00:00.000Z');
    expect(waktuPindaiBerikut(new Date('2026-11-28T03:00:00Z'), 23).toISOString()).toBe('2026-11-28T16:00:00.000Z');
  });
});
