import { pengumumanAktif } from '#src/features/konten/konten.public.js';
import { namaDesa } from '#src/features/mandiri/mandiri-desa.js';
import { labelStatus } from '#src/features/notifikasi/notifikasi-templat.js';
import { listPermohonanWarga } from '#src/features/permohonan/permohonan.repository.js';
import { statusEfektif } from '#src/features/permohonan/permohonan-status.js';
import type { Db } from '#src/lib/db/connect.js';

/** What the bot tells a linked resident: their requests, the desa's contacts, office hours, announcements. */

const tanggal = (iso: string) => iso.slice(0, 10).split('-').reverse().join('-');

export async function teksStatus(db: Db, pendudukId: number): Promise<string> {
  const rows = (await listPermohonanWarga(db, pendudukId)).slice(0, 10);
  if (rows.length === 0) return 'Anda belum punya permohonan surat. Ajukan lewat layanan mandiri.';
  const lines = rows.map(
    (r) =>
      `#${r.id} ${r.jenis_nama} (${tanggal(r.dibuat_pada)}): ${labelStatus(statusEfektif(r.status, r.surat_status))}`,
  );
  return `Permohonan surat Anda:\n${lines.join('\n')}`;
}

export async function teksKontak(db: Db, desaKode: string): Promise<string> {
  const desa = await db
    .selectFrom('desa')
    .where('kode', '=', desaKode)
    .select(['alamat', 'telepon', 'email'])
    .executeTakeFirst();
  const lines = [`Kontak ${await namaDesa(db, desaKode)}:`];
  if (desa?.alamat) lines.push(`Alamat: ${desa.alamat}`);
  if (desa?.telepon) lines.push(`Telepon: ${desa.telepon}`);
  if (desa?.email) lines.push(`Email: ${desa.email}`);
  if (lines.length === 1) lines.push('Belum dicatat. Silakan datang ke kantor desa.');
  return lines.join('\n');
}

export async function teksJam(db: Db, desaKode: string): Promise<string> {
  const row = await db
    .selectFrom('situs_pengaturan')
    .where('desa_kode', '=', desaKode)
    .select('jam_layanan')
    .executeTakeFirst();
  const nama = await namaDesa(db, desaKode);
  return row?.jam_layanan
    ? `Jam layanan ${nama}:\n${row.jam_layanan}`
    : `Jam layanan ${nama} belum dicatat. Layanan mandiri dan bot ini buka 24 jam.`;
}

export async function teksPengumuman(db: Db, desaKode: string, publicUrl: string | undefined): Promise<string> {
  const items = await pengumumanAktif(db, desaKode, 5);
  if (items.length === 0) return 'Belum ada pengumuman.';
  const base = publicUrl ? `${publicUrl.replace(/\/+$/, '')}/situs/${desaKode}` : null;
  const lines = items.map((i) => `• ${i.judul} (${tanggal(i.tanggal)})${base ? `\n  ${base}${i.href}` : ''}`);
  return `Pengumuman terbaru:\n${lines.join('\n')}`;
}
