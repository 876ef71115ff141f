import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

describe('password policy', () => {
  it('refuses short passwords', () => {
    expect(checkPassword('Ab3$efgh')).toBe('sandiTerlaluPendek');
    expect(checkPassword('')).toBe('sandiTerlaluPendek');
  });

  it('refuses common passwords, also with digits appended', () => {
    for (const pw of [
      '1234567890',
      'qwertyuiop',
      'password123',
      'Indonesia2024!',
      'bismillah123',
      'aaaaaaaaaaaa',
      'ababababab',
    ]) {
      expect(checkPassword(pw), pw).toBe('sandiUmum');
    }
  });

  it('refuses passwords built from the user name', () => {
    expect(checkPassword('operator.meteseh99', { username: 'operator.meteseh' })).toBe('sandiMiripUsername');
  });

  it('accepts a long unusual passphrase', () => {
    expect(checkPassword('kopi tubruk pagi di balai', { username: 'sri' })).toBeNull();
    expect(checkPassword('Rj7#tq2Lm9wZ')).toBeNull();
  });
});
