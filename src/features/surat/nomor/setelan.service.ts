import { checkFormat, FORMAT_NOMOR_BAWAAN } from '#src/domain/nomor-surat.js';
import { levelOf } from '#src/domain/region-code.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { invalid } from '#src/lib/errors.js';
import { PENOMORAN_BAWAAN, type Penomoran } from './nomor.service.js';
import { readSetelan, readSetelanDi, writeSetelan } from './setelan.repository.js';

/** Numbering settings as seen from a scope (a desa, a kabupaten, or '' for the installation). */
export interface SetelanNomor {
  format: string;
  penomoran: Penomoran;
}

export async function readSetelanNomor(db: Db, lingkup: string): Promise<SetelanNomor> {
  const penomoran = await readSetelan(db, lingkup, 'penomoran');
  return {
    format: (await readSetelan(db, lingkup, 'format_nomor')) ?? FORMAT_NOMOR_BAWAAN,
    penomoran: penomoran === 'tunggal' || penomoran === 'per_jenis' ? penomoran : PENOMORAN_BAWAAN,
  };
}

/** A change at one scope; null removes the value there so the wider scope's applies again. */
export interface SetelanNomorInput {
  format_nomor?: string | null;
  penomoran?: Penomoran | null;
}

/**
 * Save the numbering settings of one scope, checked together: the format must suit the numbering mode in
 * force there (per-type sequences need `[kode_surat]`). Audited with the before/after values.
 */
export async function saveSetelanNomor(db: Db, actor: Actor, lingkup: string, input: SetelanNomorInput) {
  return db.transaction().execute(async (trx) => {
    const before = {
      format_nomor: await readSetelanDi(trx, lingkup, 'format_nomor'),
      penomoran: await readSetelanDi(trx, lingkup, 'penomoran'),
    };
    const after = { ...before, ...input };
    if (after.penomoran !== null && after.penomoran !== 'tunggal' && after.penomoran !== 'per_jenis')
      throw invalid({ penomoran: 'Pilih satu urutan untuk semua surat, atau urutan per jenis surat.' });
    await writeSetelan(trx, lingkup, 'format_nomor', after.format_nomor?.trim() || null, actor.username);
    await writeSetelan(trx, lingkup, 'penomoran', after.penomoran, actor.username);
    const efektif = await readSetelanNomor(trx, lingkup);
    const masalah = checkFormat(efektif.format, { perJenis: efektif.penomoran === 'per_jenis' });
    if (masalah.length > 0) throw invalid({ format_nomor: masalah.join(' ') });

    const perubahan: Record<string, [unknown, unknown]> = {};
    for (const key of ['format_nomor', 'penomoran'] as const) {
      const now = await readSetelanDi(trx, lingkup, key);
      if (now !== before[key]) perubahan[key] = [before[key], now];
    }
    if (Object.keys(perubahan).length > 0)
      await audit.record(trx, actor, {
        aksi: 'ubah_setelan_nomor',
        entitas: 'surat',
        entitasId: lingkup === '' ? 'instalasi' : lingkup,
        desaKode: levelOf(lingkup) === 3 && lingkup !== '' ? lingkup : null,
        perubahan,
      });
    return efektif;
  });
}
