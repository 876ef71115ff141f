import { findPenduduk } from '#src/features/penduduk/penduduk.repository.js';
import type { Actor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import * as repo from './rumah-tangga.repository.js';
import { closeHousehold, setHouseholdHead } from './rumah-tangga.service.js';

/**
 * A person's household after they died, moved away, went missing or were merged away: if they headed it, the
 * household gets a new head (the preferred person when they live in it — e.g. the family's new head — else the
 * eldest remaining member), or closes when nobody is left. Never a headless household.
 * Call after the person's status (or desa) has changed, in the same transaction.
 */
export async function householdAfterDeparture(
  trx: Db,
  actor: Actor,
  personId: number,
  preferredHeadId: number | null,
  reason: string,
): Promise<void> {
  const person = await findPenduduk(trx, personId);
  if (!person?.rumah_tangga_id) return;
  const rtm = await repo.findRumahTangga(trx, person.rumah_tangga_id);
  if (!rtm || rtm.ditutup_pada !== null || rtm.kepala_id !== personId) return;
  const staying = (await repo.listMembers(trx, rtm.id)).filter((m) => m.id !== personId);
  if (staying.length === 0) {
    await closeHousehold(trx, actor, rtm, reason);
    return;
  }
  const eldest = [...staying].sort((a, b) => (a.tanggallahir ?? '9999').localeCompare(b.tanggallahir ?? '9999'))[0];
  const nextId = staying.some((m) => m.id === preferredHeadId) ? preferredHeadId : (eldest?.id ?? null);
  const next = nextId === null ? undefined : await findPenduduk(trx, nextId);
  if (next) await setHouseholdHead(trx, actor, rtm, next);
}
