import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password rules: at least 10 characters, not a common password (the 49,000-entry list of zxcvbn-ts plus
 * Indonesian favourites), not built from the user name, not one repeated character.
 */
export const MIN_PASSWORD_LENGTH = 10;

const INDONESIAN_COMMON = [
  'bismillah',
  'indonesia',
  'rahasia',
  'sayang',
  'katasandi',
  'kata sandi',
  'merdeka',
  'garuda',
  'pancasila',
  'jakarta',
  'semarang',
  'rembang',
  'kaliori',
  'desa',
  'kelurahan',
  'admin',
  'administrator',
  'operator',
  'balai',
  'opensid',
  'password',
  'sandi',
  'alhamdulillah',
  'assalamualaikum',
];

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** Strip trailing digits/symbols people append to a word ("Indonesia2024!" → "indonesia"). */
function core(password: string): string {
  return password
    .toLowerCase()
    .replace(/[\d\W_]+$/u, '')
    .replace(/^[\d\W_]+/u, '');
}

export type PasswordProblem = 'sandiTerlaluPendek' | 'sandiUmum' | 'sandiMiripUsername';

export function checkPassword(password: string, context: { username?: string } = {}): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'sandiTerlaluPendek';
  const lower = password.toLowerCase();
  const stripped = core(password);
  if (commonPasswords().has(lower) || commonPasswords().has(stripped)) return 'sandiUmum';
  if (INDONESIAN_COMMON.some((w) => stripped === w || lower === w)) return 'sandiUmum';
  if (new Set(lower).size <= 2) return 'sandiUmum';
  if (/^(0123456789|1234567890|abcdefghij|qwertyuiop)/.test(lower)) return 'sandiUmum';
  const username = context.username?.toLowerCase();
  if (username && username.length >= 3 && (lower.includes(username) || stripped === username))
    return 'sandiMiripUsername';
  return null;
}
