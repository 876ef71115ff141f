import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-db.js';
import { type CliIo, runCommand } from './commands.js';

const PASSWORD = 'jembatan merah di kaliori';

function fakeIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => void out.push(s), err: (s) => void err.push(s), readStdin: async () => stdin };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('balai CLI', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.close());

  it('activates a desa or a whole kecamatan, idempotently', async () => {
    const one = fakeIo();
    expect(await runCommand(t.db, ['desa', 'activate', '33.17.09.2001'], {}, one.io)).toBe(0);
    expect(one.out()).toBe('1 desa/kelurahan diaktifkan, 0 sudah aktif.\n');
    const all = fakeIo();
    expect(await runCommand(t.db, ['desa', 'activate', '33.17.09'], {}, all.io)).toBe(0);
    expect(all.out()).toBe('22 desa/kelurahan diaktifkan, 1 sudah aktif.\n');
    const bad = fakeIo();
    expect(await runCommand(t.db, ['desa', 'activate', '33.99'], {}, bad.io)).toBe(1);
    expect(bad.err()).toContain('Kode wilayah 33.99 tidak ditemukan');
  });

  it('creates a user from a password on stdin, never with a default password', async () => {
    const noStdin = fakeIo();
    expect(
      await runCommand(
        t.db,
        ['user', 'create'],
        { username: 'kab', role: 'admin-kabupaten', scope: '33.17' },
        noStdin.io,
      ),
    ).toBe(2);
    expect(noStdin.err()).toContain('--password-stdin');
    const weak = fakeIo('admin123\n');
    const args = { username: 'kab', role: 'admin-kabupaten', scope: '33.17', 'password-stdin': true };
    expect(await runCommand(t.db, ['user', 'create'], args, weak.io)).toBe(1);
    expect(weak.err()).toContain('Kata sandi paling sedikit 10 karakter.');
    const ok = fakeIo(`${PASSWORD}\n`);
    expect(await runCommand(t.db, ['user', 'create'], args, ok.io)).toBe(0);
    expect(ok.out()).toContain('Akun kab dibuat');
    const setting = await t.db
      .selectFrom('pengaturan')
      .select('nilai')
      .where('kunci', '=', 'kabupaten_kode')
      .executeTakeFirst();
    expect(setting?.nilai).toBe('33.17');
    const wrongScope = fakeIo(`${PASSWORD}\n`);
    expect(
      await runCommand(t.db, ['user', 'create'], { ...args, username: 'x.y', scope: '33.17.09' }, wrongScope.io),
    ).toBe(1);
    expect(wrongScope.err()).toContain('Lingkup tidak sesuai peran');
  });

  it('prints only the token, once', async () => {
    const io = fakeIo();
    expect(await runCommand(t.db, ['token', 'create'], { user: 'kab', days: '30' }, io.io)).toBe(0);
    expect(io.out()).toMatch(/^balai_[A-Za-z0-9_-]{43}\n$/);
    const missing = fakeIo();
    expect(await runCommand(t.db, ['token', 'create'], { user: 'tidak.ada' }, missing.io)).toBe(1);
    expect(missing.err()).toContain('Pengguna tidak ditemukan.');
  });

  it('loads the demo: Rembang, 23 desa of Kaliori with dusun/RW/RT, one account per role; a second run adds nothing', async () => {
    const first = fakeIo();
    expect(await runCommand(t.db, ['demo'], {}, first.io)).toBe(0);
    const report = first.out();
    for (const u of [
      'kab.rembang',
      'kec.kaliori',
      'admin.meteseh',
      'operator.meteseh',
      'sekdes.meteseh',
      'kades.meteseh',
      'editor.meteseh',
      'krajan.meteseh',
    ]) {
      expect(report).toContain(u);
    }
    expect(report).toMatch(/admin\.meteseh\s+[A-Za-z0-9_-]{16}\s+admin-desa @ 33\.17\.09\.2001/);
    const desa = await t.db.selectFrom('desa').select('kode').execute();
    expect(desa).toHaveLength(23);
    const perDesa = await t.db
      .selectFrom('lingkungan')
      .select('desa_kode')
      .where('tingkat', '=', 'dusun')
      .distinct()
      .execute();
    expect(perDesa).toHaveLength(23);
    const counts = async () => ({
      lingkungan: (await t.db.selectFrom('lingkungan').select('id').execute()).length,
      pengguna: (await t.db.selectFrom('pengguna').select('id').execute()).length,
    });
    const before = await counts();
    const second = fakeIo();
    expect(await runCommand(t.db, ['demo'], {}, second.io)).toBe(0);
    expect(second.out()).toContain('(sudah ada — kata sandi tidak diubah)');
    expect(await counts()).toEqual(before);
  });

  const bin = fileURLToPath(new URL('../../bin/balai.js', import.meta.url));
  const built = existsSync(fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url)));
  it.runIf(built)('works as `npx balai` from the shell, with the password piped in', () => {
    const env = { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' };
    const create = spawnSync(
      process.execPath,
      [
        bin,
        'user',
        'create',
        '--username',
        'shell.admin',
        '--role',
        'staf-kecamatan',
        '--scope',
        '33.17.09',
        '--password-stdin',
      ],
      {
        env,
        input: `${PASSWORD}\n`,
        encoding: 'utf8',
      },
    );
    expect(create.stderr).toBe('');
    expect(create.status).toBe(0);
    const token = execFileSync(process.execPath, [bin, 'token', 'create', '--user', 'shell.admin'], {
      env,
      encoding: 'utf8',
    });
    expect(token.trim()).toMatch(/^balai_\S+$/);
    const help = spawnSync(process.execPath, [bin], { env, encoding: 'utf8' });
    expect(help.status).toBe(2);
    expect(help.stdout).toContain('Pemakaian: npx balai');
  });
});
