import { ageOn, todayIn } from '#src/domain/age.js';
import { codeLabel } from '#src/domain/codes.js';
import { maskNumber } from '#src/domain/nik.js';
import { findPenduduk } from '#src/features/penduduk/penduduk.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import { notFound } from '#src/lib/errors.js';

/**
 * What a resident sees of their own record: their data with NIK and KK number masked to the last 4 digits
 * (the page may be open on a shared phone or a kiosk screen, and the resident has the numbers on their
 * cards), and of their family only names, relationship and age — never the members' full records.
 */
export async function biodataWarga(db: Db, pendudukId: number, desaKode: string) {
  const p = await findPenduduk(db, pendudukId);
  if (!p || p.desa_kode !== desaKode) throw notFound();
  const kk = p.keluarga_id
    ? await db
        .selectFrom('keluarga')
        .select(['id', 'no_kk', 'alamat', 'desa_kode'])
        .where('id', '=', p.keluarga_id)
        .executeTakeFirst()
    : undefined;
  const keluarga = kk && kk.desa_kode === desaKode ? kk : undefined;
  const hariIni = todayIn();
  const anggota = keluarga
    ? (
        await db
          .selectFrom('penduduk')
          .select(['id', 'nama', 'kk_level', 'tanggallahir'])
          .where('keluarga_id', '=', keluarga.id)
          .where('status_dasar', '=', 1)
          .orderBy('kk_level')
          .orderBy('tanggallahir')
          .execute()
      ).map((a) => ({
        nama: a.nama,
        sendiri: a.id === p.id,
        hubungan: codeLabel('hubungan_keluarga', a.kk_level) ?? '',
        umur: a.tanggallahir ? ageOn(a.tanggallahir, hariIni) : null,
      }))
    : [];
  return {
    nama: p.nama,
    nik: maskNumber(p.nik ?? p.nik_sementara ?? ''),
    noKk: keluarga ? maskNumber(keluarga.no_kk) : '',
    tempatLahir: p.tempatlahir ?? '',
    tanggalLahir: p.tanggallahir ?? '',
    sex: codeLabel('jenis_kelamin', p.sex) ?? '',
    agama: codeLabel('agama', p.agama_id) ?? '',
    pendidikan: codeLabel('pendidikan_kk', p.pendidikan_kk_id) ?? '',
    pekerjaan: codeLabel('pekerjaan', p.pekerjaan_id) ?? '',
    kawin: codeLabel('status_kawin', p.status_kawin) ?? '',
    alamat: keluarga?.alamat ?? p.alamat_sekarang ?? '',
    anggota,
  };
}
export type Biodata = Awaited<ReturnType<typeof biodataWarga>>;
