import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SignatureCheck, VerifyResult } from './signer.js';
import { commonName, pemToDer } from './x509.js';

/**
 * Checks every signature in a PDF: the /ByteRange covers the file except the /Contents hex, the CMS signature
 * and messageDigest match the signed bytes (integrity), and the signer's certificate chains to one of
 * `trustedCaPems` and was valid at the signing time (/M, else now). Overall valid only when the last signature
 * covers the whole file, so nothing was appended after signing.
 */
interface SignatureField {
  byteRange: [number, number, number, number];
  signedAt: string | null;
}

export async function verifyPadesPdf(pdf: Uint8Array, trustedCaPems: string[]): Promise<VerifyResult> {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const trusted = trustedCaPems.map((pem) => pkijs.Certificate.fromBER(pemToDer(pem)));
  const fields = findSignatureFields(bytes);
  const signatures: SignatureCheck[] = [];
  for (const field of fields) signatures.push(await checkSignature(bytes, field, trusted));
  const coversFile = fields.some((f) => f.byteRange[0] === 0 && f.byteRange[2] + f.byteRange[3] === bytes.length);
  const valid = signatures.length > 0 && coversFile && signatures.every((s) => s.integrity && s.certificateValid);
  return { valid, signatures };
}

/** Signature dictionaries are written uncompressed (their /Contents is patched in place), so a text scan finds them. */
function findSignatureFields(bytes: Buffer): SignatureField[] {
  const text = bytes.toString('latin1');
  const fields: SignatureField[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const at = match.index ?? 0;
    const start = text.lastIndexOf(' obj', at);
    const end = text.indexOf('endobj', at);
    const dict = text.slice(Math.max(start, 0), end < 0 ? text.length : end);
    const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([Z+-])?(\d{2})?'?(\d{2})?'?\)/.exec(dict);
    fields.push({
      byteRange: [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])],
      signedAt: m ? pdfDate(m) : null,
    });
  }
  return fields;
}

function pdfDate(m: RegExpExecArray): string | null {
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const offset = !sign || sign === 'Z' ? 'Z' : `${sign}${oh ?? '00'}:${om ?? '00'}`;
  const time = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

async function checkSignature(bytes: Buffer, field: SignatureField, trusted: pkijs.Certificate[]) {
  const result: SignatureCheck = { signer: '', integrity: false, certificateValid: false, signedAt: field.signedAt };
  const [a, b, c, d] = field.byteRange;
  const gap = bytes.subarray(a + b, c).toString('latin1');
  if (a !== 0 || b <= 0 || c <= b || c + d > bytes.length || !/^<[0-9a-fA-F]*>$/.test(gap)) return result;

  let signedData: pkijs.SignedData;
  try {
    signedData = parseSignedData(Buffer.from(gap.slice(1, -1), 'hex'));
  } catch {
    return result;
  }
  const content = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
  const data = content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength);
  // pkijs finds the signer's certificate, checks messageDigest against the bytes and the signature over the
  // signed attributes; a failure comes back as a SignedDataVerifyError carrying the same fields
  const outcome: Partial<pkijs.SignedDataVerifyResult> = await signedData
    .verify({ signer: 0, data, checkChain: false, extendedMode: true })
    .catch((error: unknown) => (error instanceof pkijs.SignedDataVerifyError ? error : {}));
  const signerCert = outcome.signerCertificate;
  if (!signerCert) return result;
  result.signer = commonName(new X509Certificate(Buffer.from(signerCert.toSchema().toBER())));
  result.integrity = outcome.signatureVerified === true;

  // the chain engine takes the end-entity certificate last
  const others = (signedData.certificates ?? []).filter(
    (x): x is pkijs.Certificate => x instanceof pkijs.Certificate && x !== signerCert,
  );
  const checkDate = field.signedAt ? new Date(field.signedAt) : new Date();
  const certs = [...others, signerCert];
  const chain = new pkijs.CertificateChainValidationEngine({ certs, trustedCerts: trusted, checkDate });
  const verdict = await chain.verify().catch(() => ({ result: false }));
  result.certificateValid = verdict.result && trusted.length > 0;
  return result;
}

function parseSignedData(der: Buffer): pkijs.SignedData {
  // the hex is zero-padded to the placeholder's length; read one DER element and ignore the rest
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) throw new Error('CMS tidak dapat dibaca');
  const info = new pkijs.ContentInfo({ schema: parsed.result });
  if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error('bukan CMS SignedData');
  return new pkijs.SignedData({ schema: info.content });
}
