import type { ExpressionBuilder } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import type { Database } from '#src/lib/db/database.js';

export interface AuditQuery {
  /** regions the reader may see (their read:audit scopes) */
  scopes: readonly string[];
  /** also rows of system actions without any region (kabupaten admins) */
  includeSystem: boolean;
  desa: string | null;
  username: string | null;
  entitas: string | null;
  from: string | null;
  to: string | null;
  beforeId: number | null;
  limit: number;
}

type Eb = ExpressionBuilder<Database, 'audit_log'>;

function within(eb: Eb, column: 'desa_kode' | 'lingkup', region: string) {
  return eb.or([eb(column, '=', region), eb.and([eb(column, '>', `${region}.`), eb(column, '<', `${region}/`)])]);
}

export function listAudit(db: Db, q: AuditQuery) {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...q.scopes.map((s) => within(eb, 'desa_kode', s)),
        ...q.scopes.map((s) => eb.and([eb('desa_kode', 'is', null), within(eb, 'lingkup', s)])),
        ...(q.includeSystem ? [eb.and([eb('desa_kode', 'is', null), eb('lingkup', 'is', null)])] : []),
      ]),
    );
  if (q.desa) query = query.where('desa_kode', '=', q.desa);
  if (q.username) query = query.where('username', '=', q.username);
  if (q.entitas) query = query.where('entitas', '=', q.entitas);
  if (q.from) query = query.where('waktu', '>=', q.from);
  if (q.to) query = query.where('waktu', '<', q.to);
  if (q.beforeId) query = query.where('id', '<', q.beforeId);
  return query.orderBy('id', 'desc').limit(q.limit).execute();
}
