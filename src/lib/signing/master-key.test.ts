import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  decryptSecret,
  encryptSecret,
  KunciIndukError,
  loadMasterKey,
  masterKeyFile,
} from '#src/lib/signing/master-key.js';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'balai-kunci-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('master key', () => {
  it('is created once in <dataDir>/kunci/master.key, 0600 in a 0700 folder, and reused', () => {
    const dir = dataDir();
    const key = loadMasterKey({ dataDir: dir });
    expect(key).toHaveLength(32);
    const file = masterKeyFile(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'kunci')).mode & 0o777).toBe(0o700);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(key)).toBe(true);
  });

  it('comes from BALAI_MASTER_KEY when given, without touching the folder', () => {
    const dir = dataDir();
    const base64 = randomBytes(32).toString('base64');
    expect(loadMasterKey({ dataDir: dir, masterKey: base64 }).toString('base64')).toBe(base64);
    expect(() => statSync(masterKeyFile(dir))).toThrow();
    expect(() => loadMasterKey({ dataDir: dir, masterKey: 'dGVybGFsdS1wZW5kZWs=' })).toThrow(KunciIndukError);
  });
});

describe('encryptSecret / decryptSecret (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const secret = Buffer.from('-----BEGIN PRIVATE KEY-----\nMIIE…\n-----END PRIVATE KEY-----\n');

  it('round-trips, and the sealed text holds neither the plain bytes nor their base64', () => {
    const sealed = encryptSecret(key, secret, 'baris-1');
    expect(sealed).toMatch(/^v1:[\w-]{8}:/);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(sealed).not.toContain(secret.toString('base64').slice(0, 16));
    expect(decryptSecret(key, sealed, 'baris-1').equals(secret)).toBe(true);
    // a fresh IV each time
    expect(encryptSecret(key, secret, 'baris-1')).not.toBe(sealed);
  });

  it('names a wrong master key plainly', () => {
    const sealed = encryptSecret(key, secret, 'baris-1');
    expect(() => decryptSecret(randomBytes(32), sealed, 'baris-1')).toThrow(/Kunci induk tidak cocok/);
  });

  it('refuses a ciphertext moved to another row or altered', () => {
    const sealed = encryptSecret(key, secret, 'baris-1');
    expect(() => decryptSecret(key, sealed, 'baris-2')).toThrow(/rusak atau telah diubah/);
    const parts = sealed.split(':');
    const body = Buffer.from(parts[4] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => decryptSecret(key, parts.join(':'), 'baris-1')).toThrow(KunciIndukError);
    expect(() => decryptSecret(key, 'bukan-sandi', 'baris-1')).toThrow(/tidak dikenal/);
  });
});
