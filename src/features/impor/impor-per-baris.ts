/**
 * What an import keeps per row while it plans and writes (a status, a row number, an id) in growable typed
 * arrays indexed by the row's place in the file (`urut`, from 1): a few bytes per row and nothing for the
 * garbage collector to trace, where a Map of a million rows costs ~80 bytes each (decision 013).
 */
type Typed = Uint8Array | Uint16Array | Int32Array;

class PerBaris<A extends Typed> {
  #a: A;
  #last = 0;
  constructor(private readonly make: (n: number) => A) {
    this.#a = make(1024);
  }

  /** the highest row set so far */
  get last(): number {
    return this.#last;
  }

  get(urut: number): number {
    return urut < this.#a.length ? (this.#a[urut] as number) : 0;
  }

  set(urut: number, value: number): void {
    if (urut >= this.#a.length) {
      const grown = this.make(Math.max(urut + 1, this.#a.length * 2));
      grown.set(this.#a);
      this.#a = grown;
    }
    this.#a[urut] = value;
    if (urut > this.#last) this.#last = urut;
  }

  /** [urut, value] of every row whose value is not 0, in order */
  *entries(): IterableIterator<[number, number]> {
    for (let u = 1; u <= this.#last; u += 1) {
      const v = this.#a[u] as number;
      if (v !== 0) yield [u, v];
    }
  }
}

/** A small number per row (a status, a kind); 0 = none. */
export class RowBytes extends PerBaris<Uint8Array> {
  constructor() {
    super((n) => new Uint8Array(n));
  }
}

/** A number per row (a row number, an id, an index); 0 = none. */
export class RowInts extends PerBaris<Int32Array> {
  constructor() {
    super((n) => new Int32Array(n));
  }
}

/**
 * Where each row was (its row number in the sheet, and its sheet when the file has several), for the messages
 * of checks made after the whole file was read.
 */
export class RowPlaces {
  readonly #baris = new RowInts();
  readonly #sheet = new RowInts();
  readonly #sheets: string[] = [''];
  readonly #sheetIndex = new Map<string, number>([['', 0]]);

  add(row: { urut: number; baris: number; lembar?: string }): void {
    this.#baris.set(row.urut, row.baris);
    if (!row.lembar) return;
    let i = this.#sheetIndex.get(row.lembar);
    if (i === undefined) {
      i = this.#sheets.push(row.lembar) - 1;
      this.#sheetIndex.set(row.lembar, i);
    }
    this.#sheet.set(row.urut, i);
  }

  has(urut: number): boolean {
    return this.#baris.get(urut) !== 0;
  }

  /** the row as a problem's place: `{ baris, lembar? }` */
  of(urut: number): { baris: number; lembar?: string } {
    const lembar = this.#sheets[this.#sheet.get(urut)];
    return lembar ? { baris: this.#baris.get(urut), lembar } : { baris: this.#baris.get(urut) };
  }
}

/**
 * 16-digit numbers (NIK) seen in a file, 12 bytes each, and which of them occur on several rows: sorting a copy
 * of the numbers finds the repeated ones without a map entry per row.
 */
export class NumberSet {
  #keys = new BigUint64Array(1024);
  #uruts = new Int32Array(1024);
  #count = 0;

  add(digits: string, urut: number): void {
    if (!/^\d{1,19}$/.test(digits)) throw new Error('NumberSet: bukan angka');
    if (this.#count === this.#keys.length) {
      const keys = new BigUint64Array(this.#keys.length * 2);
      keys.set(this.#keys);
      this.#keys = keys;
      const uruts = new Int32Array(this.#uruts.length * 2);
      uruts.set(this.#uruts);
      this.#uruts = uruts;
    }
    this.#keys[this.#count] = BigInt(digits);
    this.#uruts[this.#count] = urut;
    this.#count += 1;
  }

  /** the rows of each number seen more than once, in the order they were added */
  repeated(): number[][] {
    const sorted = this.#keys.slice(0, this.#count).sort();
    const twice = new Set<bigint>();
    for (let i = 1; i < sorted.length; i += 1) if (sorted[i] === sorted[i - 1]) twice.add(sorted[i] as bigint);
    if (twice.size === 0) return [];
    const groups = new Map<bigint, number[]>();
    for (let i = 0; i < this.#count; i += 1) {
      const key = this.#keys[i] as bigint;
      if (!twice.has(key)) continue;
      const list = groups.get(key);
      if (list) list.push(this.#uruts[i] as number);
      else groups.set(key, [this.#uruts[i] as number]);
    }
    return [...groups.values()];
  }
}
