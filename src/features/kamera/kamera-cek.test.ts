import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kameraSchema } from './kamera.schema.js';
import { kelasAlamat } from './kamera-alamat.js';
import { cekKamera } from './kamera-cek.js';

/** A local test stream server: a snapshot, an HLS playlist, an endless MJPEG stream, an error, a hang, a redirect. */
let server: Server;
let base = '';
const hits: string[] = [];
let jpeg: Buffer;

beforeAll(async () => {
  jpeg = await sharp({ create: { width: 16, height: 9, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/snap.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    if (req.url === '/live.m3u8')
      return res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' }).end('#EXTM3U\n#EXT-X-VERSION:3\n');
    if (req.url === '/bukan.m3u8') return res.writeHead(200).end('<html>halaman</html>');
    if (req.url === '/mjpeg') {
      res.writeHead(200, { 'content-type': 'multipart/x-mixed-replace; boundary=frame' });
      const frame = () => res.write(Buffer.concat([Buffer.from('--frame\r\nContent-Type: image/jpeg\r\n\r\n'), jpeg]));
      frame();
      const timer = setInterval(frame, 50);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (req.url === '/besar.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.write(jpeg.subarray(0, 3));
      const timer = setInterval(() => res.write(Buffer.alloc(1_000_000)), 5);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (req.url === '/pindah') return res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
    if (req.url === '/hang') return; // never answers
    res.writeHead(500).end('rusak');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const opts = { timeoutMs: 500, izinkanPrivat: true };
const cam = (jenis: 'hls' | 'mjpeg' | 'embed', stream: string, snapshot: string | null = null) => ({
  jenis,
  stream_url: `${base}${stream}`,
  snapshot_url: snapshot === null ? null : `${base}${snapshot}`,
});

describe('camera status checker', () => {
  it('marks a camera live when its snapshot is an image, its playlist is HLS or its MJPEG stream sends a frame', async () => {
    expect(await cekKamera(cam('hls', '/hang', '/snap.jpg'), opts)).toEqual({ live: true, galat: null });
    expect(await cekKamera(cam('hls', '/live.m3u8'), opts)).toEqual({ live: true, galat: null });
    const started = Date.now();
    expect(await cekKamera(cam('mjpeg', '/mjpeg'), opts)).toEqual({ live: true, galat: null });
    expect(Date.now() - started).toBeLessThan(400); // stops at the first frame of the endless stream
  });

  it('marks it offline on an error status, a hang (within the timeout), a non-image, a redirect or an oversized answer', async () => {
    expect(await cekKamera(cam('hls', '/500'), opts)).toEqual({ live: false, galat: 'HTTP 500' });
    const started = Date.now();
    expect(await cekKamera(cam('mjpeg', '/hang'), opts)).toEqual({ live: false, galat: 'batas waktu habis' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await cekKamera(cam('hls', '/bukan.m3u8'), opts)).live).toBe(false);
    expect((await cekKamera(cam('hls', '/live.m3u8', '/live.m3u8'), opts)).galat).toBe('snapshot bukan gambar');
    expect((await cekKamera(cam('embed', '/pindah'), opts)).galat).toBe('pengalihan 302 tidak diikuti');
    expect((await cekKamera(cam('hls', '/x.m3u8', '/besar.jpg'), { ...opts, timeoutMs: 5000 })).galat).toBe(
      'jawaban terlalu besar',
    );
  });

  it('never connects to loopback or private addresses unless the installation allows them', async () => {
    const before = hits.length;
    const hasil = await cekKamera(cam('hls', '/live.m3u8'), { ...opts, izinkanPrivat: false });
    expect(hasil).toEqual({ live: false, galat: 'alamat jaringan tidak diizinkan' });
    // a host name that resolves to loopback is refused after DNS, too
    const named = await cekKamera(
      { jenis: 'hls', stream_url: `${base.replace('127.0.0.1', 'localhost')}/live.m3u8`, snapshot_url: null },
      { ...opts, izinkanPrivat: false },
    );
    expect(named.live).toBe(false);
    expect(hits.length).toBe(before);
  });

  it('classifies addresses: metadata and link-local always refused', () => {
    expect(kelasAlamat('169.254.169.254')).toBe('terlarang');
    expect(kelasAlamat('0.0.0.0')).toBe('terlarang');
    expect(kelasAlamat('fe80::1')).toBe('terlarang');
    expect(kelasAlamat('::ffff:169.254.1.1')).toBe('terlarang');
    expect(kelasAlamat('127.0.0.1')).toBe('privat');
    expect(kelasAlamat('192.168.1.20')).toBe('privat');
    expect(kelasAlamat('::1')).toBe('privat');
    expect(kelasAlamat('103.10.20.30')).toBe('publik');
  });
});

describe('camera form validation', () => {
  const schema = kameraSchema(['www.youtube-nocookie.com']);
  const base = { nama: 'Perempatan', jenis: 'hls', stream_url: 'https://cctv.example/a/live.m3u8', aktif: '1' };
  const errors = (input: Record<string, string>) => {
    const r = schema.safeParse({ ...base, ...input });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it('accepts http(s) URLs, an HLS .m3u8, an allowlisted https player, and coordinate pairs', () => {
    expect(errors({})).toEqual({});
    expect(
      errors({ jenis: 'mjpeg', stream_url: 'http://10.0.0.5/video.cgi', snapshot_url: 'http://10.0.0.5/s.jpg' }),
    ).toEqual({});
    expect(errors({ jenis: 'embed', stream_url: 'https://www.youtube-nocookie.com/embed/abc' })).toEqual({});
    expect(errors({ lat: '-6,7123', lng: '111.3456' })).toEqual({});
  });

  it('refuses other schemes, HLS without .m3u8, players from other hosts, half or impossible coordinates', () => {
    expect(errors({ stream_url: 'javascript:alert(1)//.m3u8' }).stream_url).toBe('urlKamera');
    expect(errors({ stream_url: 'rtsp://10.0.0.5/live.m3u8' }).stream_url).toBe('urlKamera');
    expect(errors({ snapshot_url: 'file:///etc/passwd' }).snapshot_url).toBe('urlKamera');
    expect(errors({ stream_url: 'https://cctv.example/a/live.mp4' }).stream_url).toBe('hlsM3u8');
    expect(errors({ jenis: 'embed', stream_url: 'https://evil.example/embed' }).stream_url).toMatch(
      /^embedTidakDiizinkan/,
    );
    expect(errors({ jenis: 'embed', stream_url: 'http://www.youtube-nocookie.com/embed/x' }).stream_url).toMatch(
      /^embedTidakDiizinkan/,
    );
    expect(errors({ lat: '-6.7' }).lng).toBe('koordinatBerpasangan');
    expect(errors({ lat: '95', lng: '10' }).lat).toBe('koordinat');
  });
});
