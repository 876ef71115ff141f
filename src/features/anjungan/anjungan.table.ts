/** A one-time code that pairs a kiosk's browser with its kiosk (migration 20261203110000_anjungan). */
export interface AnjunganKodeTable {
  kode_hash: string;
  anjungan_id: number;
  dibuat_oleh: string;
  dibuat_pada: string;
  kedaluwarsa_pada: string;
}
