import { findDesaWithRegion } from '#src/features/desa/desa.repository.js';
import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { unitIndex } from '#src/features/lingkungan/lingkungan-names.js';
import type { PendudukRow } from '#src/features/penduduk/penduduk.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import { notFound } from '#src/lib/errors.js';
import type { FileStore } from '#src/lib/storage.js';
import type { Orang } from './surat-nilai.js';
import type { Subjek } from './surat-subjek.service.js';

/** What a letter says about its desa: names up to the province, address, head, logo. */
export interface DesaInfo {
  kode: string;
  nama: string;
  /** as stored: 'desa', 'kelurahan', … */
  sebutan: string;
  sebutanDusun: string;
  kecamatan: string;
  kabupaten: string;
  provinsi: string;
  alamat: string;
  kodePos: string;
  telepon: string;
  email: string;
  situs: string;
  kepalaDesa: string;
  nipKepalaDesa: string | null;
  logo: Uint8Array | null;
}

export const sebutanJudul = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export async function loadDesaInfo(db: Db, files: FileStore, kode: string): Promise<DesaInfo> {
  const desa = await findDesaWithRegion(db, kode);
  if (!desa) throw notFound('desaBelumAktif', { kode });
  const upper = await db
    .selectFrom('wilayah as kab')
    .innerJoin('wilayah as prov', 'prov.kode', 'kab.induk')
    .select(['kab.nama as kabupaten', 'prov.nama as provinsi'])
    .where('kab.kode', '=', kode.slice(0, 5))
    .executeTakeFirst();
  return {
    kode,
    nama: desa.nama,
    sebutan: desa.sebutan,
    sebutanDusun: desa.sebutan_dusun,
    kecamatan: desa.kecamatan,
    kabupaten: upper?.kabupaten ?? '',
    provinsi: upper?.provinsi ?? '',
    alamat: desa.alamat ?? '',
    kodePos: desa.kode_pos ?? '',
    telepon: desa.telepon ?? '',
    email: desa.email ?? '',
    situs: desa.situs ?? '',
    kepalaDesa: desa.kepala_desa ?? '',
    nipKepalaDesa: desa.nip_kepala_desa,
    logo: desa.logo_berkas ? await files.read(desa.logo_berkas) : null,
  };
}

/** A subject as the placeholder builder takes it (resident columns plus KK number and area names). */
export async function orangDariSubjek(db: Db, desaKode: string, s: Subjek): Promise<Orang> {
  if (s.jenis === 'luar') {
    const d = s.data;
    const num = (v: string | undefined) => (v ? Number(v) : null);
    return {
      nama: d.nama ?? '',
      nik: d.nik ?? null,
      no_kk: d.no_kk ?? null,
      sex: num(d.sex),
      tempatlahir: d.tempatlahir ?? null,
      tanggallahir: d.tanggallahir ?? null,
      agama_id: num(d.agama_id),
      pekerjaan_id: num(d.pekerjaan_id),
      warganegara_id: num(d.warganegara_id) ?? 1,
      alamat: d.alamat ?? null,
      luar: true,
    };
  }
  return orangDariPenduduk(db, desaKode, s.penduduk);
}

export async function orangDariPenduduk(db: Db, desaKode: string, p: PendudukRow, units?: Units): Promise<Orang> {
  const names = (units ?? (await unitsOf(db, desaKode)))(p.lingkungan_id);
  const keluarga = p.keluarga_id
    ? await db.selectFrom('keluarga').select(['no_kk', 'alamat']).where('id', '=', p.keluarga_id).executeTakeFirst()
    : undefined;
  return {
    ...p,
    alamat: keluarga?.alamat ?? p.alamat_sekarang,
    dusun: names.dusun,
    rw: names.rw,
    rt: names.rt,
    no_kk: keluarga?.no_kk ?? null,
  };
}

type Units = (id: number | null) => { dusun: string | null; rw: string | null; rt: string | null };

async function unitsOf(db: Db, desaKode: string): Promise<Units> {
  return unitIndex(await listLingkungan(db, desaKode));
}

/** The living members of a resident's family in KK order (head first), for F-1.01 and member lists. */
export async function anggotaKeluarga(db: Db, desaKode: string, p: PendudukRow): Promise<Orang[]> {
  if (!p.keluarga_id) return [await orangDariPenduduk(db, desaKode, p)];
  const rows = (await db
    .selectFrom('penduduk')
    .selectAll()
    .where('keluarga_id', '=', p.keluarga_id)
    .where('status_dasar', '=', 1)
    .orderBy('kk_level')
    .orderBy('tanggallahir')
    .execute()) as PendudukRow[];
  const units = await unitsOf(db, desaKode);
  return Promise.all(rows.map((r) => orangDariPenduduk(db, desaKode, r, units)));
}
