import { cleanNumber } from '#src/domain/nik.js';
import type { LingkunganRow } from '#src/features/lingkungan/lingkungan.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import { type FormState, keepValues } from '#src/lib/forms/form.js';
import { localise, type Messages } from '#src/lib/i18n/messages.js';
import { type PendudukInput, pendudukFields } from './penduduk.schema.js';
import { findOpenFamily } from './penduduk-screens.repository.js';

/** Helpers of the resident forms: the person part of a parsed form, the family chosen, the unit check. */

/** Only the person's own fields (a parsed form also holds family, dates and notes). */
export function pickPerson(data: Record<string, unknown>): PendudukInput {
  return Object.fromEntries(Object.keys(pendudukFields).map((k) => [k, data[k] ?? null])) as PendudukInput;
}

export type Body = Record<string, unknown>;

export function bodyOf(raw: unknown): Body {
  return raw && typeof raw === 'object' ? { ...(raw as Body) } : {};
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * The family a new resident joins: chosen in the select (`keluarga_id`) or given by its KK number
 * (`cari_no_kk`, temporary numbers too). Only families of this desa still in use.
 */
export async function resolveFamily(
  db: Db,
  desaKode: string,
  body: Body,
): Promise<{ ok: true; id: number; lingkunganId: number | null } | { ok: false; field: string; key: string }> {
  const chosen = text(body.keluarga_id);
  if (chosen !== '') {
    const id = Number(chosen);
    const family = Number.isSafeInteger(id) && id > 0 ? await findOpenFamily(db, desaKode, { id }) : undefined;
    return family
      ? { ok: true, id: family.id, lingkunganId: family.lingkungan_id }
      : { ok: false, field: 'keluarga_id', key: 'keluargaTidakDitemukan' };
  }
  const number = cleanNumber(text(body.cari_no_kk));
  if (number !== '') {
    const family = /^\d{16}$/.test(number) ? await findOpenFamily(db, desaKode, { noKk: number }) : undefined;
    return family
      ? { ok: true, id: family.id, lingkunganId: family.lingkungan_id }
      : { ok: false, field: 'cari_no_kk', key: 'keluargaTidakAdaDiDesa' };
  }
  return { ok: false, field: 'keluarga_id', key: 'keluargaWajib' };
}

/** A form state from the submitted body with some field messages (dictionary keys). */
export function stateWith(body: unknown, errors: Record<string, string>, m: Messages): FormState {
  return {
    values: keepValues(body),
    errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, localise(v, m)])),
  };
}

/** The unit must be one of this desa's dusun/RW/RT (the schema only knows it is a positive number). */
export function unitInDesa(units: readonly LingkunganRow[], id: number): boolean {
  return units.some((u) => u.id === id);
}
