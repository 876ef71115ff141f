/**
 * What letters depend on to sign a PDF electronically: the built-in PAdES signer (pades-signer.ts, a desa key
 * under the kabupaten CA) or a BSrE-style signing service (bsre-signer.ts).
 */
export type SignerStatus = 'terdaftar' | 'tidak_terdaftar' | 'sertifikat_kedaluwarsa';

export interface SignPdfOptions {
  /** the signer's NIK (BSrE: whose certificate signs); not used by the local signer */
  nik?: string;
  /** typed at signing time, never stored or logged */
  passphrase?: string;
  reason: string;
  location: string;
  /** the signer's name as shown in the signature dictionary */
  name: string;
}

export interface SignatureCheck {
  /** the signing certificate's common name */
  signer: string;
  /** the signed bytes are unchanged and the signature matches the certificate's key */
  integrity: boolean;
  /** the certificate chains to a trusted CA and was valid when signed */
  certificateValid: boolean;
  /** ISO time claimed by the signature (/M), null when absent */
  signedAt: string | null;
}

export interface VerifyResult {
  /** at least one signature, every one intact and trusted, and the last one covering the whole file */
  valid: boolean;
  signatures: SignatureCheck[];
}

export interface Signer {
  signerStatus(nik: string): Promise<SignerStatus>;
  signPdf(pdf: Uint8Array, opts: SignPdfOptions): Promise<Uint8Array>;
  verifyPdf(pdf: Uint8Array): Promise<VerifyResult>;
}

export type SigningErrorKode = 'passphrase_salah' | 'tidak_terdaftar' | 'layanan_gagal' | 'kunci_tidak_ada';

/** A signing failure the user can act on; `message` is plain Indonesian, safe to show. */
export class SigningError extends Error {
  constructor(
    public kode: SigningErrorKode,
    message: string,
  ) {
    super(message);
    this.name = 'SigningError';
  }
}
