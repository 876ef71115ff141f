/**
 * The messages each event sends: installation defaults here, a desa may override the wording (table
 * notifikasi_templat). Placeholders in braces; unknown ones stay as written. Never a NIK or KK number: the
 * values passed in are names, letter types, request numbers and statuses only.
 */
export const JENIS_NOTIFIKASI = ['permohonan-baru', 'permohonan-status', 'pesan-warga', 'pesan-desa'] as const;
export type JenisNotifikasi = (typeof JENIS_NOTIFIKASI)[number];

export interface Templat {
  subjek: string;
  teks: string;
}

export const TEMPLAT_BAWAAN: Readonly<Record<JenisNotifikasi, Templat>> = {
  'permohonan-baru': {
    subjek: 'Permohonan surat baru #{nomor}',
    teks: 'Ada permohonan {jenis_surat} baru (#{nomor}) di {desa}. Silakan periksa antrean permohonan.',
  },
  'permohonan-status': {
    subjek: 'Permohonan surat #{nomor}: {status}',
    teks: 'Yth. {nama}, permohonan {jenis_surat} Anda (#{nomor}) di {desa} kini: {status}.',
  },
  'pesan-warga': {
    subjek: 'Balasan dari {desa}',
    teks: 'Yth. {nama}, {desa} membalas pesan Anda. Baca di layanan mandiri.',
  },
  'pesan-desa': {
    subjek: 'Pesan baru dari warga',
    teks: 'Ada pesan baru dari warga {desa} di layanan mandiri.',
  },
};

/** The placeholders each event offers (shown on the template page). */
export const PLACEHOLDER: Readonly<Record<JenisNotifikasi, readonly string[]>> = {
  'permohonan-baru': ['desa', 'nomor', 'jenis_surat'],
  'permohonan-status': ['desa', 'nama', 'nomor', 'jenis_surat', 'status'],
  'pesan-warga': ['desa', 'nama'],
  'pesan-desa': ['desa'],
};

/** Request statuses as layanan mandiri numbers them (0–5, the reference's order). */
export const STATUS_PERMOHONAN: Readonly<Record<number, string>> = {
  0: 'belum lengkap',
  1: 'sedang diperiksa',
  2: 'menunggu tanda tangan',
  3: 'siap diambil',
  4: 'sudah diambil',
  5: 'dibatalkan',
};

export function labelStatus(status: number): string {
  return STATUS_PERMOHONAN[status] ?? `status ${status}`;
}

/** Fills `{name}` placeholders; a 16-digit run (a NIK or KK number slipped into a value) is removed. */
export function isiTemplat(teks: string, nilai: Record<string, string | number>): string {
  const filled = teks.replace(/\{([a-z_]+)\}/g, (whole, key: string) => (key in nilai ? String(nilai[key]) : whole));
  return tanpaNomorInduk(filled);
}

/** Blanks any run of 16 digits (NIK, No. KK) so that no message ever carries one. */
export function tanpaNomorInduk(teks: string): string {
  return teks.replace(/\d{16,}/g, '[nomor disembunyikan]');
}
