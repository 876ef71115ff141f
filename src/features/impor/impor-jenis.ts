import type { Actor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import type { JenisImpor } from './impor.table.js';
import { type BacaOptions, type HasilBaca, readWorkbook } from './impor-baca.js';
import type { Masalah } from './impor-baris.js';
import { createPlanner, type Jumlah, loadPlan, planImport, type Rencana, savePlan } from './impor-rencana.js';
import { pengimporRtm } from './impor-rtm.js';
import { applyPlan } from './impor-terapkan.js';

/** What every kind of import has after its check: counts and problems. */
export interface RencanaDasar {
  jumlah: Jumlah;
  errors: Masalah[];
  warnings: Masalah[];
}

/**
 * One kind of import (residents, households): read the workbook into staged rows, plan against the
 * register (read only), apply the plan inside the caller's transaction. The job service does the rest.
 */
export interface Pengimpor<P extends RencanaDasar = RencanaDasar> {
  read(file: string, stagedPath: string, opts: BacaOptions): Promise<HasilBaca>;
  plan(db: Db, desaKode: string, stagedPath: string, progress?: (rows: number) => void): Promise<P>;
  apply(t: {
    db: Db;
    actor: Actor;
    desaKode: string;
    stagedPath: string;
    plan: P;
    progress?: (rows: number) => void;
  }): Promise<void>;
  /** read and plan at once (planning each chunk while the next is read); else read, then plan */
  readAndPlan?(
    db: Db,
    desaKode: string,
    file: string,
    stagedPath: string,
    opts: BacaOptions,
    progress?: (rows: number) => void,
  ): Promise<{ read: HasilBaca; plan: P }>;
  /** a plan as JSON, to be reused by the commit when the desa's register has not changed since the preview */
  savePlan?(plan: P): unknown;
  loadPlan?(saved: unknown): P;
}

const penduduk: Pengimpor = {
  read: readWorkbook,
  plan: planImport,
  apply: (t) => applyPlan({ ...t, plan: t.plan as Rencana }),
  async readAndPlan(db, desaKode, file, stagedPath, opts, progress) {
    const planner = await createPlanner(db, desaKode, progress);
    const read = await readWorkbook(file, stagedPath, { ...opts, onChunk: (chunk) => planner.add(chunk) });
    return { read, plan: planner.finish() };
  },
  savePlan: (plan) => savePlan(plan as Rencana),
  loadPlan: loadPlan,
};

const KINDS: Record<JenisImpor, Pengimpor> = { penduduk, rumah_tangga: pengimporRtm };

/** Register another kind (kept explicit: each kind's module calls this from the wiring below). */
export function pengimpor(jenis: JenisImpor): Pengimpor {
  const kind = KINDS[jenis];
  if (!kind) throw new Error(`jenis impor tidak dikenal: ${jenis}`);
  return kind;
}
