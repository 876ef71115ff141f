import { describe, expect, it } from 'vitest';
import { BatasChat } from '#src/features/telegram/telegram-batas.js';
import { uraiPerintah } from '#src/features/telegram/telegram-bot.js';
import { isiTemplat, labelStatus, TEMPLAT_BAWAAN, tanpaNomorInduk } from './notifikasi-templat.js';
import { jedaCobaLagi, MAKS_PERCOBAAN } from './notifikasi-worker.js';

describe('notification templates', () => {
  it('fills known placeholders and leaves unknown ones as written', () => {
    expect(isiTemplat('Halo {nama}, {x} #{nomor}', { nama: 'Sri', nomor: 5 })).toBe('Halo Sri, {x} #5');
  });

  it('never lets a 16-digit number (NIK, No. KK) through, even from a value', () => {
    expect(isiTemplat('NIK {nama}', { nama: '3317094508870001' })).toBe('NIK [nomor disembunyikan]');
    expect(tanpaNomorInduk('KK 33170912345678901 dan 123456')).toBe('KK [nomor disembunyikan] dan 123456');
  });

  it('names every request status, and something sensible for an unknown one', () => {
    expect(labelStatus(3)).toBe('siap diambil');
    expect(labelStatus(9)).toBe('status 9');
    for (const t of Object.values(TEMPLAT_BAWAAN)) expect(t.teks.length).toBeGreaterThan(10);
  });
});

describe('outbox backoff', () => {
  it('doubles from 30 seconds and stops growing at 6 hours', () => {
    expect([1, 2, 3, 4].map(jedaCobaLagi)).toEqual([30, 60, 120, 240]);
    expect(jedaCobaLagi(30)).toBe(6 * 3600);
    expect(MAKS_PERCOBAAN).toBeGreaterThan(3);
  });
});

describe('telegram commands', () => {
  it('reads commands, bot-addressed commands, "status surat" and a bare linking code', () => {
    expect(uraiPerintah('/start ABCD2345')).toEqual({ perintah: 'start', arg: 'ABCD2345' });
    expect(uraiPerintah('/status@BalaiDesaBot')).toEqual({ perintah: 'status', arg: '' });
    expect(uraiPerintah('  Status Surat ')).toEqual({ perintah: 'status', arg: '' });
    expect(uraiPerintah('abcd2345')).toEqual({ perintah: 'start', arg: 'abcd2345' });
    expect(uraiPerintah('halo pak')).toEqual({ perintah: '', arg: 'halo pak' });
    // 0, 1 are not in the code alphabet: an 8-digit number is not a code
    expect(uraiPerintah('12345678').perintah).toBe('');
  });

  it('rate-limits per chat within a sliding window', () => {
    const b = new BatasChat(2, 1000);
    expect([b.boleh('a', 0), b.boleh('a', 10), b.boleh('a', 20), b.boleh('b', 20)]).toEqual([true, true, false, true]);
    expect(b.boleh('a', 1005)).toBe(true);
  });
});
