import { RTM } from '#src/features/keluarga/rumah-tangga.service.js';
import { placeName } from '#src/features/penduduk/penduduk.service.js';
import type { Db } from '#src/lib/db/connect.js';
import { lembarOf } from './impor-banding.js';
import type { Masalah } from './impor-baris.js';
import type { RencanaDasar } from './impor-jenis.js';
import { BARU, DITOLAK, type Jumlah, TETAP } from './impor-rencana.js';
import * as repo from './impor-rtm.repository.js';
import { type BarisRtm, KOLOM_RTM, stagedRtmChunks } from './impor-rtm-baca.js';

/**
 * Planning a household import (read only; run for the preview and again inside the commit's transaction).
 *
 * Counting, per row: `baru` = a person newly placed in a household (a new one or one already in use here);
 * `tidak_berubah` = already in that household with that role; `diperbarui` stays 0 — an import never moves
 * anyone between households nor changes a role (the household screens do, with their checks); `ditolak` = the
 * rest; `ganda` = rows whose NIK is on several rows. `rumah_tangga_baru` counts the households to be created.
 */
export interface JumlahRtm extends Jumlah {
  rumah_tangga_baru: number;
}

type Tempat = Pick<BarisRtm, 'urut' | 'baris' | 'lembar'>;

export interface RumahTanggaBaru {
  nomor: string;
  /** rows placing someone in it, and those (urut) naming its head */
  anggota: Tempat[];
  kepala: number[];
}

export interface RencanaRtm extends RencanaDasar {
  jumlah: JumlahRtm;
  status: Map<number, number>;
  /** the person and household of each row placing someone */
  orang: Map<number, { id: number; lingkungan_id: number | null; nomor: string; level: number }>;
  /** households to create, by number */
  baru: Map<string, RumahTanggaBaru>;
  /** households of this desa in use that rows join, by number */
  ada: Map<string, number>;
}

const CHUNK = 1_000;
const NIK = KOLOM_RTM.nik;
const NOMOR = KOLOM_RTM.nomor;
const LEVEL = KOLOM_RTM.level;

export async function planRtm(
  db: Db,
  desaKode: string,
  stagedPath: string,
  progress?: (rows: number) => void,
): Promise<RencanaRtm> {
  const plan: RencanaRtm = {
    status: new Map(),
    orang: new Map(),
    baru: new Map(),
    ada: new Map(),
    errors: [],
    warnings: [],
    jumlah: { baru: 0, diperbarui: 0, tidak_berubah: 0, ditolak: 0, ganda: 0, peringatan: 0, rumah_tangga_baru: 0 },
  };
  // numbers in the registry's own format (desa code + 5 digits) feed its next serial: keep them in that format
  const prefix = desaKode.replaceAll('.', '');
  const ownFormat = new RegExp(`^${prefix}\\d{5}$`);
  const places = new Map<string, string>();
  const placeOf = async (kode: string) => {
    if (!places.has(kode)) places.set(kode, await placeName(db, kode));
    return places.get(kode) as string;
  };
  const niks = new Map<string, Tempat[]>();
  const warned = new Map<number, Masalah[]>();
  const reject = (row: Tempat, kolom: string, pesan: string) => {
    plan.status.set(row.urut, DITOLAK);
    plan.errors.push({ baris: row.baris, kolom, pesan, ...lembarOf(row) });
  };
  let done = 0;
  for await (const chunk of stagedRtmChunks(stagedPath, CHUNK)) {
    const rows = chunk.flatMap((c) => (c.row ? [c.row] : []));
    for (const c of chunk) if (!c.row) plan.status.set(c.urut, DITOLAK);
    const [people, households] = await Promise.all([
      repo.findPeopleByNiks(db, desaKode, [...new Set(rows.map((r) => r.nik))]),
      repo.findActiveHouseholds(db, [...new Set(rows.map((r) => r.nomor))]),
    ]);
    const byNomor = new Map(households.map((h) => [h.nomor, h]));
    const byNik = Map.groupBy(people, (p) => p.nik);
    for (const row of rows) {
      const where = { urut: row.urut, baris: row.baris, ...lembarOf(row) };
      niks.set(row.nik, [...(niks.get(row.nik) ?? []), where]);
      const found = byNik.get(row.nik) ?? [];
      const living = found.find((p) => p.status_dasar === 1);
      if (living && living.desa_kode !== desaKode) {
        reject(row, NIK, `imporNikDesaLain|${await placeOf(living.desa_kode)}`);
        continue;
      }
      if (!living) {
        reject(row, NIK, found.length > 0 ? 'imporRtmBukanPendudukHidup' : 'imporRtmNikTidakAda');
        continue;
      }
      const rt = byNomor.get(row.nomor);
      if (rt && rt.desa_kode !== desaKode) {
        reject(row, NOMOR, `imporRtmNomorDesaLain|${await placeOf(rt.desa_kode)}`);
        continue;
      }
      if (living.rt_id !== null && living.rt_id !== rt?.id) {
        reject(row, NOMOR, `imporRtmSudahDiRumahTanggaLain|${living.rt_nomor}`);
        continue;
      }
      if (rt && living.rt_id === rt.id) {
        if (living.rtm_level === row.level) plan.status.set(row.urut, TETAP);
        else reject(row, LEVEL, 'imporRtmHubunganBerbeda');
        continue;
      }
      if (rt && row.level === RTM.kepala) {
        reject(row, LEVEL, `imporRtmKepalaSudahAda|${row.nomor}`);
        continue;
      }
      if (!rt && row.nomor.startsWith(prefix) && !ownFormat.test(row.nomor)) {
        reject(row, NOMOR, `imporRtmNomorSeri|${prefix}`);
        continue;
      }
      if (rt) plan.ada.set(row.nomor, rt.id);
      else {
        const baru = plan.baru.get(row.nomor) ?? { nomor: row.nomor, anggota: [], kepala: [] };
        plan.baru.set(row.nomor, baru);
        baru.anggota.push(where);
        if (row.level === RTM.kepala) baru.kepala.push(row.urut);
      }
      plan.status.set(row.urut, BARU);
      plan.orang.set(row.urut, {
        id: living.id,
        lingkungan_id: living.lingkungan_id,
        nomor: row.nomor,
        level: row.level,
      });
      if (row.peringatan) warned.set(row.urut, row.peringatan);
    }
    done += chunk.length;
    progress?.(done);
  }
  markDuplicates(plan, niks);
  checkNewHouseholds(plan, reject);
  for (const [urut, found] of warned) {
    if (plan.status.get(urut) !== BARU) continue;
    plan.warnings.push(...found);
    plan.jumlah.peringatan += 1;
  }
  for (const [urut, s] of plan.status) {
    if (s !== BARU) plan.orang.delete(urut);
    if (s === BARU) plan.jumlah.baru += 1;
    else if (s === TETAP) plan.jumlah.tidak_berubah += 1;
    else plan.jumlah.ditolak += 1;
  }
  plan.jumlah.rumah_tangga_baru = plan.baru.size;
  return plan;
}

/** A NIK on several rows: every one of them is refused, the file must say which is right. */
function markDuplicates(plan: RencanaRtm, niks: Map<string, Tempat[]>) {
  for (const rows of niks.values()) {
    if (rows.length < 2) continue;
    const where = rows.map((r) => r.baris).join(', ');
    for (const row of rows) {
      plan.jumlah.ganda += 1;
      plan.status.set(row.urut, DITOLAK);
      plan.errors.push({ baris: row.baris, kolom: NIK, pesan: `imporNikGanda|${where}`, ...lembarOf(row) });
    }
  }
}

/** A new household needs exactly one head among its accepted rows; otherwise none of it is imported. */
function checkNewHouseholds(plan: RencanaRtm, reject: (row: Tempat, kolom: string, pesan: string) => void) {
  for (const [nomor, rt] of plan.baru) {
    const heads = rt.kepala.filter((u) => plan.status.get(u) === BARU).length;
    if (heads === 1) continue;
    plan.baru.delete(nomor);
    const pesan = heads === 0 ? `imporRtmTanpaKepala|${nomor}` : `imporRtmKepalaGanda|${nomor}`;
    for (const row of rt.anggota) if (plan.status.get(row.urut) === BARU) reject(row, LEVEL, pesan);
  }
}
