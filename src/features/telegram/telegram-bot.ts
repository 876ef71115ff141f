import { KODE_PATTERN } from '#src/features/notifikasi/notifikasi-token.js';
import {
  aturUlangPinLewatKanal,
  hubungkanTelegram,
  putuskanTelegram,
  wargaDariChat,
} from '#src/features/warga-akun/warga-kanal.service.js';
import type { Db } from '#src/lib/db/connect.js';
import { teksJam, teksKontak, teksPengumuman, teksStatus } from './telegram-info.js';

/** The bot's answers: a pure mapping from (chat, text) to a reply, with the database behind it. */

export const BANTUAN = [
  'Layanan mandiri desa, 24 jam. Perintah:',
  '/status – status permohonan surat Anda',
  '/kontak – kontak kantor desa',
  '/jam – jam layanan kantor desa',
  '/pengumuman – pengumuman terbaru',
  '/pin – minta PIN baru (dikirim ke chat ini)',
  '/putus – lepaskan chat ini dari akun Anda',
].join('\n');

export const BELUM_TERHUBUNG =
  'Chat ini belum terhubung ke akun layanan mandiri. Masuk ke layanan mandiri, buka menu "Akun & PIN", buat kode Telegram, lalu kirim kode itu ke sini (berlaku 10 menit).';

/** Normalises "/status@NamaBot", "Status surat", etc. into a command word and its argument. */
export function uraiPerintah(teks: string): { perintah: string; arg: string } {
  const t = teks.trim();
  if (/^status(\s+surat)?$/i.test(t)) return { perintah: 'status', arg: '' };
  const m = /^\/([a-z_]+)(?:@\w+)?(?:\s+(.*))?$/i.exec(t);
  if (m) return { perintah: (m[1] ?? '').toLowerCase(), arg: (m[2] ?? '').trim() };
  if (KODE_PATTERN.test(t)) return { perintah: 'start', arg: t };
  return { perintah: '', arg: t };
}

export interface Jawaban {
  teks: string;
  /** the message carries a secret (a new PIN): never copied anywhere else */
  rahasia?: boolean;
}

export async function jawab(db: Db, chatId: string, teks: string, publicUrl?: string): Promise<Jawaban> {
  const { perintah, arg } = uraiPerintah(teks);
  if (perintah === 'start' && arg) {
    if (!KODE_PATTERN.test(arg))
      return { teks: 'Kode tidak dikenal, sudah dipakai, atau kedaluwarsa. Buat kode baru.' };
    const t = await hubungkanTelegram(db, arg, chatId);
    if (!t) return { teks: 'Kode tidak dikenal, sudah dipakai, atau kedaluwarsa. Buat kode baru.' };
    return t.jenis === 'warga'
      ? { teks: `Terhubung. Halo ${t.nama}, notifikasi surat akan dikirim ke chat ini.\n\n${BANTUAN}` }
      : { teks: `Terhubung. Halo ${t.nama}, permohonan baru dari warga akan diberitahukan ke chat ini.` };
  }
  const warga = await wargaDariChat(db, chatId);
  if (!warga || warga.akunId === null)
    return { teks: perintah === 'start' || perintah === 'help' ? `${BELUM_TERHUBUNG}\n\n${BANTUAN}` : BELUM_TERHUBUNG };
  const akunId = warga.akunId;
  switch (perintah) {
    case 'status':
      return { teks: await teksStatus(db, warga.pendudukId) };
    case 'kontak':
      return { teks: await teksKontak(db, warga.desaKode) };
    case 'jam':
      return { teks: await teksJam(db, warga.desaKode) };
    case 'pengumuman':
      return { teks: await teksPengumuman(db, warga.desaKode, publicUrl) };
    case 'pin': {
      const pin = await aturUlangPinLewatKanal(db, akunId, 'telegram');
      return {
        rahasia: true,
        teks: `PIN baru Anda: ${pin}\nMasuk dengan PIN ini lalu ganti dengan PIN pilihan Anda. Hapus pesan ini setelah dipakai. Jika Anda tidak memintanya, segera hubungi kantor desa.`,
      };
    }
    case 'putus':
      await putuskanTelegram(db, akunId, warga.desaKode);
      return { teks: 'Chat ini tidak lagi terhubung ke akun Anda.' };
    default:
      return { teks: `Halo ${warga.nama}.\n${BANTUAN}` };
  }
}
