/**
 * An append-only table of texts stored as UTF-8 in one growing buffer, with their offsets in a typed array:
 * about the texts' byte length plus 8 bytes each, and nothing for the garbage collector to trace. A JS array of
 * the same strings costs 2–4× that, and strings cut out of a parser's input may keep whole input chunks alive.
 * `get` decodes a fresh string each time (the shared strings of a 100,000-row sheet are read ~2 million times;
 * decoding costs less than holding them all as strings).
 */
export class TextTable {
  #bytes = Buffer.allocUnsafe(64 * 1024);
  #used = 0;
  /** end offset of text i at [i + 1]; [0] = 0 */
  #ends = new Float64Array(1024);
  #count = 0;

  get size(): number {
    return this.#count;
  }

  add(text: string): void {
    const need = this.#used + Buffer.byteLength(text, 'utf8');
    if (need > this.#bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.#bytes.length * 2));
      this.#bytes.copy(grown, 0, 0, this.#used);
      this.#bytes = grown;
    }
    this.#used += this.#bytes.write(text, this.#used, 'utf8');
    if (this.#count + 1 >= this.#ends.length) {
      const grown = new Float64Array(this.#ends.length * 2);
      grown.set(this.#ends);
      this.#ends = grown;
    }
    this.#count += 1;
    this.#ends[this.#count] = this.#used;
  }

  /** Text `i` (0-based), or undefined past the end. */
  get(i: number): string | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.#count) return undefined;
    return this.#bytes.toString('utf8', this.#ends[i] as number, this.#ends[i + 1] as number);
  }
}
