import { describe, expect, it } from 'vitest';
import { blokTyp, markupKeTypst, parseInline, parseMarkup } from './surat-markup.js';
import { typCm, typStr, typStrArray } from './typst-teks.js';

describe('parseInline', () => {
  it('splits bold runs', () => {
    expect(parseInline('a **b** c')).toEqual([
      { teks: 'a ', tebal: false },
      { teks: 'b', tebal: true },
      { teks: ' c', tebal: false },
    ]);
  });

  it('keeps unmatched or empty markers as text', () => {
    expect(parseInline('2 ** 3')).toEqual([{ teks: '2 ** 3', tebal: false }]);
    expect(parseInline('****')).toEqual([{ teks: '****', tebal: false }]);
  });
});

describe('parseMarkup', () => {
  it('reads paragraphs, data rows and centred lines', () => {
    const blocks = parseMarkup(
      'Baris satu\nbaris dua\n\n| Nama | **SITI**\n  | NIK | 123 |\n|Tanpa nilai\n::center:: Judul\nAkhir\r\n',
    );
    expect(blocks.map((b) => b.jenis)).toEqual(['paragraf', 'data', 'tengah', 'paragraf']);
    expect(blocks[0]).toEqual({
      jenis: 'paragraf',
      baris: [[{ teks: 'Baris satu', tebal: false }], [{ teks: 'baris dua', tebal: false }]],
    });
    expect(blocks[1]).toEqual({
      jenis: 'data',
      baris: [
        { label: [{ teks: 'Nama', tebal: false }], nilai: [{ teks: 'SITI', tebal: true }] },
        { label: [{ teks: 'NIK', tebal: false }], nilai: [{ teks: '123', tebal: false }] },
        { label: [{ teks: 'Tanpa nilai', tebal: false }], nilai: [] },
      ],
    });
  });

  it('keeps a "|" inside a value', () => {
    const [b] = parseMarkup('| Catatan | a | b');
    expect(b).toEqual({
      jenis: 'data',
      baris: [{ label: [{ teks: 'Catatan', tebal: false }], nilai: [{ teks: 'a | b', tebal: false }] }],
    });
  });

  it('gives nothing for blank text', () => {
    expect(parseMarkup('\n  \n')).toEqual([]);
    expect(markupKeTypst('')).toBe('');
  });
});

describe('Typst output', () => {
  it('passes all text as string literals', () => {
    expect(typStr('a"b\\c\nd\te\u0001')).toBe('"a\\"b\\\\c\\nd\\te\\u{1}"');
    expect(typStr('#import "x": *')).toBe('"#import \\"x\\": *"');
    expect(typStrArray(['a'])).toBe('("a",)');
    expect(typCm(1.5)).toBe('1.5cm');
    expect(typCm(-2)).toBe('0cm');
    expect(typCm(Number.NaN)).toBe('0cm');
  });

  it('writes blocks as library calls, with every label of the letter for the table width', () => {
    const typ = blokTyp(parseMarkup('Hai **kamu**\n\n| A | 1\n\n| Bb | 2'));
    expect(typ).toBe(
      [
        '#let semua-label = ([#"A"], [#"Bb"],)',
        '#paragraf([#"Hai "#strong("kamu")])',
        '#data-baris(semua-label, ([#"A"], [#"1"]))',
        '#data-baris(semua-label, ([#"Bb"], [#"2"]))',
      ].join('\n'),
    );
  });

  it('cannot be escaped from by the text', () => {
    const evil = '"] #read("/etc/passwd") [ \\" #import "@preview/x:1.0.0": *';
    const typ = markupKeTypst(evil);
    // The whole text sits inside ONE string literal: strip the literal and nothing of the text is left.
    const literal = typStr(evil);
    expect(typ).toBe(`#paragraf([#${literal}])`);
    expect(typ.replace(literal, '')).toBe('#paragraf([#])');
  });
});
