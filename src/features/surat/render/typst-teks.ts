/**
 * Safe text for generated Typst source. Every piece of data (operator text, resident data, settings) enters the
 * source ONLY as a Typst string literal, written with `typStr`: inside a string literal Typst interprets nothing but
 * `\` escapes, so escaping `\` and `"` (and control characters) is enough — `#import`, `$`, `*`, `_`, `<`, `@`, `]`
 * or `//` in the text are printed as written. Never splice raw text into markup.
 */

/** A Typst string literal holding exactly `text`. */
export function typStr(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) out += `\\u{${code.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A Typst array of string literals. A one-element array needs the trailing comma. */
export function typStrArray(items: readonly string[]): string {
  return `(${items.map(typStr).join(', ')}${items.length === 1 ? ',' : ''})`;
}

/** A Typst length in centimetres from a number (non-finite or negative → 0). */
export function typCm(value: number): string {
  const v = Number.isFinite(value) && value > 0 ? value : 0;
  return `${Math.round(v * 1000) / 1000}cm`;
}

/** The value, or the empty-value text when it is blank. */
export function atauKosong(value: string | null | undefined, kosong: string): string {
  const v = (value ?? '').trim();
  return v === '' ? kosong : v;
}
