import { randomBytes } from 'node:crypto';
import {
  ACCOUNT_RULE,
  clearFailures,
  IP_RULE,
  ipKey,
  recordFailure,
  secondsBlocked,
} from '#src/features/auth/throttle.service.js';
import { aktifkanAkun } from '#src/features/mandiri/warga-akun.service.js';
import { type Actor, audit, systemActor } from '#src/lib/audit/audit.js';
import { hashSecret, newSecret } from '#src/lib/auth/tokens.js';
import type { Db } from '#src/lib/db/connect.js';
import { addMinutes, nowIso } from '#src/lib/db/time.js';
import { badRequest, invalid, notFound, tooManyRequests } from '#src/lib/errors.js';
import { olahGambar } from '#src/lib/gambar/gambar.js';
import type { FileStore } from '#src/lib/storage.js';
import * as repo from './pendaftaran.repository.js';
import type { Identitas } from './pendaftaran.schema.js';

/**
 * Self-registration for layanan mandiri, where the desa allows it. NIK, name, birth date and KK number must all
 * match one living resident of an active desa without an account or a waiting registration; every refusal is
 * the same and counts against the NIK and the address like a wrong PIN. Then the KTP, KK and selfie pictures
 * arrive one per step (re-encoded to JPEG, metadata dropped, kept in the file store); the office decides.
 */
const DRAF_MENIT = 30;
const normalNama = (s: string) =>
  s
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A re-encoded JPEG (at most 1600 px wide, EXIF and other metadata gone) or a 400 next to the file field. */
async function simpanGambar(files: FileStore, desaKode: string, buf: Buffer | null, batasByte: number) {
  if (!buf) throw invalid({ berkas: 'berkasKosong' });
  const g = await olahGambar(buf, { lebar: [1600], batasByte, kolom: 'berkas' });
  const jpeg = g.varian.at(-1)?.jpeg;
  if (!jpeg) throw invalid({ berkas: 'gambarTidakValid' });
  const key = `pendaftaran/${desaKode.replaceAll('.', '')}/${randomBytes(16).toString('hex')}.jpg`;
  await files.write(key, jpeg);
  return key;
}

export async function mulaiPendaftaran(
  db: Db,
  files: FileStore,
  input: Identitas,
  ktp: Buffer | null,
  ip: string,
  batasByte: number,
): Promise<string> {
  const kunci = `daftar:${hashSecret(input.nik)}`;
  const blocked = Math.max(await secondsBlocked(db, kunci), await secondsBlocked(db, ipKey(ip)));
  if (blocked > 0) throw tooManyRequests(blocked);
  // the picture is checked before the identity, so that its errors never tell whether the identity matched
  if (!ktp) throw invalid({ berkas: 'berkasKosong' });
  await olahGambar(ktp, { lebar: [320], batasByte, kolom: 'berkas' });
  const c = await repo.findCalon(db, input.nik);
  const cocok =
    c !== undefined &&
    c.boleh === 1 &&
    c.layanan !== 0 &&
    c.akun_aktif !== 1 &&
    normalNama(c.nama) === normalNama(input.nama) &&
    c.tanggallahir === input.tanggallahir &&
    c.no_kk === input.no_kk &&
    !(await repo.adaMenunggu(db, c.id));
  if (!cocok || !c) {
    await recordFailure(db, kunci, ACCOUNT_RULE);
    await recordFailure(db, ipKey(ip), IP_RULE);
    const now = await secondsBlocked(db, kunci);
    throw now > 0 ? tooManyRequests(now) : badRequest('daftarTidakCocok');
  }
  await clearFailures(db, kunci);
  const berkas = await simpanGambar(files, c.desa_kode, ktp, batasByte);
  const token = newSecret();
  const now = nowIso();
  await db
    .insertInto('warga_pendaftaran_draf')
    .values({
      token_hash: hashSecret(token),
      desa_kode: c.desa_kode,
      penduduk_id: c.id,
      email: input.email ? input.email : null,
      berkas_ktp: berkas,
      berkas_kk: null,
      dibuat_pada: now,
      kedaluwarsa_pada: addMinutes(now, DRAF_MENIT),
    })
    .execute();
  return token;
}

/** The KK picture, then the selfie (which completes the registration); an unknown or expired draft: start again. */
export async function tambahBerkas(
  db: Db,
  files: FileStore,
  token: string,
  jenis: 'kk' | 'swafoto',
  buf: Buffer | null,
  batasByte: number,
): Promise<'lanjut' | 'selesai'> {
  const draf = await repo.findDraf(db, hashSecret(token), nowIso());
  if (!draf?.berkas_ktp || (jenis === 'swafoto' && !draf.berkas_kk)) throw badRequest('daftarKedaluwarsa');
  const key = await simpanGambar(files, draf.desa_kode, buf, batasByte);
  if (jenis === 'kk') {
    await db
      .updateTable('warga_pendaftaran_draf')
      .set({ berkas_kk: key })
      .where('token_hash', '=', draf.token_hash)
      .execute();
    return 'lanjut';
  }
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('warga_pendaftaran')
      .values({
        desa_kode: draf.desa_kode,
        penduduk_id: draf.penduduk_id,
        status: 'menunggu',
        berkas_ktp: draf.berkas_ktp as string,
        berkas_kk: draf.berkas_kk as string,
        berkas_swafoto: key,
        email: draf.email,
        alasan: null,
        dibuat_pada: nowIso(),
        diputus_oleh: null,
        diputus_pada: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('warga_pendaftaran_draf').where('token_hash', '=', draf.token_hash).execute();
    await audit.record(trx, systemActor('pendaftaran-mandiri'), {
      aksi: 'ajukan',
      entitas: 'warga_pendaftaran',
      entitasId: r.id,
      desaKode: draf.desa_kode,
    });
  });
  return 'selesai';
}

async function menunggu(db: Db, desaKode: string, id: number) {
  const row = await repo.findPendaftaran(db, id);
  if (row?.desa_kode !== desaKode) throw notFound();
  if (row.status !== 'menunggu') throw badRequest('daftarSudahDiputus');
  return row;
}

/** The office approves: the account is activated and its PIN returned (shown once to hand over). */
export async function setujuiPendaftaran(
  db: Db,
  actor: Actor,
  desaKode: string,
  id: number,
): Promise<{ pin: string; pendudukId: number }> {
  const row = await menunggu(db, desaKode, id);
  const { pin } = await aktifkanAkun(db, actor, row.penduduk_id, desaKode);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('warga_pendaftaran')
      .set({ status: 'disetujui', diputus_oleh: actor.username, diputus_pada: nowIso() })
      .where('id', '=', id)
      .execute();
    await audit.record(trx, actor, { aksi: 'setujui', entitas: 'warga_pendaftaran', entitasId: id, desaKode });
  });
  return { pin, pendudukId: row.penduduk_id };
}

export async function tolakPendaftaran(db: Db, actor: Actor, desaKode: string, id: number, alasan: string) {
  if (alasan.trim() === '') throw invalid({ alasan: 'daftarAlasanWajib' });
  await menunggu(db, desaKode, id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('warga_pendaftaran')
      .set({ status: 'ditolak', alasan, diputus_oleh: actor.username, diputus_pada: nowIso() })
      .where('id', '=', id)
      .execute();
    await audit.record(trx, actor, { aksi: 'tolak', entitas: 'warga_pendaftaran', entitasId: id, desaKode, alasan });
  });
}

/** One of a registration's pictures for the office; every view is audited (they are identity documents). */
export async function bacaBerkas(
  db: Db,
  files: FileStore,
  actor: Actor,
  desaKode: string,
  id: number,
  jenis: 'ktp' | 'kk' | 'swafoto',
): Promise<Buffer> {
  const row = await repo.findPendaftaran(db, id);
  if (row?.desa_kode !== desaKode) throw notFound();
  const key = jenis === 'ktp' ? row.berkas_ktp : jenis === 'kk' ? row.berkas_kk : row.berkas_swafoto;
  const buf = await files.read(key);
  if (!buf) throw notFound();
  await audit.record(db, actor, {
    aksi: `lihat-${jenis}`,
    entitas: 'warga_pendaftaran',
    entitasId: id,
    desaKode,
  });
  return buf;
}

export async function aturPendaftaran(db: Db, actor: Actor, desaKode: string, boleh: boolean) {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('mandiri_desa')
      .values({
        desa_kode: desaKode,
        aktif: 1,
        pendaftaran_mandiri: boleh ? 1 : 0,
        diperbarui_oleh: actor.username,
        diperbarui_pada: now,
      })
      .onConflict((oc) =>
        oc
          .column('desa_kode')
          .doUpdateSet({ pendaftaran_mandiri: boleh ? 1 : 0, diperbarui_oleh: actor.username, diperbarui_pada: now }),
      )
      .execute();
    await audit.record(trx, actor, {
      aksi: boleh ? 'izinkan-pendaftaran' : 'tutup-pendaftaran',
      entitas: 'warga_pendaftaran',
      desaKode,
    });
  });
}
