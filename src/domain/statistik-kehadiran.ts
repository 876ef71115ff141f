import { PERISTIWA, STATUS } from './peristiwa.js';

/**
 * Who lived in a desa on a past date, rebuilt from the event history by EVENT date (not report date): a
 * birth or arrival starts a stay, a death, move out, missing or "pergi" ends it. A corrected event and its
 * correction both drop out. A person without events in the desa is a resident there when the register says
 * so now (registered before the history began); a record that is not valid (status 9) never counts.
 */
export interface PeristiwaRingkas {
  id: number;
  penduduk_id: number;
  desa_kode: string;
  kode: number;
  tgl_peristiwa: string;
  membatalkan_id: number | null;
  akta_mati?: string | null;
}

export interface PendudukRingkas {
  id: number;
  desa_kode: string;
  status_dasar: number;
}

const MASUK = new Set<number>([PERISTIWA.lahir, PERISTIWA.pindahMasuk]);
const KELUAR = new Set<number>([PERISTIWA.mati, PERISTIWA.pindahKeluar, PERISTIWA.hilang, PERISTIWA.pergi]);

/** The events that stand: neither a correction nor corrected, in date order (then recording order). */
export function peristiwaBerlaku(events: readonly PeristiwaRingkas[]): PeristiwaRingkas[] {
  const dibatalkan = new Set(events.filter((e) => e.membatalkan_id !== null).map((e) => e.membatalkan_id));
  return events
    .filter((e) => e.membatalkan_id === null && !dibatalkan.has(e.id))
    .sort((a, b) => (a.tgl_peristiwa === b.tgl_peristiwa ? a.id - b.id : a.tgl_peristiwa < b.tgl_peristiwa ? -1 : 1));
}

/** Whether a person was a living resident of `desaKode` at the end of `tanggal` (events of that person only). */
export function hadirPada(
  p: PendudukRingkas,
  eventsInDesa: readonly PeristiwaRingkas[],
  desaKode: string,
  tanggal: string,
): boolean {
  if (p.status_dasar === STATUS.tidakValid) return false;
  const evs = eventsInDesa.filter((e) => MASUK.has(e.kode) || KELUAR.has(e.kode));
  if (evs.length === 0) return p.desa_kode === desaKode && p.status_dasar === STATUS.hidup;
  let hadir = KELUAR.has((evs[0] as PeristiwaRingkas).kode);
  for (const e of evs) {
    if (e.tgl_peristiwa > tanggal) break;
    hadir = MASUK.has(e.kode);
  }
  return hadir;
}

/** The death that stands for a person in the desa on or before `tanggal`, if any. */
export function kematianSampai(eventsInDesa: readonly PeristiwaRingkas[], tanggal: string): PeristiwaRingkas | null {
  let found: PeristiwaRingkas | null = null;
  for (const e of eventsInDesa) if (e.kode === PERISTIWA.mati && e.tgl_peristiwa <= tanggal) found = e;
  return found;
}

/** Group the standing events of a desa by person. */
export function perPenduduk(events: readonly PeristiwaRingkas[]): Map<number, PeristiwaRingkas[]> {
  const map = new Map<number, PeristiwaRingkas[]>();
  for (const e of peristiwaBerlaku(events)) {
    let list = map.get(e.penduduk_id);
    if (!list) {
      list = [];
      map.set(e.penduduk_id, list);
    }
    list.push(e);
  }
  return map;
}
