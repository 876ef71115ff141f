import { describe, expect, it } from 'vitest';
import { copyValue, encodeCopy } from './bulk-copy.js';

describe("COPY's text format", () => {
  it('escapes what would end a field or a row, and marks NULL', () => {
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue('\\N')).toBe('\\\\N');
    expect(copyValue('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyValue('\\.')).toBe('\\\\.');
    expect(copyValue('')).toBe('');
    expect(copyValue('Ñoño 😀')).toBe('Ñoño 😀');
    expect(copyValue(-7.123456789012345)).toBe('-7.123456789012345');
  });

  it('writes one line per row, fields separated by tabs', () => {
    const [t] = encodeCopy([
      {
        table: 'penduduk_peringatan',
        columns: [
          ['penduduk_id', 'int'],
          ['kode', 'text'],
          ['desa_kode', 'text'],
        ],
        rows: [
          [1, 'a\tb', null],
          [2, '', '33.17.09.2001'],
        ],
        explicitIds: false,
      },
    ]);
    expect(t).toMatchObject({ rows: 2, text: '1\ta\\tb\t\\N\n2\t\t33.17.09.2001\n' });
  });
});
