import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from './konten-slug.js';

describe('slugs', () => {
  it('keeps ASCII letters and digits, folds accents, joins with dashes', () => {
    expect(slugify('  Musyawarah Desa (Musdes) 2026!  ')).toBe('musyawarah-desa-musdes-2026');
    expect(slugify('Pemilihan Kepala Désa — Tahap Ⅱ')).toBe('pemilihan-kepala-desa-tahap-ii');
    expect(slugify('<script>alert(1)</script>')).toBe('script-alert-1-script');
  });

  it('is never empty and at most 100 characters without a trailing dash', () => {
    expect(slugify('!!!')).toBe('artikel');
    const long = slugify(`${'a'.repeat(99)} b`);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith('-')).toBe(false);
  });

  it('picks the first free suffix', () => {
    expect(uniqueSlug('rapat', new Set())).toBe('rapat');
    expect(uniqueSlug('rapat', new Set(['rapat', 'rapat-2']))).toBe('rapat-3');
  });
});
