import { codeEntry } from '#src/domain/codes.js';
import { type NikWarning, nikWarnings, parseNik } from '#src/domain/nik.js';
import type { PendudukInput } from './penduduk.schema.js';

/**
 * Fields that do not apply are cleared, as the reference prescribes: contraception only while married (and
 * for the right sex), pregnancy only for women, marriage/divorce data by marital status, KITAS only for
 * foreigners.
 */
export function applyClearingRules<T extends PendudukInput>(input: T): T {
  const out = { ...input };
  if (out.status_kawin !== 2) out.cara_kb_id = null;
  if (out.cara_kb_id !== null && out.cara_kb_id !== undefined) {
    const forSex = codeEntry('cara_kb', out.cara_kb_id)?.for_sex;
    if (forSex !== 3 && out.sex !== null && forSex !== out.sex) out.cara_kb_id = null;
  }
  if (out.sex === 1) out.hamil = null;
  if (out.status_kawin === 1) {
    out.akta_perkawinan = null;
    out.tanggalperkawinan = null;
    out.akta_perceraian = null;
    out.tanggalperceraian = null;
  }
  if (out.status_kawin === 4) {
    out.akta_perceraian = null;
    out.tanggalperceraian = null;
  }
  if ((out.warganegara_id ?? 1) === 1) out.dokumen_kitas = null;
  return out;
}

export type DataWarning = NikWarning | 'tanpaNik' | 'nikAyahBukanLaki' | 'nikIbuBukanPerempuan' | 'tanpaTanggalLahir';

/** Data-quality warnings: saved with the record and listed for the operator; they never block saving. */
export function dataWarnings(
  input: Pick<PendudukInput, 'nik' | 'tanggallahir' | 'sex' | 'ayah_nik' | 'ibu_nik'>,
  regionExists: (kode: string) => boolean,
): DataWarning[] {
  const warnings: DataWarning[] = [];
  if (input.nik) {
    const parsed = parseNik(input.nik);
    if (parsed.ok)
      warnings.push(...nikWarnings(parsed.value, { tanggallahir: input.tanggallahir, sex: input.sex, regionExists }));
  } else {
    warnings.push('tanpaNik');
  }
  if (!input.tanggallahir) warnings.push('tanpaTanggalLahir');
  const father = input.ayah_nik ? parseNik(input.ayah_nik) : null;
  if (father?.ok && father.value.female) warnings.push('nikAyahBukanLaki');
  const mother = input.ibu_nik ? parseNik(input.ibu_nik) : null;
  if (mother?.ok && !mother.value.female) warnings.push('nikIbuBukanPerempuan');
  return warnings;
}
