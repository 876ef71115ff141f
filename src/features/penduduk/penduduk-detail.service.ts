import { getDesaProfile } from '#src/features/desa/desa.service.js';
import { listLivingMembers } from '#src/features/keluarga/keluarga.service.js';
import { getLingkunganPath } from '#src/features/lingkungan/lingkungan.service.js';
import { listPersonEvents } from '#src/features/peristiwa/peristiwa.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import { listWarnings, type PendudukRow } from './penduduk.repository.js';
import { getPenduduk } from './penduduk.service.js';
import { findFamilyWithHead } from './penduduk-screens.repository.js';

export type EventRow = Awaited<ReturnType<typeof listPersonEvents>>[number];

/** An event as the timeline shows it: reversed ones carry the reversing entry (reason, who, when). */
export interface TimelineEntry {
  event: EventRow;
  reversal: EventRow | null;
  /** the latest standing event, recorded in this desa's own register: it may be reversed */
  reversible: boolean;
}

export function timeline(events: readonly EventRow[]): TimelineEntry[] {
  const reversals = new Map(events.filter((e) => e.membatalkan_id !== null).map((e) => [e.membatalkan_id, e]));
  const standing = events.filter((e) => e.membatalkan_id === null && !reversals.has(e.id));
  const latest = standing.at(-1);
  return events
    .filter((e) => e.membatalkan_id === null)
    .map((event) => ({
      event,
      reversal: reversals.get(event.id) ?? null,
      reversible: event.id === latest?.id && event.asal_desa_kode === null,
    }));
}

/** Everything the detail page and the printed biodata show about one person. */
export async function getPendudukDetail(db: Db, id: number) {
  const person: PendudukRow & { id: number } = await getPenduduk(db, id);
  const [desa, path, events, warnings, family] = await Promise.all([
    getDesaProfile(db, person.desa_kode),
    person.lingkungan_id === null ? Promise.resolve(undefined) : getLingkunganPath(db, person.lingkungan_id),
    listPersonEvents(db, id),
    listWarnings(db, id),
    person.keluarga_id === null ? Promise.resolve(undefined) : findFamilyWithHead(db, person.keluarga_id),
  ]);
  const members = family && family.ditutup_pada === null ? await listLivingMembers(db, family.id) : [];
  return {
    person,
    desa,
    path: path ?? [],
    timeline: timeline(events),
    warnings,
    family: family ?? null,
    members,
  };
}
export type PendudukDetail = Awaited<ReturnType<typeof getPendudukDetail>>;

/** Living members who may take over when this person, the head of an open family, leaves. */
export async function successorCandidates(db: Db, person: { id: number; keluarga_id: number | null }) {
  if (person.keluarga_id === null) return [];
  const family = await findFamilyWithHead(db, person.keluarga_id);
  if (!family || family.ditutup_pada !== null || family.kepala_id !== person.id) return [];
  return (await listLivingMembers(db, family.id)).filter((m) => m.id !== person.id);
}
