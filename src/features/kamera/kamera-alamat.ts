import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';

/**
 * Outbound requests to cameras (status checks, snapshots) with hard limits: a total timeout, a size cap, no
 * redirects followed, and a guard on the address actually connected to (checked after DNS, so a name that
 * resolves to a forbidden address is refused too). Link-local (169.254.x.x: cloud metadata), unspecified,
 * multicast and broadcast addresses are always refused; loopback and private (LAN/VPN) ones only when the
 * installation allows them (BALAI_KAMERA_ALAMAT_PRIVAT), since a desa's cameras often sit on its own network.
 */
export type KelasAlamat = 'publik' | 'privat' | 'terlarang';

function ipv4Class(ip: string): KelasAlamat {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  if (a === 0 || a >= 224 || (a === 169 && b === 254)) return 'terlarang';
  if (a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'privat';
  if ((a === 100 && b >= 64 && b <= 127) || (a === 198 && (b === 18 || b === 19))) return 'privat';
  return 'publik';
}

/** What kind of address an IP literal is; anything unparseable is 'terlarang'. */
export function kelasAlamat(ip: string): KelasAlamat {
  const version = isIP(ip);
  if (version === 4) return ipv4Class(ip);
  if (version !== 6) return 'terlarang';
  const low = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(low);
  if (mapped?.[1]) return ipv4Class(mapped[1]);
  if (low === '::' || /^fe[89ab]/.test(low) || low.startsWith('ff')) return 'terlarang';
  if (low === '::1' || /^f[cd]/.test(low)) return 'privat';
  return 'publik';
}

export function alamatBoleh(ip: string, izinkanPrivat: boolean): boolean {
  const kelas = kelasAlamat(ip);
  return kelas === 'publik' || (kelas === 'privat' && izinkanPrivat);
}

export class AmbilGagal extends Error {}

export interface Hasil {
  status: number;
  contentType: string;
  body: Buffer;
}

export interface BatasAmbil {
  timeoutMs: number;
  maxBytes: number;
  izinkanPrivat: boolean;
  /** stop reading early (an endless MJPEG stream) once the bytes so far are enough */
  cukup?: (soFar: Buffer) => boolean;
}

/** GET a camera URL within the limits; rejects with AmbilGagal (a short Indonesian reason) on any failure. */
export function ambilTerbatas(url: string, batas: BatasAmbil): Promise<Hasil> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return reject(new AmbilGagal('alamat tidak valid'));
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return reject(new AmbilGagal('hanya http/https'));
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !alamatBoleh(host, batas.izinkanPrivat))
      return reject(new AmbilGagal('alamat jaringan tidak diizinkan'));

    const lookup = (hostname: string, options: object, cb: (...args: unknown[]) => void) => {
      dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
        if (err) return cb(err);
        const ok = addresses.filter((a) => alamatBoleh(a.address, batas.izinkanPrivat));
        if (ok.length === 0 || ok.length !== addresses.length)
          return cb(new AmbilGagal('alamat jaringan tidak diizinkan'));
        if ((options as { all?: boolean }).all) return cb(null, ok);
        const first = ok[0] as LookupAddress;
        cb(null, first.address, first.family);
      });
    };
    const client = target.protocol === 'https:' ? https : http;
    let done = false;
    const finish = (error: Error | null, hasil?: Hasil) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      if (error) reject(error instanceof AmbilGagal ? error : new AmbilGagal(error.message.slice(0, 120)));
      else resolve(hasil as Hasil);
    };
    const req = client.get(
      target,
      { agent: false, lookup: lookup as never, headers: { 'user-agent': 'Balai-kamera/1', accept: '*/*' } },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) return finish(new AmbilGagal(`pengalihan ${status} tidak diikuti`));
        if (status !== 200) return finish(new AmbilGagal(`HTTP ${status}`));
        const chunks: Buffer[] = [];
        let size = 0;
        const contentType = String(res.headers['content-type'] ?? '').toLowerCase();
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          chunks.push(chunk);
          const soFar = () => Buffer.concat(chunks);
          if (batas.cukup?.(soFar())) return finish(null, { status, contentType, body: soFar() });
          if (size > batas.maxBytes) finish(new AmbilGagal('jawaban terlalu besar'));
        });
        res.on('end', () => finish(null, { status, contentType, body: Buffer.concat(chunks) }));
        res.on('error', (e) => finish(e));
      },
    );
    const timer = setTimeout(() => finish(new AmbilGagal('batas waktu habis')), batas.timeoutMs);
    req.on('error', (e) => finish(e));
  });
}
