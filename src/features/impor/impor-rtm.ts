import type { Pengimpor } from './impor-jenis.js';
import { readRtmWorkbook } from './impor-rtm-baca.js';
import { planRtm, type RencanaRtm } from './impor-rtm-rencana.js';
import { applyRtm } from './impor-rtm-terapkan.js';

/**
 * The household import (OpenSID's FormatImporRTM.xlsx, sheet RTM): builds households from residents already
 * in the register. Read → plan (impor-rtm-rencana.ts: what each row does, and how rows are counted) → apply,
 * run as a job like the resident import.
 */
export const pengimporRtm: Pengimpor<RencanaRtm> = {
  read: readRtmWorkbook,
  plan: planRtm,
  apply: ({ db, actor, desaKode, plan, progress }) =>
    applyRtm({ db, actor, desaKode, plan, ...(progress ? { progress } : {}) }),
};
