import { maskNumber } from '#src/domain/nik.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';

/** Who did it: the signed-in user with the role and scope that allowed the action, or the system/CLI. */
export interface Actor {
  penggunaId: number | null;
  username: string;
  peran: string | null;
  lingkup: string | null;
  requestId: string | null;
  ip: string | null;
}

/** The kinds of records the audit trail speaks of (the audit browser's entity filter). */
export const AUDIT_ENTITIES = [
  'desa',
  'lingkungan',
  'pengguna',
  'sesi',
  'token_api',
  'penduduk',
  'keluarga',
  'rumah_tangga',
  'peristiwa',
  'pindah_antar_desa',
  'duplikat',
  'impor',
  'surat',
  'surat_jenis',
  'warga_akun',
  'warga_pendaftaran',
  'anjungan',
  'permohonan',
  'warga_dokumen',
  'warga_pesan',
  'notifikasi',
  'artikel',
  'galeri',
  'situs',
  'kamera',
  'pengaduan',
  'konten_temuan',
] as const;

export type Changes = Record<string, [unknown, unknown]>;

export interface AuditEntry {
  aksi: string;
  entitas: (typeof AUDIT_ENTITIES)[number];
  entitasId?: string | number | null;
  desaKode?: string | null;
  perubahan?: Changes | null;
  alasan?: string | null;
}

/** Fields never copied into the audit trail. */
const SECRET_FIELDS = new Set(['sandi_hash', 'token_hash', 'id_hash', 'csrf', 'password', 'sandi']);
/** Personal numbers: the audit trail keeps only their last 4 digits (UU 24/2013: NIK and No. KK stay out of logs). */
const MASKED_FIELDS = new Set(['nik', 'nik_sementara', 'no_kk', 'ayah_nik', 'ibu_nik', 'no_kk_sebelumnya']);

function masked(key: string, value: unknown): unknown {
  return MASKED_FIELDS.has(key) && typeof value === 'string' ? maskNumber(value) : value;
}

/** `{field: [before, after]}` for every field whose value changed; secrets are left out. */
export function diffRecords(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (SECRET_FIELDS.has(key)) continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [masked(key, a), masked(key, b)];
  }
  return changes;
}

export function systemActor(username: string): Actor {
  return { penggunaId: null, username, peran: 'sistem', lingkup: null, requestId: null, ip: null };
}

/**
 * The audit writer. Call it with the same transaction as the change it records, so that both land or
 * neither does. Rows are append-only (the database refuses UPDATE and DELETE on audit_log).
 */
export const audit = {
  async record(trx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
    await trx
      .insertInto('audit_log')
      .values({
        waktu: nowIso(),
        pengguna_id: actor.penggunaId,
        username: actor.username,
        peran: actor.peran,
        lingkup: actor.lingkup,
        aksi: entry.aksi,
        entitas: entry.entitas,
        entitas_id: entry.entitasId === undefined || entry.entitasId === null ? null : String(entry.entitasId),
        desa_kode: entry.desaKode ?? null,
        request_id: actor.requestId,
        ip: actor.ip,
        perubahan: entry.perubahan ? JSON.stringify(entry.perubahan) : null,
        alasan: entry.alasan ?? null,
      })
      .execute();
  },

  /** A read of a sensitive record (later: a resident's full data). Recorded in its own statement. */
  async recordRead(db: Db, actor: Actor, entry: Omit<AuditEntry, 'perubahan'>): Promise<void> {
    await audit.record(db, actor, { ...entry, aksi: entry.aksi || 'baca' });
  },
};
