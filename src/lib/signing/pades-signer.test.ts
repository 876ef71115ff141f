import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PDFDocument } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OID } from '#src/lib/signing/pades-cms.js';
import { LocalPadesSigner } from '#src/lib/signing/pades-signer.js';
import { SigningError } from '#src/lib/signing/signer.js';
import {
  makeLetterPdf,
  makeTestPki,
  nssDbTrusting,
  pdfsig,
  type TestPki,
} from '../../../tests/support/signing-fixture.js';

const opts = { reason: 'Surat Keterangan Domisili', location: 'Desa Sukamaju', name: 'Kepala Desa Sukamaju' };
const VALID = 'Signature Validation: Signature is Valid.';

let pki: TestPki;
let signer: LocalPadesSigner;
let pdf: Uint8Array;
let signed: Uint8Array;

beforeAll(async () => {
  pki = await makeTestPki();
  signer = new LocalPadesSigner({ key: pki.desa.key, cert: pki.desa.cert, caCert: pki.ca.cert });
  pdf = await makeLetterPdf();
  signed = await signer.signPdf(pdf, opts);
});

/** The CMS in the first signature's /Contents. */
function signedDataOf(file: Uint8Array): pkijs.SignedData {
  const text = Buffer.from(file).toString('latin1');
  const m = /\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)/.exec(text);
  if (!m) throw new Error('no ByteRange');
  const hex = text.slice(Number(m[1]) + 1, Number(m[2]) - 1);
  const parsed = asn1js.fromBER(Buffer.from(hex, 'hex'));
  return new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
}

function flipByte(file: Uint8Array, at: number): Uint8Array {
  const copy = new Uint8Array(file);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

describe('LocalPadesSigner', () => {
  it('produces a PAdES baseline-B signature that pdfsig validates', () => {
    const out = pdfsig(signed);
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Signer Certificate Common Name: Desa Sukamaju');
    expect(out).toContain('Total document signed');
    expect(out).toContain(VALID);
    // no trust store: the signature is intact, the issuer simply unknown
    expect(out).toContain("Certificate issuer isn't Trusted");
  });

  it('chains to the kabupaten CA: pdfsig trusts it through an NSS database holding the CA', () => {
    const out = pdfsig(signed, nssDbTrusting(pki.ca.cert));
    expect(out).toContain(VALID);
    expect(out).toContain('Certificate Validation: Certificate is Trusted.');
  });

  it('verifies with its own verifyPdf: signer, integrity, chain, time from /M', async () => {
    const result = await signer.verifyPdf(signed);
    expect(result.valid).toBe(true);
    expect(result.signatures).toHaveLength(1);
    const [sig] = result.signatures;
    expect(sig).toMatchObject({ signer: 'Desa Sukamaju', integrity: true, certificateValid: true });
    expect(Math.abs(Date.parse(sig?.signedAt ?? '') - Date.now())).toBeLessThan(60_000);
  });

  it('signs attributes contentType, messageDigest, signingCertificateV2 — and no signingTime', () => {
    const sd = signedDataOf(signed);
    const types = sd.signerInfos[0]?.signedAttrs?.attributes.map((a) => a.type) ?? [];
    expect(types.sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
    expect(types).not.toContain('1.2.840.113549.1.9.5');
    expect(sd.encapContentInfo.eContent).toBeUndefined(); // detached
    // the CA travels with the signature
    const subjects = (sd.certificates ?? []).map(
      (c) => new X509Certificate(Buffer.from((c as pkijs.Certificate).toSchema().toBER())).subject,
    );
    expect(subjects.some((s) => s.includes('CN=Balai CA Kabupaten Uji'))).toBe(true);
  });

  it('keeps the letter readable and puts /M, /Reason, /Location in the signature dictionary', async () => {
    const text = Buffer.from(signed).toString('latin1');
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(text).toMatch(/\/M \(D:\d{14}Z\)/);
    expect(text).toContain('/Reason (Surat Keterangan Domisili)');
    expect(text).toContain('/Location (Desa Sukamaju)');
    const doc = await PDFDocument.load(signed);
    expect(doc.getPageCount()).toBe(1);
  });

  it('detects one changed byte inside the signed range (pdfsig and verifyPdf)', async () => {
    const tampered = flipByte(signed, 2_000);
    expect(pdfsig(tampered)).not.toContain(VALID);
    const result = await signer.verifyPdf(tampered);
    expect(result.valid).toBe(false);
    expect(result.signatures[0]?.integrity).toBe(false);
  });

  it('detects a changed byte in the second signed range and in the signature itself', async () => {
    const atEnd = flipByte(signed, signed.length - 20);
    expect((await signer.verifyPdf(atEnd)).valid).toBe(false);
    const text = Buffer.from(signed).toString('latin1');
    // the RSA signature value ends the CMS, before the zero padding of the placeholder
    const contents = text.indexOf('/Contents <');
    const cmsEnd = text.slice(contents, text.indexOf('>', contents)).search(/0+$/) + contents;
    const inSignature = new Uint8Array(signed);
    const at = cmsEnd - 20;
    inSignature[at] = inSignature[at] === 0x30 ? 0x31 : 0x30;
    const result = await signer.verifyPdf(inSignature);
    expect(result.valid).toBe(false);
    expect(result.signatures[0]?.integrity).toBe(false);
  });

  it('rejects content appended after signing (the signature no longer covers the file)', async () => {
    const appended = Buffer.concat([Buffer.from(signed), Buffer.from('\n% ditambahkan kemudian\n')]);
    const result = await signer.verifyPdf(appended);
    expect(result.signatures[0]?.integrity).toBe(true);
    expect(result.valid).toBe(false);
  });

  it('reports an unsigned PDF as not valid, with no signatures', async () => {
    expect(await signer.verifyPdf(pdf)).toEqual({ valid: false, signatures: [] });
  });

  it('an intact signature from another CA is not trusted', async () => {
    const other = await makeTestPki({ caName: 'Balai CA Kabupaten Lain' });
    const foreign = new LocalPadesSigner({ key: other.desa.key, cert: other.desa.cert, caCert: other.ca.cert });
    const result = await signer.verifyPdf(await foreign.signPdf(pdf, opts));
    expect(result.signatures[0]).toMatchObject({ integrity: true, certificateValid: false });
    expect(result.valid).toBe(false);
    // trusting both kabupaten CAs accepts it
    const both = new LocalPadesSigner({ ...pki.desa, caCert: pki.ca.cert, trustedCas: [pki.ca.cert, other.ca.cert] });
    expect((await both.verifyPdf(await foreign.signPdf(pdf, opts))).valid).toBe(true);
  });

  it('an expired desa certificate: status kedaluwarsa, signing refused with kunci_tidak_ada', async () => {
    const old = await makeTestPki({ desaFrom: new Date(Date.now() - 800 * 86_400_000), desaDays: 730 });
    const expired = new LocalPadesSigner({ key: old.desa.key, cert: old.desa.cert, caCert: old.ca.cert });
    expect(await expired.signerStatus('3399010101010001')).toBe('sertifikat_kedaluwarsa');
    expect(await signer.signerStatus('3399010101010001')).toBe('terdaftar');
    const error = await expired.signPdf(pdf, opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningError);
    expect((error as SigningError).kode).toBe('kunci_tidak_ada');
  });

  it('signs a 40 KB one-page letter in well under 50 ms (p50 of 50 signs)', async () => {
    expect(pdf.length).toBeGreaterThan(35_000);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      await signer.signPdf(pdf, opts);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const p50 = times[25] ?? 0;
    console.log(`PAdES sign p50 ${p50.toFixed(1)} ms, p90 ${(times[45] ?? 0).toFixed(1)} ms (${pdf.length} bytes)`);
    expect(p50).toBeLessThan(50);
  });
});
