import { describe, expect, it } from 'vitest';
import { type SheetContext, sheetRows } from './xlsx-sheet.js';
import { XmlScanError, XmlScanner } from './xml-scan.js';

/** Every event of a document fed in the given pieces, as strings ("<c r=A1 t=s>", "</c>", "'text'"). */
function events(pieces: string[], attributes = ['r', 't', 's', 'x:a', 'b']): string[] {
  const out: string[] = [];
  const scanner: XmlScanner = new XmlScanner({
    open(name) {
      const attrs = attributes.flatMap((a) => {
        const v = scanner.attribute(a);
        return v === undefined ? [] : [`${a}=${v}`];
      });
      out.push(`<${[name, ...attrs].join(' ')}>`);
    },
    close: (name) => out.push(`</${name}>`),
    text: (t) => out.push(`'${t}'`),
  });
  for (const piece of pieces) scanner.write(piece);
  scanner.close();
  // adjacent text events (a text cut by a chunk border comes whole; CDATA next to text comes apart) joined
  return out.reduce<string[]>((acc, e) => {
    const last = acc.at(-1);
    if (last?.startsWith("'") && e.startsWith("'")) acc[acc.length - 1] = `${last.slice(0, -1)}${e.slice(1)}`;
    else acc.push(e);
    return acc;
  }, []);
}

/** The document cut at every position into two pieces, and into pieces of one character. */
function everySplit(doc: string): string[][] {
  const splits = [[doc], [...doc]];
  for (let i = 1; i < doc.length; i += 1) splits.push([doc.slice(0, i), doc.slice(i)]);
  return splits;
}

const DOC = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
  '<x:worksheet xmlns:x="urn:x" x:a=\'1 > 0\'>',
  '<!-- a comment with <tags> and -- inside -->',
  '<sheetData>',
  '<row r="2" spans="1:3"><c r="A2" t="s"><v>7</v></c><c r = "B2"\n\tt="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;c&gt; &#65;&#x42; </t></is></c>',
  '<c r="C2" s="3"/><x:c r="D2"><![CDATA[<raw> & ]]>text</x:c></row>',
  '<?mso-application progid="Excel.Sheet"?>',
  '<row r="3" b="&quot;q&apos;"/>',
  '</sheetData>',
  '</x:worksheet>',
].join('');

const EXPECTED = [
  '<worksheet x:a=1 > 0>',
  '<sheetData>',
  '<row r=2>',
  '<c r=A2 t=s>',
  '<v>',
  "'7'",
  '</v>',
  '</c>',
  '<c r=B2 t=inlineStr>',
  '<is>',
  '<t>',
  "' a & b <c> AB '",
  '</t>',
  '</is>',
  '</c>',
  '<c r=C2 s=3>',
  '</c>',
  '<c r=D2>',
  "'<raw> & text'",
  '</c>',
  '</row>',
  '<row r=3 b="q\'>',
  '</row>',
  '</sheetData>',
  '</worksheet>',
];

describe('XmlScanner', () => {
  it('reads tags, attributes (either quote, spaces around =, > inside), text, entities, CDATA; skips comments and PIs', () => {
    expect(events([DOC])).toEqual(EXPECTED);
  });

  it('gives the same events wherever the text is cut into chunks', () => {
    for (const pieces of everySplit(DOC)) expect(events(pieces)).toEqual(EXPECTED);
  });

  it('keeps multi-byte and astral characters whole', () => {
    expect(events(['<t>', 'é😀', '&#x1F600;</t>'])).toEqual(['<t>', "'é😀😀'", '</t>']);
  });

  it.each([
    ['cut short in a tag', '<a><b r="1'],
    ['cut short in the text', '<a>text'],
    ['an element never closed', '<a><b></b>'],
    ['an end tag without a start tag', '<a></a></b>'],
    ['two root elements', '<a/><b/>'],
    ['text outside the root', 'x<a/>'],
    ['no element at all', '<?xml version="1.0"?>'],
    ['a DOCTYPE (entities of a DTD are never expanded)', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ['an unquoted attribute', '<a r=1/>'],
    ['a broken self-closing tag', '<a /x>'],
    ['a comment never closed', '<a><!-- no end</a>'],
  ])('refuses %s', (_, doc) => {
    expect(() => events([doc])).toThrow(XmlScanError);
  });

  it('leaves an unknown entity as written (nothing to expand it from)', () => {
    expect(events(['<t>&nbsp;x</t>'])).toEqual(['<t>', "'&nbsp;x'", '</t>']);
  });
});

describe('sheetRows', () => {
  const ctx: SheetContext = {
    sharedString: (i) => ['nol', 'satu'][i],
    isDateStyle: (s) => s === 2,
    date1904: false,
  };
  const sheet = [
    '<worksheet><sheetData>',
    '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>ka</t></r><r><t>ta</t></r>',
    '<rPh><t>ignored</t></rPh></is></c></row>',
    '<row r="4"><c r="B4" s="2"><v>45000</v></c><c r="AA4"><f>1+1</f><v>2</v></c><c t="b"><v>1</v></c>',
    '<c r="AC4" t="e"><v>#N/A</v></c></row>',
    '<row r="5"><c r="A5" s="1"/></row>',
    '</sheetData></worksheet>',
  ].join('');

  async function rows(pieces: string[]) {
    async function* text() {
      yield* pieces;
    }
    const out: { row: number; cells: unknown[] }[] = [];
    for await (const r of sheetRows(text(), ctx)) out.push(r);
    return out;
  }

  it('reads shared, rich and inline strings, dates, formulas, booleans, errors; skips phonetic guides and empty rows', async () => {
    const cells4: unknown[] = Array(28).fill(null);
    cells4[1] = new Date('2023-03-15T00:00:00Z');
    cells4[26] = 2;
    cells4[27] = true;
    const expected = [
      { row: 1, cells: ['satu', null, 'kata'] },
      { row: 4, cells: cells4 },
    ];
    expect(await rows([sheet])).toEqual(expected);
    for (const at of [1, 37, 60, 101, 150, 222, sheet.length - 3])
      expect(await rows([sheet.slice(0, at), sheet.slice(at)])).toEqual(expected);
  });

  it('fails on a sheet cut short', async () => {
    await expect(rows([sheet.slice(0, 200)])).rejects.toThrow(XmlScanError);
  });
});
