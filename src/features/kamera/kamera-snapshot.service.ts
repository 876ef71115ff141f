import sharp from 'sharp';
import { ambilTerbatas } from './kamera-alamat.js';
import { isImage } from './kamera-cek.js';

/**
 * Snapshots proxied through Balai: visitors' phones never contact a camera, and the page's CSP stays 'self'.
 * The camera's picture is fetched at most once per TTL per camera (concurrent visitors share one fetch),
 * re-encoded (rotated, at most 640 px wide, JPEG, metadata dropped) and kept in memory; failures are cached
 * too, so a dead camera is not hammered.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 500;

interface Entry {
  at: number;
  jpeg: Buffer | null;
}

export interface SnapshotCache {
  get(id: number, url: string): Promise<Buffer | null>;
}

export function createSnapshotCache(o: { izinkanPrivat: boolean; timeoutMs?: number }): SnapshotCache {
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Buffer | null>>();

  async function load(url: string): Promise<Buffer | null> {
    try {
      const r = await ambilTerbatas(url, {
        timeoutMs: o.timeoutMs ?? 5_000,
        maxBytes: 5_000_000,
        izinkanPrivat: o.izinkanPrivat,
      });
      if (!isImage(r.body)) return null;
      return await sharp(r.body, { limitInputPixels: 40_000_000 })
        .rotate()
        .resize({ width: 640, withoutEnlargement: true })
        .jpeg({ quality: 70, mozjpeg: true })
        .toBuffer();
    } catch {
      return null;
    }
  }

  return {
    async get(id, url) {
      const key = `${id} ${url}`;
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.jpeg;
      const running = pending.get(key);
      if (running) return running;
      const p = load(url).then((jpeg) => {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
        entries.set(key, { at: Date.now(), jpeg });
        pending.delete(key);
        return jpeg;
      });
      pending.set(key, p);
      return p;
    },
  };
}
