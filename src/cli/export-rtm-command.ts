import { isRegionCode, levelOf } from '#src/domain/region-code.js';
import { exportRumahTangga } from '#src/features/ekspor/ekspor-rtm.service.js';
import type { Actor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import type { UsageError } from './export-command.js';
import { writeAtomically } from './write-atomic.js';

/**
 * `npx balai export rumah-tangga --desa KODE OUT.xlsx`: the households of a desa in OpenSID's RTM import format.
 * Written to a temporary file beside OUT and renamed when complete (never half a workbook under OUT's name).
 */
export async function exportRumahTanggaCommand(
  db: Db,
  actor: Actor,
  kode: unknown,
  out: string | undefined,
): Promise<UsageError | string> {
  if (typeof kode !== 'string' || !isRegionCode(kode) || levelOf(kode) !== 3)
    return { usage: '--desa KODE wajib: kode desa/kelurahan, mis. --desa 33.17.09.2001' };
  if (!out?.toLowerCase().endsWith('.xlsx')) return { usage: 'OUT.xlsx wajib, mis. rumah-tangga.xlsx' };
  const result = await writeAtomically(out, (file) => exportRumahTangga(db, actor, kode, file));
  const tanpaNik = result.tanpaNik > 0 ? `${result.tanpaNik} anggota tanpa NIK tidak diekspor.\n` : '';
  return `${result.rows} baris (${result.rumahTangga} rumah tangga) diekspor ke ${out}\n${tanpaNik}`;
}
