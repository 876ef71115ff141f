/** Input shapes of the letter renderer (surat-render.ts), shared with the attachment forms. */

export interface SuratLayout {
  kertas: 'F4' | 'A4';
  orientasi: 'portrait' | 'landscape';
  /** centimetres */
  margin: { kiri: number; atas: number; kanan: number; bawah: number };
  /** body font; default 'sans' (Liberation Sans, metric-compatible with Arial) */
  huruf?: 'sans' | 'serif';
}

export interface Kop {
  /** PNG (or JPEG) bytes of the regional logo */
  logo: Uint8Array | null;
  /** print the Garuda emblem instead of the regional logo (needs assets/img/garuda.png; else the logo is used) */
  garuda: boolean;
  /** e.g. PEMERINTAH KABUPATEN REMBANG, KECAMATAN KALIORI, DESA BANYUDONO — the last line is printed larger */
  baris: string[];
  alamat: string;
}

export interface Penandatangan {
  /** e.g. "a.n. Kepala Desa Banyudono" */
  atasNama: string | null;
  /** the "u.b." line */
  ub?: string | null;
  jabatan: string;
  nama: string;
  nip: string | null;
}

export interface LampiranInput {
  /** 'F-1.01' | 'F-2.01'; other codes throw LampiranTidakTersediaError */
  kode: string;
  values: Record<string, string>;
  /** family members, for F-1.01 */
  anggota?: Array<Record<string, string>>;
}

export interface RenderInput {
  layout: SuratLayout;
  kop: Kop;
  judul: string;
  /** null → draft: the number line shows "…/…" */
  nomor: string | null;
  /** the raw template text (placeholders are substituted here) */
  body: string;
  values: Record<string, string>;
  /** "Banyudono, 28 November 2026" */
  tempatTanggal: string;
  penandatangan: Penandatangan;
  /** only signed letters get a QR */
  qr: { url: string } | null;
  /** footer saying the letter is signed electronically */
  tte: boolean;
  /** a large diagonal DRAF watermark on every page */
  draf: boolean;
  lampiran: LampiranInput[];
  /** text for empty values; default "-" */
  kosong?: string;
}

/** What an attachment form needs besides its own values. */
export interface LampiranKonteks {
  kertas: SuratLayout['kertas'];
  kosong: string;
  tempatTanggal: string;
  penandatangan: Penandatangan;
}
