/**
 * A small seeded random source for the demo data: the same seed gives the same sequence on every machine
 * (sfc32 seeded from an FNV-1a hash of the seed text), so a desa's residents are a pure function of its code.
 */
export interface Random {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max] */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** one of the items, with the given relative weights */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** a value drawn from a prepared table */
  from<T>(table: Table<T>): T;
}

/** Values with cumulative weights, prepared once (module constants), drawn many times. */
export interface Table<T> {
  values: readonly T[];
  cumulative: readonly number[];
}

export function table<T>(entries: readonly (readonly [T, number])[]): Table<T> {
  let sum = 0;
  const cumulative = entries.map(([, w]) => {
    sum += w;
    return sum;
  });
  if (entries.length === 0 || sum <= 0) throw new Error('empty weight table');
  return { values: entries.map(([v]) => v), cumulative };
}

/** A table of numeric codes written as `code:weight` pairs: `codes('1:30 2:30 3:32')`. */
export function codes(spec: string): Table<number> {
  return table(
    spec
      .trim()
      .split(/\s+/)
      .map((pair) => {
        const [code, weight] = pair.split(':').map(Number);
        if (code === undefined || weight === undefined || Number.isNaN(code + weight))
          throw new Error(`bad pair ${pair}`);
        return [code, weight] as const;
      }),
  );
}

function hash(seed: string): number[] {
  const out: number[] = [];
  for (let k = 0; k < 4; k += 1) {
    let h = (2166136261 ^ (k * 0x9e3779b9)) >>> 0;
    for (let i = 0; i < seed.length; i += 1) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
    out.push(h >>> 0);
  }
  return out;
}

export function seededRandom(seed: string): Random {
  let [a, b, c, d] = hash(seed) as [number, number, number, number];
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i += 1) next();
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    weighted: (items) => random.from(table(items)),
    from: <T>(t: Table<T>): T => {
      const cumulative = t.cumulative;
      const r = next() * (cumulative[cumulative.length - 1] as number);
      let i = 0;
      while (i < cumulative.length - 1 && r >= (cumulative[i] as number)) i += 1;
      return t.values[i] as T;
    },
  };
  return random;
}
