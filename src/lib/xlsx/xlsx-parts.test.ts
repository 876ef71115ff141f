import { describe, expect, it } from 'vitest';
import { useTempDir, writeZip } from '../../../tests/support/xlsx-files.js';
import { parseDateStyles, parseRelationships, parseSharedStrings, parseWorkbook } from './xlsx-parts.js';
import { readRows } from './xlsx-read.js';
import { TextTable } from './xlsx-text-table.js';

/** the text in chunks of `size` characters, as an inflating zip entry arrives */
async function* chunks(text: string, size = 7): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe('TextTable', () => {
  it('gives back every text as added, across growth, multi-byte characters included', () => {
    const table = new TextTable();
    const texts = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? '' : `Siti é😀 ${i} ${'x'.repeat(i % 50)}`));
    for (const t of texts) table.add(t);
    table.add('a'.repeat(200_000));
    expect(table.size).toBe(5001);
    for (const [i, t] of texts.entries()) expect(table.get(i)).toBe(t);
    expect(table.get(5000)).toBe('a'.repeat(200_000));
  });

  it('has nothing past its end, before its start or between texts', () => {
    const table = new TextTable();
    table.add('satu');
    for (const i of [1, -1, 0.5, Number.NaN]) expect(table.get(i)).toBeUndefined();
  });
});

describe('workbook parts', () => {
  it('reads relationships and the sheets of a workbook, with or without namespace prefixes', async () => {
    const rels = await parseRelationships(
      chunks(
        '<Relationships xmlns="x"><Relationship Id="rId1" Type="http://a/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://a/styles" Target="styles.xml"/></Relationships>',
      ),
    );
    expect(rels).toEqual([
      { id: 'rId1', type: 'http://a/worksheet', target: 'worksheets/sheet1.xml' },
      { id: 'rId2', type: 'http://a/styles', target: 'styles.xml' },
    ]);
    const plain = await parseWorkbook(
      chunks(
        '<workbook><workbookPr date1904="1"/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    );
    expect(plain).toEqual({ sheets: [{ name: 'Data', rId: 'rId1' }], date1904: true });
    const prefixed = await parseWorkbook(
      chunks(
        '<x:workbook xmlns:x="m" xmlns:rel="r"><x:sheets><x:sheet name="Penduduk" sheetId="1" rel:id="rId3"/><x:sheet name="Kode Data" sheetId="2" rel:id="rId4"/></x:sheets></x:workbook>',
      ),
    );
    expect(prefixed).toEqual({
      sheets: [
        { name: 'Penduduk', rId: 'rId3' },
        { name: 'Kode Data', rId: 'rId4' },
      ],
      date1904: false,
    });
  });

  it('knows which cell styles are dates: custom formats, built-in ones, not cellStyleXfs', async () => {
    const isDate = await parseDateStyles(
      chunks(`<styleSheet>
        <numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;Rp&quot;#,##0"/></numFmts>
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
        <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="49"/><xf numFmtId="22"/></cellXfs>
      </styleSheet>`),
    );
    expect([0, 1, 2, 3, 4, 5, 6].map(isDate)).toEqual([false, true, false, true, false, true, false]);
  });

  it('joins rich-text runs, leaves out phonetic guides, keeps entities and spaces', async () => {
    const table = await parseSharedStrings(
      chunks(
        '<sst><si><t>Siti</t></si><si><r><rPr><b/></rPr><t>Ahmad </t></r><r><t xml:space="preserve">Dahlan </t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si><si><t>A &amp; B</t></si><si><t/></si></sst>',
        3,
      ),
    );
    expect([0, 1, 2, 3, 4].map((i) => table.get(i))).toEqual(['Siti', 'Ahmad Dahlan ', '漢字', 'A & B', '']);
  });

  it('reads shared strings after a declaration, with comments, CDATA and character references, cut anywhere', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="m" count="3"><!-- dibuat --><si><t><![CDATA[<Dusun> I]]></t></si><si><t>Sri&#32;Rahayu &#x2013; &lt;RT&gt;</t></si><si><t xml:space="preserve">  2  </t></si></sst>';
    for (const size of [1, 2, 7, 50, xml.length]) {
      const table = await parseSharedStrings(chunks(xml, size));
      expect([0, 1, 2].map((i) => table.get(i))).toEqual(['<Dusun> I', 'Sri Rahayu – <RT>', '  2  ']);
      expect(table.size).toBe(3);
    }
  });

  it('refuses a shared strings part that is cut short or declares a DTD', async () => {
    await expect(parseSharedStrings(chunks('<sst><si><t>Siti</t></si>', 5))).rejects.toThrow(/XML rusak/);
    await expect(
      parseSharedStrings(chunks('<!DOCTYPE sst [<!ENTITY a "aaaa">]><sst><si><t>&a;</t></si></sst>', 9)),
    ).rejects.toThrow(/XML rusak/);
  });
});

describe('readRows with namespace-prefixed parts', () => {
  const file = useTempDir();

  it('reads a workbook whose every element has a prefix (as some producers write)', async () => {
    const path = file('prefiks.xlsx');
    const m = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    await writeZip(path, [
      { name: '[Content_Types].xml', data: '<Types/>' },
      {
        name: 'xl/workbook.xml',
        data: `<x:workbook xmlns:x="${m}" xmlns:r="r"><x:sheets><x:sheet name="Data" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: '<Relationships><Relationship Id="rId1" Type="a/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="a/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="a/styles" Target="styles.xml"/></Relationships>',
      },
      {
        name: 'xl/sharedStrings.xml',
        data: `<x:sst xmlns:x="${m}"><x:si><x:t>nama</x:t></x:si><x:si><x:t>Siti</x:t></x:si></x:sst>`,
      },
      {
        name: 'xl/styles.xml',
        data: `<x:styleSheet xmlns:x="${m}"><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>`,
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: `<x:worksheet xmlns:x="${m}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>7</x:v></x:c></x:row><x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="C2" s="1"><x:v>32874</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      },
    ]);
    const rows = [];
    for await (const row of readRows(path, { maxRows: 10 })) rows.push(row);
    // a shared string index past the table's end is an empty cell
    expect(rows).toEqual([
      { sheet: 'Data', row: 1, cells: ['nama'] },
      { sheet: 'Data', row: 2, cells: ['Siti', null, new Date('1990-01-01T00:00:00.000Z')] },
    ]);
  });
});
