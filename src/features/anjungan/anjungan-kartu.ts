import { hashSecret } from '#src/lib/auth/tokens.js';

/**
 * An e-KTP card's UID as the kiosk's USB reader types it. Readers differ: some separate the bytes with spaces,
 * colons or dashes, some use lower case; the same card must always give the same hash. UIDs are 4, 7 or 10
 * bytes (8–20 hex digits); some readers type the 4-byte UID as a 10-digit decimal number (digits are hex too).
 */
export function normalisasiUid(raw: string): string | null {
  const uid = raw
    .trim()
    .replace(/[\s:.\-_]/g, '')
    .toUpperCase();
  return /^[0-9A-F]{8,20}$/.test(uid) ? uid : null;
}

/** What warga_akun.kartu_hash holds: the SHA-256 of the normalised UID (the UID itself is never stored). */
export function kartuHash(uid: string): string {
  return hashSecret(uid);
}

/** Throttle key of a card: its hash, so that the attempts table never holds UIDs. */
export const kunciKartu = (hash: string) => `kartu:${hash}`;
