/** Deterministic, plausible dusun/RW/RT for demo desa (seeded by the desa code: same code, same tree). */
const DUSUN_NAMES = [
  'Krajan',
  'Ngemplak',
  'Kauman',
  'Sidomulyo',
  'Sumberejo',
  'Karangrejo',
  'Jatirejo',
  'Tegalsari',
  'Banyuurip',
  'Ngasem',
  'Sukorejo',
  'Wonosari',
  'Gedangan',
  'Pelemsari',
  'Tanjungsari',
  'Mulyorejo',
  'Kedungsari',
  'Watugong',
  'Pondokrejo',
  'Randugunting',
];

function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

export interface DemoDusun {
  nama: string;
  /** RW numbers with their RT numbers; a dusun without RW has `tanpaRw` RTs instead */
  rw: { nomor: string; rt: string[] }[];
  tanpaRw: string[];
}

const pad = (n: number) => String(n).padStart(3, '0');

export function demoTree(desaKode: string): DemoDusun[] {
  const rnd = seededRandom(desaKode);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const names = [...DUSUN_NAMES].sort(() => rnd() - 0.5).slice(0, int(2, 4));
  names[0] = 'Krajan';
  let rwNo = 0;
  return [...new Set(names)].map((nama) => {
    if (rnd() < 0.15) return { nama, rw: [], tanpaRw: Array.from({ length: int(2, 4) }, (_, i) => pad(i + 1)) };
    const rw = Array.from({ length: int(1, 3) }, () => {
      rwNo += 1;
      return { nomor: pad(rwNo), rt: Array.from({ length: int(2, 5) }, (_, i) => pad(i + 1)) };
    });
    return { nama, rw, tanpaRw: [] };
  });
}
