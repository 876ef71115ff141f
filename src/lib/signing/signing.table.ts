/** The installation's signing keys: a CA per kabupaten, a certificate per desa, the letter-token key per kabupaten. */
export interface KunciTandaTanganTable {
  id: string;
  jenis: JenisKunci;
  /** kabupaten code for `ca` and `token`, desa code for `desa` */
  pemilik: string;
  /** SPKI, PEM */
  kunci_publik: string;
  /** PKCS#8 encrypted under the master key (see master-key.ts); never the plain key */
  kunci_privat: string;
  /** X.509 certificate, PEM (null for `token`) */
  sertifikat: string | null;
  /** 1 = the key in use; older keys stay (aktif 0) so earlier letters still verify */
  aktif: number;
  berlaku_sampai: string | null;
  dibuat_pada: string;
}

export type JenisKunci = 'ca' | 'desa' | 'token';
