import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { lebarVarian, olahGambar, pastikanGambar } from './gambar.js';

const ditolak = (key: string, kolom = 'berkas') => ({ status: 400, key: 'invalid', fields: { [kolom]: key } });

const foto = (width: number, height: number) =>
  sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 120, sigma: 40 } },
  });

/** A PNG whose header claims `w`×`h` pixels with almost no data: a decompression bomb's shape. */
function pngBom(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // 1-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PHP = '<?php system($_GET["c"]); ?>';

describe('olahGambar: the upload corpus', () => {
  it('re-encodes a JPEG carrying a PHP webshell after its end, leaving none of it', async () => {
    const jpeg = await foto(300, 200).jpeg().toBuffer();
    const hasil = await olahGambar(Buffer.concat([jpeg, Buffer.from(PHP)]));
    expect(hasil.varian.length).toBeGreaterThan(0);
    for (const v of hasil.varian) {
      expect(v.jpeg.includes('<?php')).toBe(false);
      expect(v.webp.includes('<?php')).toBe(false);
      expect(v.jpeg.equals(jpeg)).toBe(false);
    }
  });

  it('strips a PHP webshell hidden in the EXIF description', async () => {
    const jpeg = await foto(200, 200)
      .jpeg()
      .withExif({ IFD0: { ImageDescription: PHP } })
      .toBuffer();
    expect(jpeg.includes('<?php')).toBe(true);
    const { varian } = await olahGambar(jpeg);
    for (const v of varian) expect(Buffer.concat([v.jpeg, v.webp]).includes('<?php')).toBe(false);
  });

  it('refuses PHP (or anything else) named .jpg', async () => {
    await expect(olahGambar(Buffer.from(PHP))).rejects.toMatchObject(ditolak('gambarTidakValid'));
    await expect(olahGambar(Buffer.from('<!doctype html><script>alert(1)</script>'))).rejects.toMatchObject(
      ditolak('gambarTidakValid'),
    );
    await expect(olahGambar(Buffer.from('%PDF-1.4\n%%EOF'))).rejects.toMatchObject(ditolak('gambarTidakValid'));
  });

  it('refuses SVG, which can carry scripts', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(1)</script></svg>';
    await expect(olahGambar(Buffer.from(svg))).rejects.toMatchObject(ditolak('gambarSvgDitolak'));
  });

  it('re-encodes a GIF/JS polyglot into pixels only, and refuses a forged GIF header', async () => {
    const gif = await foto(40, 40).gif().toBuffer();
    const polyglot = Buffer.concat([gif, Buffer.from('*/=alert(document.cookie);/*<script>alert(1)</script>')]);
    const { varian } = await olahGambar(polyglot);
    for (const v of varian) expect(Buffer.concat([v.jpeg, v.webp]).includes('alert')).toBe(false);
    // the classic: "GIF89a/*" makes the file parse as JavaScript, the rest is not an image
    await expect(olahGambar(Buffer.from('GIF89a/*\x00\x00\x00\x00*/=alert(1);'))).rejects.toMatchObject(
      ditolak('gambarTidakValid'),
    );
  });

  it('refuses an empty file, a truncated JPEG and an oversized file with plain reasons', async () => {
    await expect(olahGambar(Buffer.alloc(0))).rejects.toMatchObject(ditolak('berkasKosong'));
    const jpeg = await foto(400, 300).jpeg().toBuffer();
    await expect(olahGambar(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)))).rejects.toMatchObject(
      ditolak('gambarTidakValid'),
    );
    await expect(olahGambar(jpeg, { batasByte: jpeg.length - 1, kolom: 'gambar' })).rejects.toMatchObject(
      ditolak(
        `berkasTerlaluBesar|${((jpeg.length - 1) / 1_048_576).toLocaleString('id-ID', { maximumFractionDigits: 1 })}`,
        'gambar',
      ),
    );
    await expect(olahGambar(Buffer.alloc(6 * 1_048_576, 1))).rejects.toMatchObject(ditolak('berkasTerlaluBesar|5'));
  });

  it('refuses a decompression bomb by its declared size, before decoding it', async () => {
    const bom = pngBom(50_000, 50_000);
    expect(bom.length).toBeLessThan(200);
    const mulai = performance.now();
    await expect(olahGambar(bom)).rejects.toMatchObject(ditolak('gambarTerlaluBanyakPiksel'));
    expect(performance.now() - mulai).toBeLessThan(1000);
    await expect(pastikanGambar(pngBom(8000, 5001))).rejects.toMatchObject(ditolak('gambarTerlaluBanyakPiksel'));
  });

  it('turns a photo upright and strips EXIF, including the GPS position', async () => {
    const jpeg = await foto(400, 200)
      .jpeg()
      .withExif({
        IFD0: { Make: 'KameraDesa' },
        IFD3: {
          GPSLatitudeRef: 'S',
          GPSLatitude: '6/1 42/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '111/1 20/1 0/1',
          GPSMapDatum: 'WGS-84-DESA',
        },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const masuk = await sharp(jpeg).metadata();
    expect(masuk.exif).toBeDefined();
    expect(masuk.orientation).toBe(6);
    expect(jpeg.includes('WGS-84-DESA')).toBe(true);
    const hasil = await olahGambar(jpeg);
    expect([hasil.lebar, hasil.tinggi]).toEqual([200, 400]);
    for (const v of hasil.varian) {
      for (const [format, buf] of [
        ['jpeg', v.jpeg],
        ['webp', v.webp],
      ] as const) {
        const m = await sharp(buf).metadata();
        expect(m.format).toBe(format);
        expect(m.exif).toBeUndefined();
        expect(m.xmp).toBeUndefined();
        expect(m.icc).toBeUndefined();
        expect(m.orientation ?? 1).toBe(1);
        expect(m.height).toBeGreaterThan(m.width as number);
        expect(buf.includes('KameraDesa') || buf.includes('WGS-84-DESA')).toBe(false);
      }
    }
  });

  it('makes WebP and JPEG at the requested widths without upscaling', async () => {
    const besar = await olahGambar(await foto(1600, 900).png().toBuffer());
    expect(besar.varian.map((v) => [v.lebar, v.tinggi])).toEqual([
      [320, 180],
      [640, 360],
      [1280, 720],
    ]);
    const kecil = await olahGambar(await foto(500, 250).webp().toBuffer());
    expect(kecil.varian.map((v) => v.lebar)).toEqual([320, 500]);
    const mungil = await olahGambar(await foto(100, 80).jpeg().toBuffer(), { lebar: [640, 320] });
    expect(mungil.varian.map((v) => v.lebar)).toEqual([100]);
    // the 1280 JPEG of a photo stays within a web budget
    expect((besar.varian[2]?.jpeg.length ?? 0) < 1_000_000).toBe(true);
  });

  it('flattens transparency on white for the JPEG and keeps it in the WebP', async () => {
    const png = await sharp({
      create: { width: 50, height: 50, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const [v] = (await olahGambar(png)).varian;
    const jpegPiksel = await sharp(v?.jpeg).raw().toBuffer();
    expect([...jpegPiksel.subarray(0, 3)].every((c) => c > 245)).toBe(true);
    expect((await sharp(v?.webp).metadata()).hasAlpha).toBe(true);
  });
});

describe('lebarVarian', () => {
  it('keeps requested widths below the original and adds the original when some are above', () => {
    expect(lebarVarian(2000)).toEqual([320, 640, 1280]);
    expect(lebarVarian(1280)).toEqual([320, 640, 1280]);
    expect(lebarVarian(700)).toEqual([320, 640, 700]);
    expect(lebarVarian(200)).toEqual([200]);
    expect(lebarVarian(900, [640, 640, -1, 0, 1.5, 320])).toEqual([320, 640]);
  });
});
