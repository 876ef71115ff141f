import { describe, expect, it } from 'vitest';
import {
  bolehDibatalkan,
  bolehDiubah,
  langkahDilewati,
  langkahTertinggi,
  parseRantai,
  setelahDiajukan,
  setelahDisetujui,
} from './surat-alur.js';

describe('letter approval chain', () => {
  it('reads the chain setting in chain order, ignoring unknown steps; unset means both steps', () => {
    expect(parseRantai(undefined)).toEqual(['sekdes', 'kades']);
    expect(parseRantai('kades, sekdes')).toEqual(['sekdes', 'kades']);
    expect(parseRantai('kades,camat')).toEqual(['kades']);
    expect(parseRantai('')).toEqual([]);
  });

  it('a submitted letter waits for the first step, or is issued at once when every step is off', () => {
    expect(setelahDiajukan(['sekdes', 'kades'])).toEqual({ ke: 'langkah', langkah: 'sekdes' });
    expect(setelahDiajukan(['kades'])).toEqual({ ke: 'langkah', langkah: 'kades' });
    expect(setelahDiajukan([])).toEqual({ ke: 'terbit' });
  });

  it('the sekretaris passes it to the kepala desa, who issues it', () => {
    expect(setelahDisetujui(['sekdes', 'kades'], 'sekdes', 'sekdes')).toEqual({ ke: 'langkah', langkah: 'kades' });
    expect(setelahDisetujui(['sekdes', 'kades'], 'kades', 'kades')).toEqual({ ke: 'terbit' });
    expect(setelahDisetujui(['sekdes'], 'sekdes', 'sekdes')).toEqual({ ke: 'terbit' });
  });

  it('the kepala desa may approve a letter still at the sekretaris, the sekretaris not one at the kepala desa', () => {
    expect(setelahDisetujui(['sekdes', 'kades'], 'sekdes', 'kades')).toEqual({ ke: 'terbit' });
    expect(langkahDilewati(['sekdes', 'kades'], 'sekdes', 'kades')).toEqual(['sekdes', 'kades']);
    expect(setelahDisetujui(['sekdes', 'kades'], 'kades', 'sekdes')).toBeNull();
    expect(setelahDisetujui(['sekdes', 'kades'], 'sekdes', null)).toBeNull();
  });

  it('knows the highest step a user holds', () => {
    expect(langkahTertinggi(new Set(['sekdes', 'kades']))).toBe('kades');
    expect(langkahTertinggi(new Set(['sekdes']))).toBe('sekdes');
    expect(langkahTertinggi(new Set())).toBeNull();
  });

  it('only drafts and rejected letters are edited; anything not cancelled may be cancelled', () => {
    expect(bolehDiubah('draf')).toBe(true);
    expect(bolehDiubah('ditolak')).toBe(true);
    expect(bolehDiubah('diajukan')).toBe(false);
    expect(bolehDiubah('selesai')).toBe(false);
    expect(bolehDibatalkan('selesai')).toBe(true);
    expect(bolehDibatalkan('dibatalkan')).toBe(false);
  });
});
