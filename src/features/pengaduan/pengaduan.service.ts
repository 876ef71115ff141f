import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { invalid, notFound, tooManyRequests } from '#src/lib/errors.js';
import { olahGambar } from '#src/lib/gambar/gambar.js';
import type { FileStore } from '#src/lib/storage.js';
import * as repo from './pengaduan.repository.js';
import { NOMOR_ALFABET, NOMOR_PATTERN, type PengaduanInput, type TanggapanInput } from './pengaduan.schema.js';

/**
 * Complaints: anyone files one on a desa's site and gets a tracking number; staff reply (publicly or as an
 * internal note) and move it through the states. The sender's contact is for staff only. Spam is held back by
 * a hidden field, a minimum fill time (a signed form token) and a limit per sender network (a keyed hash of
 * the IP address; the address itself is not kept).
 */
export const BATAS_PER_JAM = 3;
export const MIN_DETIK_ISI = 3;
/** largest photo accepted (the route's multipart file limit is the same) */
export const BATAS_FOTO = 5_242_880;

const secret = (db: Db) => repo.ensureSecret(db, 'pengaduan_rahasia', randomBytes(32).toString('base64'));
const mac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');

/** The hidden form token: when the form was shown, signed. */
export async function buatTokenIsian(db: Db, atMs = Date.now()): Promise<string> {
  return `${atMs}.${mac(await secret(db), `isian:${atMs}`).slice(0, 24)}`;
}

export async function periksaTokenIsian(db: Db, token: unknown, nowMs = Date.now()): Promise<boolean> {
  if (typeof token !== 'string' || !/^\d{10,16}\.[0-9a-f]{24}$/.test(token)) return false;
  const [at, sig] = token.split('.') as [string, string];
  const want = mac(await secret(db), `isian:${at}`).slice(0, 24);
  if (!timingSafeEqual(Buffer.from(sig), Buffer.from(want))) return false;
  const age = (nowMs - Number(at)) / 1000;
  return age >= MIN_DETIK_ISI && age <= 86_400;
}

function nomorBaru(): string {
  let s = 'ADU-';
  for (let i = 0; i < 6; i++) s += NOMOR_ALFABET[randomInt(NOMOR_ALFABET.length)];
  return s;
}

/**
 * Re-encode an uploaded photo with the shared image library: judged by content (JPEG/PNG/WebP/GIF, no SVG, no
 * bombs), upright, at most 1600 px wide, JPEG, every byte of metadata (GPS!) dropped; a 400 on the `foto` field.
 */
export async function olahFoto(buf: Buffer): Promise<Buffer> {
  const hasil = await olahGambar(buf, { lebar: [1600], kolom: 'foto', batasByte: BATAS_FOTO });
  const besar = hasil.varian.at(-1);
  if (!besar) throw invalid({ foto: 'fotoBukanGambar' });
  return besar.jpeg;
}

export async function ajukanPengaduan(
  db: Db,
  files: FileStore,
  p: { desaKode: string; input: PengaduanInput; foto: Buffer | null; ip: string },
): Promise<string> {
  const ipHash = mac(await secret(db), `ip:${p.ip}`).slice(0, 32);
  const now = nowIso();
  const recent = await repo.countRecentByIp(db, ipHash, new Date(Date.now() - 3_600_000).toISOString());
  if (recent.n >= BATAS_PER_JAM) {
    const wait = recent.oldest ? (Date.parse(recent.oldest) + 3_600_000 - Date.now()) / 1000 : 3600;
    throw tooManyRequests(wait, 'tooManyAttempts');
  }
  const jpeg = p.foto && p.foto.length > 0 ? await olahFoto(p.foto) : null;
  for (let attempt = 0; ; attempt++) {
    const nomor = nomorBaru();
    if (await db.selectFrom('pengaduan').select('id').where('nomor', '=', nomor).executeTakeFirst()) {
      if (attempt < 5) continue;
    }
    const berkas = jpeg ? `pengaduan/${p.desaKode}/${nomor}.jpg` : null;
    if (berkas && jpeg) await files.write(berkas, jpeg);
    await repo.insertPengaduan(db, {
      desa_kode: p.desaKode,
      nomor,
      nama: p.input.nama,
      kontak: p.input.kontak,
      kategori: p.input.kategori,
      isi: p.input.isi,
      foto_berkas: berkas,
      status: 'diterima',
      alasan_tutup: null,
      ip_hash: ipHash,
      dibuat_pada: now,
      diperbarui_pada: now,
    });
    return nomor;
  }
}

/** Public tracking: the complaint without contact or network hash, and its public replies; hidden → 404. */
export async function lacakPengaduan(db: Db, desaKode: string, nomor: string) {
  const n = nomor.toUpperCase();
  if (!NOMOR_PATTERN.test(n)) throw notFound();
  const p = await repo.findPengaduanByNomor(db, desaKode, n);
  if (!p || p.status === 'disembunyikan') throw notFound();
  const tanggapan = await repo.listTanggapan(db, p.id, true);
  return {
    pengaduan: {
      id: p.id,
      nomor: p.nomor,
      nama: p.nama,
      kategori: p.kategori,
      isi: p.isi,
      adaFoto: p.foto_berkas !== null,
      status: p.status,
      alasan_tutup: p.alasan_tutup,
      dibuat_pada: p.dibuat_pada,
      diperbarui_pada: p.diperbarui_pada,
    },
    tanggapan: tanggapan.map((t) => ({ id: t.id, isi: t.isi, status_baru: t.status_baru, dibuat_pada: t.dibuat_pada })),
  };
}
export type PengaduanPublik = Awaited<ReturnType<typeof lacakPengaduan>>;

export const listPengaduanPublik = (db: Db, desaKode: string) => repo.listPengaduanPublik(db, desaKode, 50);

/** Staff: one complaint with contact and every reply; the read of the contact is audited. */
export async function getPengaduanStaf(db: Db, actor: Actor, desaKode: string, id: number) {
  const p = await repo.findPengaduan(db, desaKode, id);
  if (!p) throw notFound();
  await audit.recordRead(db, actor, { aksi: 'baca', entitas: 'pengaduan', entitasId: id, desaKode });
  return { pengaduan: p, tanggapan: await repo.listTanggapan(db, id, false) };
}

export async function tanggapiPengaduan(db: Db, actor: Actor, desaKode: string, id: number, input: TanggapanInput) {
  const p = await repo.findPengaduan(db, desaKode, id);
  if (!p) throw notFound();
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const status = input.status && input.status !== p.status ? input.status : null;
    await repo.insertTanggapan(trx, {
      pengaduan_id: id,
      publik: input.publik ? 1 : 0,
      isi: input.isi,
      status_baru: status,
      pengguna_id: actor.penggunaId,
      username: actor.username,
      dibuat_pada: now,
    });
    await repo.updatePengaduan(trx, id, {
      diperbarui_pada: now,
      ...(status ? { status } : {}),
      ...(status === 'ditutup' ? { alasan_tutup: input.alasan_tutup } : {}),
    });
    await audit.record(trx, actor, {
      aksi: 'tanggapi',
      entitas: 'pengaduan',
      entitasId: id,
      desaKode,
      perubahan: status ? { status: [p.status, status] } : null,
      alasan: status === 'ditutup' ? input.alasan_tutup : null,
    });
  });
}

export async function readFoto(db: Db, files: FileStore, desaKode: string, id: number, publicOnly: boolean) {
  const p = await repo.findPengaduan(db, desaKode, id);
  if (!p?.foto_berkas || (publicOnly && p.status === 'disembunyikan')) throw notFound();
  const buf = await files.read(p.foto_berkas);
  if (!buf) throw notFound();
  return buf;
}
