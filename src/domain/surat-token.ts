/**
 * The verification token in a letter's QR code (`/v/{token}`, letters.md §7): the letter's public id, number,
 * desa, dates and content hash, signed with Ed25519 so that anyone holding the published public key can check
 * it offline. Compact binary, base64url (~200 characters for a usual number), laid out as:
 *
 *   versi 1 · kid 8 · id 12 · desa 5 (10 digits) · tanggal 2 · berlaku 2 (FFFF = none) · hash 32 ·
 *   nomor (1 length byte + UTF-8) · signature 64
 *
 * Dates are days since 2000-01-01. The signature covers a fixed context string followed by every byte before
 * it. Decoding is strict (one token per payload), so a changed character is never silently accepted.
 */
import { createHash, type KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { nextLocalDay } from '#src/lib/time-zone.js';

export const TOKEN_VERSI = 1;

export interface TokenPayload {
  /** the letter's opaque random id: 16 base64url characters (randomSuratId) */
  id: string;
  nomor: string;
  /** desa code, e.g. 33.17.09.2001 */
  desa: string;
  /** letter date, YYYY-MM-DD */
  tanggal: string;
  /** valid until the end of this day (Asia/Jakarta); null: no end */
  berlaku: string | null;
  /** SHA-256 (lower-case hex) of the letter's content */
  hash: string;
}

export interface KunciToken {
  /** 8 bytes as 11 base64url characters; kidOf(publicKey) is the usual choice */
  kid: string;
  privateKey: KeyObject;
}

export type AlasanTolak = 'rusak' | 'kunci_tidak_dikenal' | 'tanda_tangan_salah' | 'kedaluwarsa';

export type HasilVerifikasi =
  | { ok: true; payload: TokenPayload }
  /** genuine but past its validity: the payload is given so the page can say which letter */
  | { ok: false; alasan: 'kedaluwarsa'; payload: TokenPayload }
  | { ok: false; alasan: Exclude<AlasanTolak, 'kedaluwarsa'> };

const KONTEKS = Buffer.from('balai/surat-token\0');
const TETAP = 1 + 8 + 12 + 5 + 2 + 2 + 32;
const TTD = 64;
const TANPA_BATAS = 0xffff;
const EPOCH = Date.UTC(2000, 0, 1);
const HARI = 86_400_000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A new letter id: 12 random bytes, 16 base64url characters. */
export function randomSuratId(): string {
  return randomBytes(12).toString('base64url');
}

/** The key id of a public key: the first 8 bytes of the SHA-256 of its SPKI encoding, base64url. */
export function kidOf(publicKey: KeyObject): string {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest().subarray(0, 8).toString('base64url');
}

function hariDari(tanggal: string, field: string): number {
  const t = Date.parse(`${tanggal}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(tanggal) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== tanggal)
    throw new RangeError(`${field} bukan tanggal YYYY-MM-DD: ${tanggal}`);
  const hari = (t - EPOCH) / HARI;
  if (hari < 0 || hari >= TANPA_BATAS) throw new RangeError(`${field} di luar 2000–2179: ${tanggal}`);
  return hari;
}

const tanggalDari = (hari: number) => new Date(EPOCH + hari * HARI).toISOString().slice(0, 10);

function cekKunci(key: KeyObject, jenis: KeyObject['type'][]): void {
  if (!jenis.includes(key.type) || key.asymmetricKeyType !== 'ed25519')
    throw new TypeError(`kunci token harus kunci ${jenis.join('/')} Ed25519`);
}

function encodeBody(p: TokenPayload, kid: string): Buffer {
  const kidBytes = Buffer.from(kid, 'base64url');
  if (kidBytes.length !== 8 || kidBytes.toString('base64url') !== kid)
    throw new RangeError('kid harus 8 byte dalam base64url (11 karakter)');
  if (!/^[A-Za-z0-9_-]{16}$/.test(p.id)) throw new RangeError('id surat harus 16 karakter base64url');
  if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(p.desa)) throw new RangeError(`kode desa tidak valid: ${p.desa}`);
  if (!/^[0-9a-f]{64}$/.test(p.hash)) throw new RangeError('hash harus SHA-256 hex huruf kecil');
  const nomor = Buffer.from(p.nomor, 'utf8');
  if (nomor.length < 1 || nomor.length > 255) throw new RangeError('nomor surat harus 1–255 byte');
  const tanggal = hariDari(p.tanggal, 'tanggal');
  const berlaku = p.berlaku === null ? TANPA_BATAS : hariDari(p.berlaku, 'berlaku');
  if (berlaku < tanggal) throw new RangeError('berlaku sebelum tanggal surat');

  const body = Buffer.alloc(TETAP + 1 + nomor.length);
  body.writeUInt8(TOKEN_VERSI, 0);
  kidBytes.copy(body, 1);
  Buffer.from(p.id, 'base64url').copy(body, 9);
  body.writeUIntBE(Number(p.desa.replaceAll('.', '')), 21, 5);
  body.writeUInt16BE(tanggal, 26);
  body.writeUInt16BE(berlaku, 28);
  body.write(p.hash, 30, 'hex');
  body.writeUInt8(nomor.length, TETAP);
  nomor.copy(body, TETAP + 1);
  return body;
}

/** The signed token, base64url. Throws RangeError/TypeError for a payload or key that cannot be encoded. */
export function signToken(p: TokenPayload, key: KunciToken): string {
  cekKunci(key.privateKey, ['private']);
  const body = encodeBody(p, key.kid);
  const signature = sign(null, Buffer.concat([KONTEKS, body]), key.privateKey);
  return Buffer.concat([body, signature]).toString('base64url');
}

interface Terurai {
  kid: string;
  body: Buffer;
  signature: Buffer;
  payload: TokenPayload;
}

function decode(token: string): Terurai | null {
  if (!/^[A-Za-z0-9_-]+$/.test(token) || token.length > 1000) return null;
  const bytes = Buffer.from(token, 'base64url');
  // Node skips stray bits; only the canonical spelling of these bytes is a token
  if (bytes.toString('base64url') !== token || bytes.length < TETAP + 1 + TTD) return null;
  if (bytes.readUInt8(0) !== TOKEN_VERSI) return null;
  const panjang = bytes.readUInt8(TETAP);
  if (bytes.length !== TETAP + 1 + panjang + TTD) return null;
  const desa = String(bytes.readUIntBE(21, 5)).padStart(10, '0');
  const tanggal = bytes.readUInt16BE(26);
  const berlaku = bytes.readUInt16BE(28);
  if (desa.length !== 10 || tanggal === TANPA_BATAS || berlaku < tanggal || panjang === 0) return null;
  let nomor: string;
  try {
    nomor = utf8.decode(bytes.subarray(TETAP + 1, TETAP + 1 + panjang));
  } catch {
    return null;
  }
  const body = bytes.subarray(0, TETAP + 1 + panjang);
  return {
    kid: bytes.subarray(1, 9).toString('base64url'),
    body,
    signature: bytes.subarray(body.length),
    payload: {
      id: bytes.subarray(9, 21).toString('base64url'),
      nomor,
      desa: `${desa.slice(0, 2)}.${desa.slice(2, 4)}.${desa.slice(4, 6)}.${desa.slice(6)}`,
      tanggal: tanggalDari(tanggal),
      berlaku: berlaku === TANPA_BATAS ? null : tanggalDari(berlaku),
      hash: bytes.toString('hex', 30, 62),
    },
  };
}

/**
 * Check a token: well-formed, signed by a known key, not past its validity (the end of the `berlaku` day in
 * Asia/Jakarta). The signature is checked before the date, so a forged token never reads as merely expired.
 */
export function verifyToken(
  token: string,
  keys: (kid: string) => KeyObject | undefined,
  now: Date = new Date(),
): HasilVerifikasi {
  const t = decode(token);
  if (!t) return { ok: false, alasan: 'rusak' };
  const key = keys(t.kid);
  if (!key) return { ok: false, alasan: 'kunci_tidak_dikenal' };
  cekKunci(key, ['public', 'private']);
  if (!verify(null, Buffer.concat([KONTEKS, t.body]), key, t.signature))
    return { ok: false, alasan: 'tanda_tangan_salah' };
  const { payload } = t;
  if (payload.berlaku !== null && now.getTime() >= Date.parse(nextLocalDay(payload.berlaku)))
    return { ok: false, alasan: 'kedaluwarsa', payload };
  return { ok: true, payload };
}
