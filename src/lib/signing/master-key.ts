import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The master key that encrypts signing keys at rest (AES-256-GCM). From BALAI_MASTER_KEY when set, else from
 * `<dataDir>/kunci/master.key`, made on first use (0600 in a 0700 folder).
 */
export interface KeyContext {
  dataDir: string;
  /** base64 of 32 bytes (env BALAI_MASTER_KEY) */
  masterKey?: string;
}

/** The master key is missing, malformed, or not the one the stored keys were encrypted with. */
export class KunciIndukError extends Error {}

const FORMAT = 'v1';
const cache = new Map<string, Buffer>();

export function masterKeyFile(dataDir: string): string {
  return join(dataDir, 'kunci', 'master.key');
}

export function loadMasterKey(ctx: KeyContext): Buffer {
  const cacheKey = ctx.masterKey ? `env:${ctx.masterKey}` : `file:${ctx.dataDir}`;
  let key = cache.get(cacheKey);
  if (!key) {
    key = ctx.masterKey ? decodeKey(ctx.masterKey, 'BALAI_MASTER_KEY') : readOrCreateKeyFile(ctx.dataDir);
    cache.set(cacheKey, key);
  }
  return key;
}

function decodeKey(base64: string, source: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new KunciIndukError(`Kunci induk di ${source} harus base64 dari 32 byte.`);
  return key;
}

function readOrCreateKeyFile(dataDir: string): Buffer {
  const file = masterKeyFile(dataDir);
  try {
    return decodeKey(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const dir = join(dataDir, 'kunci');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  // write aside, then link into place: another process racing here either wins or reads a complete file
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
  return decodeKey(readFileSync(file, 'utf8'), file);
}

/** A short id of a master key, stored with each ciphertext so a wrong key is named, not guessed. */
function keyId(key: Buffer): string {
  return createHash('sha256').update('balai-kunci-induk').update(key).digest('base64url').slice(0, 8);
}

/** `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url); `context` (e.g. the row id) is bound as associated data. */
export function encryptSecret(key: Buffer, plain: Uint8Array, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return [FORMAT, keyId(key), ...parts].join(':');
}

export function decryptSecret(key: Buffer, sealed: string, context: string): Buffer {
  const [format, id, iv, tag, body] = sealed.split(':');
  if (format !== FORMAT || !id || !iv || !tag || body === undefined)
    throw new KunciIndukError('Kunci privat tersimpan dalam bentuk yang tidak dikenal.');
  if (id !== keyId(key))
    throw new KunciIndukError(
      `Kunci induk tidak cocok: kunci tanda tangan dienkripsi dengan kunci induk ${id}, yang terpasang ${keyId(key)}. ` +
        'Pasang kembali BALAI_MASTER_KEY atau berkas kunci/master.key yang lama.',
    );
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  } catch {
    throw new KunciIndukError('Kunci privat tersimpan rusak atau telah diubah (autentikasi AES-GCM gagal).');
  }
}
