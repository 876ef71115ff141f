import { namaDesa } from '#src/features/mandiri/mandiri-desa.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import * as repo from './notifikasi.repository.js';
import type { NotifikasiKeluarTable } from './notifikasi.table.js';
import { isiTemplat, type JenisNotifikasi, labelStatus, TEMPLAT_BAWAAN, type Templat } from './notifikasi-templat.js';

/** What happened, as the callers (requests, messages) report it. Only ids and names: never a NIK or KK number. */
export type PeristiwaNotifikasi =
  | { jenis: 'permohonan-baru'; desaKode: string; permohonanId: number; jenisSurat: string }
  | {
      jenis: 'permohonan-status';
      desaKode: string;
      pendudukId: number;
      permohonanId: number;
      status: number;
      jenisSurat: string;
    }
  /** the desa replied to the resident */
  | { jenis: 'pesan-warga'; desaKode: string; pendudukId: number }
  /** a resident wrote to the desa */
  | { jenis: 'pesan-desa'; desaKode: string; pendudukId: number };

type Log = (err: unknown, pesan: string) => void;
let log: Log = (err, pesan) => process.stderr.write(`${pesan}: ${err instanceof Error ? err.message : String(err)}\n`);

/** The server hands over its logger at start (otherwise failures go to stderr). */
export function aturLogNotifikasi(fn: Log): void {
  log = fn;
}

/**
 * Queues the messages of one event in the outbox (in the caller's flow: pass the transaction to have them land
 * with the change); a worker delivers them with retries. Never throws: a failure is logged and the caller's
 * work goes on.
 */
export async function beritahu(db: Db, e: PeristiwaNotifikasi): Promise<void> {
  try {
    await repo.insertKeluar(db, await susunPesan(db, e));
  } catch (err) {
    log(err, `notifikasi ${e.jenis} gagal diantrekan`);
  }
}

/** The outbox rows of one event: one per recipient and channel. */
export async function susunPesan(db: Db, e: PeristiwaNotifikasi): Promise<Omit<NotifikasiKeluarTable, 'id'>[]> {
  const penerima = await penerimaOf(db, e);
  if (penerima.length === 0) return [];
  const templat = await templatUntuk(db, e.desaKode, e.jenis);
  const desa = await namaDesa(db, e.desaKode);
  const now = nowIso();
  const rows: Omit<NotifikasiKeluarTable, 'id'>[] = [];
  for (const p of penerima) {
    const nilai = { ...nilaiOf(e), desa, nama: p.nama };
    const base = {
      desa_kode: e.desaKode,
      jenis: e.jenis,
      subjek: isiTemplat(templat.subjek, nilai),
      teks: isiTemplat(templat.teks, nilai),
      status: 'menunggu' as const,
      percobaan: 0,
      coba_pada: now,
      galat_terakhir: null,
      dibuat_pada: now,
      diperbarui_pada: now,
      terkirim_pada: null,
    };
    if (p.telegram) rows.push({ ...base, kanal: 'telegram', penerima: p.telegram });
    if (p.email) rows.push({ ...base, kanal: 'email', penerima: p.email });
  }
  return rows;
}

export async function templatUntuk(db: Db, desaKode: string, jenis: JenisNotifikasi): Promise<Templat> {
  return (await repo.templatDesa(db, desaKode, jenis)) ?? TEMPLAT_BAWAAN[jenis];
}

async function penerimaOf(db: Db, e: PeristiwaNotifikasi): Promise<repo.Kontak[]> {
  if (e.jenis === 'permohonan-baru' || e.jenis === 'pesan-desa') return repo.kontakPemroses(db, e.desaKode);
  const warga = await repo.kontakWarga(db, e.pendudukId);
  return warga ? [warga] : [];
}

function nilaiOf(e: PeristiwaNotifikasi): Record<string, string | number> {
  switch (e.jenis) {
    case 'permohonan-baru':
      return { nomor: e.permohonanId, jenis_surat: e.jenisSurat };
    case 'permohonan-status':
      return { nomor: e.permohonanId, jenis_surat: e.jenisSurat, status: labelStatus(e.status) };
    default:
      return {};
  }
}
