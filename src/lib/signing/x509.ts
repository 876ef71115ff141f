import { createHash, type KeyObject, randomBytes, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * X.509 certificates for the kabupaten CA and the desa signing keys, built with pkijs and signed with the
 * issuer's RSA key (RSA-2048 + SHA-256: what every PDF reader and NSS validate).
 */
export interface NamaSertifikat {
  commonName: string;
  organization?: string;
  /** X.520 serialNumber attribute, e.g. the desa code */
  serialNumber?: string;
}

export interface TerbitkanSertifikat {
  subject: NamaSertifikat;
  /** SPKI PEM of the key being certified */
  publicKeyPem: string;
  /** the issuer's key; the subject's own key for a self-signed CA */
  issuerKey: KeyObject;
  /** the issuer's certificate (PEM); absent for a self-signed CA */
  issuerCertPem?: string;
  validFrom: Date;
  validTo: Date;
  ca: boolean;
}

const OID = {
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
};

export async function issueCertificate(input: TerbitkanSertifikat): Promise<string> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: positiveSerial() });
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(pemToDer(input.publicKeyPem));
  cert.subject = distinguishedName(input.subject);
  const issuer = input.issuerCertPem ? pkijs.Certificate.fromBER(pemToDer(input.issuerCertPem)) : null;
  cert.issuer = issuer ? issuer.subject : distinguishedName(input.subject);
  cert.notBefore = time(input.validFrom);
  cert.notAfter = time(input.validTo);

  const ownKeyId = keyIdentifier(cert.subjectPublicKeyInfo);
  const issuerKeyId = issuer ? keyIdentifier(issuer.subjectPublicKeyInfo) : ownKeyId;
  const basic = new pkijs.BasicConstraints(input.ca ? { cA: true, pathLenConstraint: 0 } : { cA: false });
  cert.extensions = [
    extension(OID.basicConstraints, true, basic.toSchema()),
    // CA: keyCertSign + cRLSign; desa: digitalSignature + nonRepudiation
    extension(OID.keyUsage, true, keyUsage(input.ca ? 0x06 : 0xc0, input.ca ? 1 : 6)),
    extension(OID.subjectKeyId, false, new asn1js.OctetString({ valueHex: ownKeyId })),
    extension(
      OID.authorityKeyId,
      false,
      new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: issuerKeyId }) }).toSchema(),
    ),
  ];
  const signingKey = input.issuerKey.toCryptoKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  // Node's webcrypto CryptoKey and the DOM CryptoKey pkijs is typed with are the same thing at run time
  await cert.sign(signingKey as unknown as Parameters<pkijs.Certificate['sign']>[0], 'SHA-256');
  return derToPem('CERTIFICATE', new Uint8Array(cert.toSchema(true).toBER()));
}

/** One attribute per RDN (C, O, serialNumber, CN): pkijs would put them all in one multi-valued RDN. */
function distinguishedName(name: NamaSertifikat): pkijs.RelativeDistinguishedNames {
  const parts: Array<[string, asn1js.Utf8String | asn1js.PrintableString]> = [
    [OID.country, new asn1js.PrintableString({ value: 'ID' })],
  ];
  if (name.organization) parts.push([OID.organization, new asn1js.Utf8String({ value: name.organization })]);
  if (name.serialNumber) parts.push([OID.serialNumber, new asn1js.PrintableString({ value: name.serialNumber })]);
  parts.push([OID.commonName, new asn1js.Utf8String({ value: name.commonName })]);
  const rdns = parts.map(
    ([type, value]) => new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] }),
  );
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER());
}

function extension(extnID: string, critical: boolean, value: asn1js.AsnType): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

function keyUsage(bits: number, unusedBits: number): asn1js.BitString {
  return new asn1js.BitString({ valueHex: new Uint8Array([bits]), unusedBits });
}

/** UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function time(value: Date): pkijs.Time {
  return new pkijs.Time({ type: value.getUTCFullYear() < 2050 ? 0 : 1, value });
}

/** 16 random bytes, high bit clear so the INTEGER stays positive, first byte non-zero so it stays minimal. */
function positiveSerial(): Uint8Array {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return new Uint8Array(bytes);
}

/** RFC 5280 method 1: SHA-1 of the subjectPublicKey bits. */
function keyIdentifier(spki: pkijs.PublicKeyInfo): Uint8Array {
  return new Uint8Array(createHash('sha1').update(spki.subjectPublicKey.valueBlock.valueHexView).digest());
}

export function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  const body = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(body, 'base64'));
}

export function derToPem(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The common name in a certificate's subject (what readers show as the signer). */
export function commonName(cert: X509Certificate): string {
  const line = cert.subject.split('\n').find((l) => l.startsWith('CN='));
  return line ? line.slice(3) : cert.subject;
}

export function parseCertificate(pem: string): X509Certificate {
  return new X509Certificate(pem);
}
