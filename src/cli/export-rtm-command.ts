import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { isRegionCode, levelOf } from '#src/domain/region-code.js';
import { exportRumahTangga } from '#src/features/ekspor/ekspor-rtm.service.js';
import type { Actor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import type { UsageError } from './export-command.js';

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
  const target = resolve(out);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const file = (await open(temporary, 'w')).createWriteStream();
  const failed = new Promise<never>((_, reject) => file.once('error', reject));
  failed.catch(() => undefined);
  try {
    const result = await Promise.race([exportRumahTangga(db, actor, kode, file), failed]);
    await finished(file);
    await rename(temporary, target);
    const tanpaNik = result.tanpaNik > 0 ? `${result.tanpaNik} anggota tanpa NIK tidak diekspor.\n` : '';
    return `${result.rows} baris (${result.rumahTangga} rumah tangga) diekspor ke ${out}\n${tanpaNik}`;
  } catch (error) {
    file.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
