import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { listKameraAktif, saveKameraStatus } from './kamera.repository.js';
import type { KameraTable } from './kamera.table.js';
import { AmbilGagal, ambilTerbatas, type BatasAmbil } from './kamera-alamat.js';

/**
 * The camera status checker: one short, size-capped request per camera. A camera is live when its snapshot
 * URL answers with an image, else (no snapshot URL) when its HLS playlist answers `#EXTM3U`, its MJPEG stream
 * sends the first bytes of a JPEG frame, or its embeddable player page answers 200. Anything else — an error
 * status, a redirect, a hang past the timeout, an oversized answer, a forbidden address — is offline.
 */
export interface CekOptions {
  timeoutMs: number;
  izinkanPrivat: boolean;
  /** how many cameras are checked at the same time */
  paralel?: number;
}

type Kamera = Pick<KameraTable, 'jenis' | 'stream_url' | 'snapshot_url'>;

const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const WEBP = (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString() === 'WEBP';

export function isImage(body: Buffer): boolean {
  return body.subarray(0, 3).equals(JPEG) || body.subarray(0, 4).equals(PNG) || WEBP(body);
}

/** Is the camera answering? `{ live: false, galat }` with a short reason when not. */
export async function cekKamera(k: Kamera, o: CekOptions): Promise<{ live: boolean; galat: string | null }> {
  const base: Omit<BatasAmbil, 'maxBytes'> = { timeoutMs: o.timeoutMs, izinkanPrivat: o.izinkanPrivat };
  try {
    if (k.snapshot_url) {
      const r = await ambilTerbatas(k.snapshot_url, { ...base, maxBytes: 5_000_000 });
      return isImage(r.body) ? { live: true, galat: null } : { live: false, galat: 'snapshot bukan gambar' };
    }
    if (k.jenis === 'hls') {
      const r = await ambilTerbatas(k.stream_url, { ...base, maxBytes: 1_000_000 });
      const ok = r.body.subarray(0, 7).toString('latin1') === '#EXTM3U';
      return ok ? { live: true, galat: null } : { live: false, galat: 'playlist HLS tidak valid' };
    }
    if (k.jenis === 'mjpeg') {
      // an endless stream: read until the first JPEG frame starts, at most 512 KB
      const r = await ambilTerbatas(k.stream_url, {
        ...base,
        maxBytes: 512_000,
        cukup: (b) => b.includes(JPEG),
      });
      return r.body.includes(JPEG) ? { live: true, galat: null } : { live: false, galat: 'tidak ada gambar MJPEG' };
    }
    await ambilTerbatas(k.stream_url, { ...base, maxBytes: 2_000_000, cukup: (b) => b.length > 0 });
    return { live: true, galat: null };
  } catch (error) {
    if (error instanceof AmbilGagal) return { live: false, galat: error.message };
    throw error;
  }
}

/** Check every active camera once and store what was found; returns how many are live and offline. */
export async function cekSemuaKamera(db: Db, o: CekOptions): Promise<{ live: number; offline: number }> {
  const cameras = await listKameraAktif(db);
  let live = 0;
  let offline = 0;
  let next = 0;
  const worker = async () => {
    while (next < cameras.length) {
      const k = cameras[next++];
      if (!k) break;
      const hasil = await cekKamera(k, o);
      const now = nowIso();
      await saveKameraStatus(db, k.id, {
        status: hasil.live ? 'live' : 'offline',
        diperiksa_pada: now,
        galat: hasil.galat,
        ...(hasil.live ? { terakhir_terlihat: now } : {}),
      });
      if (hasil.live) live++;
      else offline++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.paralel ?? 4) }, worker));
  return { live, offline };
}

/** The periodic checker started by src/server.ts: every `menit` minutes, never two runs at once. */
export function startKameraChecker(db: Db, menit: number, o: CekOptions, onError: (err: unknown) => void): () => void {
  if (menit <= 0) return () => {};
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    cekSemuaKamera(db, o)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, 10_000);
  const timer = setInterval(run, menit * 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
