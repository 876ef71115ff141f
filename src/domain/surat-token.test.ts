import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { kidOf, randomSuratId, signToken, type TokenPayload, verifyToken } from './surat-token.js';

const pair = generateKeyPairSync('ed25519');
const kid = kidOf(pair.publicKey);
const key = { kid, privateKey: pair.privateKey };
const keys = (k: string): KeyObject | undefined => (k === kid ? pair.publicKey : undefined);

const payload: TokenPayload = {
  id: randomSuratId(),
  nomor: 'S-41/001/2001/XI/2026',
  desa: '33.17.09.2001',
  tanggal: '2026-11-30',
  berlaku: '2026-12-30',
  hash: createHash('sha256').update('isi surat').digest('hex'),
};
const now = new Date('2026-12-01T03:00:00Z');

/** the token with one byte (counted from the start, or from the end when negative) flipped */
function flip(token: string, at: number): string {
  const bytes = Buffer.from(token, 'base64url');
  const i = at < 0 ? bytes.length + at : at;
  bytes[i] = (bytes[i] as number) ^ 0x01;
  return bytes.toString('base64url');
}

describe('letter verification token', () => {
  it('round-trips the payload, including a letter without an end date and a non-ASCII number', () => {
    const token = signToken(payload, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(verifyToken(token, keys, now)).toEqual({ ok: true, payload });
    const tanpaBatas = { ...payload, berlaku: null, nomor: '470/012/Ds.Sidoarjo–Timur/2026' };
    expect(verifyToken(signToken(tanpaBatas, key), keys, new Date('2100-01-01'))).toEqual({
      ok: true,
      payload: tanpaBatas,
    });
  });

  it('fits in a small QR code: at most 200 characters for a usual number', () => {
    const token = signToken(payload, key);
    expect(token.length).toBeLessThanOrEqual(200);
    // one character per byte of the number beyond that
    const panjang = signToken({ ...payload, nomor: `${payload.nomor}/TAMBAHAN` }, key);
    expect(panjang.length - token.length).toBeLessThanOrEqual(12);
  });

  it('a changed byte anywhere in the signed part or the signature fails the signature', () => {
    const token = signToken(payload, key);
    const length = Buffer.from(token, 'base64url').length;
    // the letter id, desa, date, hash, number text and signature (not the version, kid or length bytes)
    for (const at of [9, 21, 27, 29, 40, 61, 63, length - 70, length - 1])
      expect(verifyToken(flip(token, at), keys, now), `byte ${at}`).toEqual({
        ok: false,
        alasan: 'tanda_tangan_salah',
      });
    // another key's signature over the same payload
    const other = generateKeyPairSync('ed25519');
    const forged = signToken(payload, { kid, privateKey: other.privateKey });
    expect(verifyToken(forged, keys, now)).toEqual({ ok: false, alasan: 'tanda_tangan_salah' });
  });

  it('an unknown key id is named as such', () => {
    const other = generateKeyPairSync('ed25519');
    const token = signToken(payload, { kid: kidOf(other.publicKey), privateKey: other.privateKey });
    expect(verifyToken(token, keys, now)).toEqual({ ok: false, alasan: 'kunci_tidak_dikenal' });
    expect(verifyToken(flip(signToken(payload, key), 3), keys, now)).toEqual({
      ok: false,
      alasan: 'kunci_tidak_dikenal',
    });
  });

  it('garbage, truncation, extra bytes, a wrong version and non-canonical spelling are rusak', () => {
    const token = signToken(payload, key);
    const rusak = { ok: false, alasan: 'rusak' };
    for (const bad of [
      '',
      'hello',
      'not base64!',
      `${token}=`,
      token.slice(0, -4),
      `${token}AAAA`,
      flip(token, 0),
      Buffer.alloc(200, 7).toString('base64url'),
      'A'.repeat(5000),
    ])
      expect(verifyToken(bad, keys, now), bad.slice(0, 20)).toEqual(rusak);
    // the length byte no longer matches the token's length
    expect(verifyToken(flip(token, 62), keys, now)).toEqual(rusak);
    // the same bytes spelled with different unused trailing bits
    const last = token.at(-1) as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = `${token.slice(0, -1)}${alphabet[alphabet.indexOf(last) ^ 1]}`;
    expect(Buffer.from(sibling, 'base64url').equals(Buffer.from(token, 'base64url'))).toBe(true);
    expect(verifyToken(sibling, keys, now)).toEqual(rusak);
  });

  it('is valid through the last day in Jakarta and expired from the next midnight WIB', () => {
    const token = signToken(payload, key);
    // 2026-12-30 23:59 WIB = 16:59 UTC
    expect(verifyToken(token, keys, new Date('2026-12-30T16:59:59Z')).ok).toBe(true);
    expect(verifyToken(token, keys, new Date('2026-12-30T17:00:00Z'))).toEqual({
      ok: false,
      alasan: 'kedaluwarsa',
      payload,
    });
    // a forged token is never reported as merely expired
    expect(verifyToken(flip(token, 40), keys, new Date('2027-06-01')).ok).toBe(false);
    expect(verifyToken(flip(token, 40), keys, new Date('2027-06-01'))).toMatchObject({ alasan: 'tanda_tangan_salah' });
  });

  it('refuses to sign a payload it cannot encode faithfully, or with a key that is not Ed25519', () => {
    const bad: Partial<TokenPayload>[] = [
      { id: 'pendek' },
      { desa: '33.17' },
      { hash: 'ABC' },
      { hash: payload.hash.toUpperCase() },
      { tanggal: '2026-02-30' },
      { berlaku: '2026-11-01' },
      { tanggal: '1999-12-31' },
      { nomor: '' },
      { nomor: 'x'.repeat(256) },
    ];
    for (const change of bad) expect(() => signToken({ ...payload, ...change }, key)).toThrow(RangeError);
    expect(() => signToken(payload, { kid: 'abc', privateKey: pair.privateKey })).toThrow(RangeError);
    // the same 8 bytes spelled with an unused bit set
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const odd = `${kid.slice(0, -1)}${alphabet[alphabet.indexOf(kid.at(-1) as string) ^ 1]}`;
    expect(Buffer.from(odd, 'base64url').equals(Buffer.from(kid, 'base64url'))).toBe(true);
    expect(() => signToken(payload, { kid: odd, privateKey: pair.privateKey })).toThrow(RangeError);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => signToken(payload, { kid, privateKey: rsa.privateKey })).toThrow(TypeError);
  });

  it('makes random 16-character ids and 11-character key ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, randomSuratId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(kid).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(kidOf(pair.publicKey)).toBe(kid);
  });
});
