/**
 * The approval chain of a letter: the operator drafts and submits, then the steps the desa switched on
 * (sekretaris desa, then kepala desa) approve or reject; after the last step the letter is numbered and signed.
 * A user able to act at a later step may also act at an earlier one (the kepala desa can approve a letter
 * still waiting for the sekretaris): the chain then moves past every step that user covers.
 */
export const LANGKAH = ['sekdes', 'kades'] as const;
export type Langkah = (typeof LANGKAH)[number];

export type StatusSurat = 'draf' | 'diajukan' | 'ditolak' | 'selesai' | 'dibatalkan';

/** Parse the `rantai` setting ("sekdes,kades", "kades", "" …) into the steps in chain order. */
export function parseRantai(value: string | null | undefined): Langkah[] {
  if (value === null || value === undefined) return [...LANGKAH];
  const parts = new Set(
    value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  );
  return LANGKAH.filter((l) => parts.has(l));
}

/** The highest step a user may act on (from their permissions), or null when they approve nothing. */
export function langkahTertinggi(bisa: ReadonlySet<Langkah>): Langkah | null {
  for (let i = LANGKAH.length - 1; i >= 0; i--) {
    const l = LANGKAH[i] as Langkah;
    if (bisa.has(l)) return l;
  }
  return null;
}

export type Keputusan = { ke: 'langkah'; langkah: Langkah } | { ke: 'terbit' };

/** Where a letter goes when submitted: the first step of the chain, or straight to issuing when there is none. */
export function setelahDiajukan(rantai: readonly Langkah[]): Keputusan {
  const first = rantai[0];
  return first ? { ke: 'langkah', langkah: first } : { ke: 'terbit' };
}

/**
 * Whether a user whose highest step is `tertinggi` may approve at `sekarang`, and where the letter goes:
 * past every step up to and including the user's own.
 */
export function setelahDisetujui(
  rantai: readonly Langkah[],
  sekarang: Langkah,
  tertinggi: Langkah | null,
): Keputusan | null {
  if (tertinggi === null) return null;
  const rank = (l: Langkah) => LANGKAH.indexOf(l);
  if (rank(tertinggi) < rank(sekarang)) return null;
  const next = rantai.find((l) => rank(l) > rank(tertinggi));
  return next ? { ke: 'langkah', langkah: next } : { ke: 'terbit' };
}

/** The steps a user passes when approving (for the history): from the current one up to their own. */
export function langkahDilewati(rantai: readonly Langkah[], sekarang: Langkah, tertinggi: Langkah): Langkah[] {
  const rank = (l: Langkah) => LANGKAH.indexOf(l);
  return rantai.filter((l) => rank(l) >= rank(sekarang) && rank(l) <= rank(tertinggi));
}

/** What may happen to a letter in a status (the screens offer only these). */
export function bolehDiubah(status: StatusSurat): boolean {
  return status === 'draf' || status === 'ditolak';
}

export function bolehDibatalkan(status: StatusSurat): boolean {
  return status !== 'dibatalkan';
}
