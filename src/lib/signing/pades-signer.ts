import type { KeyObject } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignpdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import { type CmsSigner, cmsSigner, signDetached } from './pades-cms.js';
import { verifyPadesPdf } from './pades-verify.js';
import { type Signer, type SignerStatus, SigningError, type SignPdfOptions, type VerifyResult } from './signer.js';
import { parseCertificate, pemToDer } from './x509.js';

/**
 * The built-in signer: a PAdES baseline-B signature (/SubFilter /ETSI.CAdES.detached) with the desa's key
 * under the kabupaten CA that Balai manages. Invisible: it shows in the reader's signature panel.
 */
export interface LocalPadesKunci {
  key: KeyObject;
  /** the desa certificate, PEM */
  cert: string;
  /** the kabupaten CA certificate, PEM (included in the signature) */
  caCert: string;
  /** CAs accepted when verifying (default: caCert); pass every kabupaten CA to check other desas' letters */
  trustedCas?: string[];
}

export class LocalPadesSigner implements Signer {
  private readonly cms: CmsSigner;
  private readonly notAfter: number;
  private readonly placeholderBytes: number;
  private readonly trustedCas: string[];

  constructor(kunci: LocalPadesKunci) {
    if (kunci.key.asymmetricKeyType !== 'rsa') throw new Error('kunci tanda tangan desa harus RSA');
    const chain = [pemToDer(kunci.cert), pemToDer(kunci.caCert)];
    this.cms = cmsSigner(kunci.key, chain);
    this.notAfter = Date.parse(parseCertificate(kunci.cert).validTo);
    // certificates + signature + attributes, with room to spare
    this.placeholderBytes = chain.reduce((n, der) => n + der.length, 0) + 2048;
    this.trustedCas = kunci.trustedCas ?? [kunci.caCert];
  }

  /** The desa key signs for whoever the desa authorises; only its certificate's validity matters. */
  async signerStatus(_nik: string): Promise<SignerStatus> {
    return Date.now() < this.notAfter ? 'terdaftar' : 'sertifikat_kedaluwarsa';
  }

  async signPdf(pdf: Uint8Array, opts: SignPdfOptions): Promise<Uint8Array> {
    if (Date.now() >= this.notAfter)
      throw new SigningError('kunci_tidak_ada', 'Sertifikat tanda tangan desa sudah kedaluwarsa; terbitkan yang baru.');
    const signingTime = new Date();
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    pdflibAddPlaceholder({
      pdfDoc: doc,
      reason: opts.reason,
      location: opts.location,
      name: opts.name,
      contactInfo: '',
      signingTime,
      // counted in hex digits: two per byte
      signatureLength: this.placeholderBytes * 2,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'Balai',
    });
    const prepared = await doc.save({ useObjectStreams: false });
    const signed = await new SignPdf().sign(Buffer.from(prepared), new CadesSigner(this.cms), signingTime);
    return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
  }

  async verifyPdf(pdf: Uint8Array): Promise<VerifyResult> {
    return verifyPadesPdf(pdf, this.trustedCas);
  }
}

/** @signpdf hands over the bytes outside /Contents; we return the CMS that goes into it. */
class CadesSigner extends SignpdfSigner {
  constructor(private readonly cms: CmsSigner) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    return Buffer.from(signDetached(content, this.cms));
  }
}
