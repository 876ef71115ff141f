import { isRegionCode } from '#src/domain/region-code.js';
import { exportDefault } from '#src/features/ekspor/ekspor-penduduk.service.js';
import type { Actor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { writeAtomically } from './write-atomic.js';

export type UsageError = { usage: string };

/**
 * `npx balai export penduduk --desa KODE OUT.xlsx`: the living residents with a KK of a desa (or of every active
 * desa of a kecamatan/kabupaten, one sheet each) in OpenSID's import format. Written to a temporary file beside
 * OUT and renamed when complete, so an error never leaves half a workbook under OUT's name.
 */
export async function exportPendudukCommand(
  db: Db,
  actor: Actor,
  kode: unknown,
  out: string | undefined,
): Promise<UsageError | string> {
  if (typeof kode !== 'string' || !isRegionCode(kode))
    return { usage: '--desa KODE wajib: kode desa, kecamatan atau kabupaten, mis. --desa 33.17.09.2001' };
  if (!out?.toLowerCase().endsWith('.xlsx')) return { usage: 'OUT.xlsx wajib, mis. penduduk.xlsx' };
  const result = await writeAtomically(out, (file) => exportDefault(db, kode, file, actor));
  const tanpaKk = result.tanpaKk > 0 ? `${result.tanpaKk} penduduk tanpa KK tidak diekspor.\n` : '';
  const sheets = result.desa > 1 ? ` (${result.desa} desa, satu lembar per desa)` : '';
  return `${result.rows} baris diekspor ke ${out}${sheets}\n${tanpaKk}`;
}
