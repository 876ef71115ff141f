import { createHash, type KeyObject, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * The CMS SignedData inside a PAdES baseline-B signature (ETSI EN 319 142-1): detached, SHA-256, signed
 * attributes contentType, messageDigest and signingCertificateV2 (RFC 5035) — no signingTime (PAdES puts the
 * time in the signature dictionary's /M) — and the signer's certificate chain.
 */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

export interface CmsSigner {
  key: KeyObject;
  /** the signer's certificate first, then its issuers */
  chain: pkijs.Certificate[];
}

export function cmsSigner(key: KeyObject, chainDer: Uint8Array<ArrayBuffer>[]): CmsSigner {
  return { key, chain: chainDer.map((der) => pkijs.Certificate.fromBER(der)) };
}

/** DER of a detached CMS SignedData over `content`. */
export function signDetached(content: Uint8Array, signer: CmsSigner): Uint8Array {
  const [cert] = signer.chain;
  if (!cert) throw new Error('rantai sertifikat kosong');
  const digest = createHash('sha256').update(content).digest();
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: new Uint8Array(digest) })],
    }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(cert)] }),
  ];
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: derSorted(attributes) });
  // the signature covers the attributes encoded as SET OF (tag 0x31), not as the [0] IMPLICIT in the SignerInfo
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER());
  toSign[0] = 0x31;
  const signature = sign('sha256', toSign, signer.key);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.rsaEncryption,
      algorithmParams: new asn1js.Null(),
    }),
    signature: new asn1js.OctetString({ valueHex: new Uint8Array(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: signer.chain,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
 * ESSCertIDv2 ::= SEQUENCE { certHash OCTET STRING (SHA-256, the default algorithm, so omitted),
 *                            issuerSerial SEQUENCE { issuer GeneralNames, serialNumber INTEGER } }
 */
function signingCertificateV2(cert: pkijs.Certificate): asn1js.Sequence {
  const certHash = createHash('sha256').update(new Uint8Array(cert.toSchema().toBER())).digest();
  const issuer = new pkijs.GeneralName({ type: 4, value: cert.issuer });
  const issuerSerial = new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [issuer.toSchema()] }), cert.serialNumber],
  });
  const essCertId = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: new Uint8Array(certHash) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

/** DER orders a SET OF by the encodings of its members; verifiers that re-encode (OpenSSL) depend on it. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) }));
  return encoded.sort((x, y) => Buffer.compare(x.der, y.der)).map((e) => e.a);
}
