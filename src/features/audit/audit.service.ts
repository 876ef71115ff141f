import { AUDIT_ENTITIES } from '#src/lib/audit/audit.js';
import type { Grant } from '#src/lib/auth/grants.js';
import type { Db } from '#src/lib/db/connect.js';
import { readJson } from '#src/lib/db/time.js';
import { nextLocalDay, startOfLocalDay } from '#src/lib/time-zone.js';
import * as repo from './audit.repository.js';
import type { AuditFilter } from './audit.schema.js';

export const AUDIT_PAGE_SIZE = 50;

/** Audit rows the reader may see, newest first, filtered; keyset-paginated by id. */
export async function browseAudit(db: Db, readerGrants: readonly Grant[], filter: AuditFilter) {
  const scopes = [...new Set(readerGrants.map((g) => g.lingkupKode))];
  const rows = await repo.listAudit(db, {
    scopes,
    includeSystem: readerGrants.some((g) => g.peran === 'admin-kabupaten'),
    desa: filter.desa,
    username: filter.pengguna?.toLowerCase() ?? null,
    entitas: filter.entitas,
    from: filter.dari ? startOfLocalDay(filter.dari) : null,
    to: filter.sampai ? nextLocalDay(filter.sampai) : null,
    beforeId: filter.sebelum ?? null,
    limit: AUDIT_PAGE_SIZE + 1,
  });
  const page = rows
    .slice(0, AUDIT_PAGE_SIZE)
    .map((r) => ({ ...r, perubahan: readJson<Record<string, [unknown, unknown]>>(r.perubahan) }));
  const next = rows.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null;
  return { rows: page, next, entities: [...AUDIT_ENTITIES] };
}
export type AuditRow = Awaited<ReturnType<typeof browseAudit>>['rows'][number];
