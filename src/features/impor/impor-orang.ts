import { normaliseName } from '#src/domain/person-name.js';
import { replaceWarnings, updatePenduduk } from '#src/features/penduduk/penduduk.repository.js';
import type { PendudukInput } from '#src/features/penduduk/penduduk.schema.js';
import { applyClearingRules, dataWarnings } from '#src/features/penduduk/penduduk-rules.js';
import { type Actor, audit, diffRecords } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import * as repo from './impor.repository.js';
import { compareWithExisting, type UnitNames } from './impor-banding.js';
import type { BarisPenduduk } from './impor-baris.js';
import { FIELD_PENDUDUK } from './impor-kolom-tulis.js';

type Fields = Record<string, string | number | null>;

/** A new person's fields from a row: every column of the record (empty → null), with the clearing rules. */
export function person(nilai: BarisPenduduk['nilai']): PendudukInput {
  const out: Fields = {};
  for (const [c] of FIELD_PENDUDUK) out[c] = nilai[c] ?? null;
  out.warganegara_id = out.warganegara_id ?? 1;
  return applyClearingRules(out as unknown as PendudukInput);
}

/**
 * Rows for people already in the register: the changed fields are written (the clearing rules applied
 * to the record as it will be), the version bumped, warnings recomputed and each change audited.
 */
export async function updateExisting(
  db: Db,
  actor: Actor,
  desaKode: string,
  rows: readonly BarisPenduduk[],
  /** the existing record of each row (0: none) */
  target: { get(urut: number): number },
  namesOf: (id: number | null) => UnitNames,
  regions: ReadonlySet<string>,
): Promise<void> {
  if (rows.length === 0) return;
  const current = new Map(
    (
      await repo.findById(
        db,
        rows.map((r) => target.get(r.urut) || -1),
      )
    ).map((p) => [p.id, p]),
  );
  for (const row of rows) {
    const before = current.get(target.get(row.urut) || -1);
    if (!before) continue;
    const banding = compareWithExisting(row, before, namesOf(before.lingkungan_id));
    if (banding.alamatKeluarga !== null && before.keluarga_id !== null) {
      await db
        .updateTable('keluarga')
        .set({ alamat: banding.alamatKeluarga })
        .where('id', '=', before.keluarga_id)
        .where('alamat', 'is', null)
        .execute();
    }
    const old: Fields = {};
    for (const [c] of FIELD_PENDUDUK) old[c] = (before as unknown as Fields)[c] ?? null;
    const after = applyClearingRules({ ...old, ...banding.ubah } as unknown as PendudukInput) as unknown as Fields;
    const changes: Fields = {};
    for (const [c] of FIELD_PENDUDUK)
      if (String(after[c] ?? '') !== String(old[c] ?? '')) changes[c] = after[c] ?? null;
    if (Object.keys(changes).length === 0) continue;
    if ('nama' in changes) changes.nama_normal = normaliseName(String(changes.nama));
    if ('nama_ibu' in changes)
      changes.nama_ibu_normal = changes.nama_ibu ? normaliseName(String(changes.nama_ibu)) : null;
    await updatePenduduk(db, before.id, { ...changes, diperbarui_pada: nowIso(), diperbarui_oleh: actor.username });
    const merged = after as unknown as PendudukInput;
    await replaceWarnings(
      db,
      before.id,
      desaKode,
      dataWarnings({ ...merged, nik: before.nik }, (k) => regions.has(k)),
    );
    const perubahan = diffRecords(old, { ...old, ...changes });
    delete perubahan.nama_normal;
    delete perubahan.nama_ibu_normal;
    await audit.record(db, actor, { aksi: 'impor', entitas: 'penduduk', entitasId: before.id, desaKode, perubahan });
  }
}
