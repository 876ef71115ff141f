export interface PengaturanTable {
  kunci: string;
  nilai: string;
}

export interface TautanSetupTable {
  token_hash: string;
  dibuat_pada: string;
  kedaluwarsa_pada: string;
}
