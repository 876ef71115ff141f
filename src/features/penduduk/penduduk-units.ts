import type { LingkunganRow } from '#src/features/lingkungan/lingkungan.repository.js';
import type { Messages } from '#src/lib/i18n/messages.js';

/** A desa's dusun/RW/RT units as the resident screens name and choose them (pure, no I/O). */
/** Ids of a unit and everything below it. */
export function unitAndBelow(rows: readonly { id: number; induk_id: number | null }[], root: number): number[] {
  const ids = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows)
      if (r.induk_id !== null && ids.has(r.induk_id) && !ids.has(r.id)) {
        ids.add(r.id);
        grew = true;
      }
  }
  return [...ids];
}

/** "Dusun Krajan / RW 001 / RT 002" for every unit of a desa. */
export function unitLabels(rows: readonly LingkunganRow[], m: Messages): Map<number, string> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const labels = new Map<number, string>();
  const label = (r: LingkunganRow): string => {
    const own = `${m.tingkat[r.tingkat] ?? r.tingkat} ${r.nama}`;
    const parent = r.induk_id === null ? undefined : byId.get(r.induk_id);
    return parent ? `${label(parent)} / ${own}` : own;
  };
  for (const r of rows) labels.set(r.id, label(r));
  return labels;
}

/** Options of a dusun/RW/RT select, dusun first then its RWs and RTs, in tree order. */
export function unitOptions(rows: readonly LingkunganRow[], m: Messages): { value: string; label: string }[] {
  const labels = unitLabels(rows, m);
  return [...labels.entries()]
    .sort((a, b) => a[1].localeCompare(b[1], 'id', { numeric: true }))
    .map(([id, label]) => ({ value: String(id), label }));
}
