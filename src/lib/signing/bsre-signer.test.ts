import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BsreOptions, BsreSigner } from '#src/lib/signing/bsre-signer.js';
import { LocalPadesSigner } from '#src/lib/signing/pades-signer.js';
import { SigningError } from '#src/lib/signing/signer.js';
import { makeLetterPdf, makeTestPki, pdfsig, type TestPki } from '../../../tests/support/signing-fixture.js';

/**
 * A local stand-in for a BSrE Esign Client Service (v1 wire): Basic auth, status by NIK, multipart signing
 * that answers with a PDF signed by the built-in PAdES signer, or the service's JSON errors.
 */
const USER = 'balai-kab';
const PASS = 'rahasia-layanan';
const NIK_OK = '3399010101800001';
const NIK_EXPIRED = '3399010101800002';
const NIK_UNKNOWN = '3399010101800003';
const PASSPHRASE = 'passphrase-benar-123';

interface Seen {
  method: string;
  url: string;
  fields: Record<string, string>;
  file?: { name: string; type: string; bytes: Uint8Array };
}

let pki: TestPki;
let server: Server;
let baseUrl: string;
let pdf: Uint8Array;
const seen: Seen[] = [];
let delayMs = 0;

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const json = (status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
  if (req.headers.authorization !== `Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}`)
    return json(401, { error: 'Unauthorized', status_code: 401 });

  const entry: Seen = { method: req.method ?? '', url: req.url ?? '', fields: {} };
  seen.push(entry);
  const status = /^\/api\/user\/status\/(\d+)$/.exec(req.url ?? '');
  if (req.method === 'GET' && status) {
    if (status[1] === NIK_OK) return json(200, { status_code: 1111, status: 'ISSUE', message: 'Sertifikat aktif' });
    if (status[1] === NIK_EXPIRED)
      return json(200, { status_code: 1112, status: 'EXPIRED', message: 'Sertifikat expired' });
    return json(400, { error: 'Pengguna tidak terdaftar', status_code: 1110 });
  }
  if (req.method === 'POST' && req.url === '/api/sign/pdf') {
    const form = await new Response(Buffer.concat(chunks), {
      headers: { 'content-type': req.headers['content-type'] ?? '' },
    }).formData();
    for (const [key, value] of form) {
      if (typeof value === 'string') entry.fields[key] = value;
      else entry.file = { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
    }
    if (entry.fields.nik !== NIK_OK) return json(400, { error: 'Pengguna tidak terdaftar', status_code: 1110 });
    if (entry.fields.passphrase !== PASSPHRASE) return json(400, { error: 'Passphrase anda salah', status_code: 2031 });
    if (!entry.file || entry.fields.tampilan !== 'invisible') return json(400, { error: 'Parameter tidak lengkap' });
    const local = new LocalPadesSigner({ key: pki.desa.key, cert: pki.desa.cert, caCert: pki.ca.cert });
    const signed = await local.signPdf(entry.file.bytes, { reason: 'TTE', location: 'BSrE', name: 'Uji' });
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end(signed);
    return;
  }
  json(404, { error: 'Tidak ditemukan' });
}

function bsre(overrides: Partial<BsreOptions> = {}, logs: object[] = []): BsreSigner {
  const log = { info: (o: object) => logs.push(o), warn: (o: object) => logs.push(o) };
  return new BsreSigner({ baseUrl, username: USER, password: PASS, trustedCas: [pki.ca.cert], log, ...overrides });
}

const signOpts = { nik: NIK_OK, passphrase: PASSPHRASE, reason: 'Surat', location: 'Desa Sukamaju', name: 'Kades' };

async function failureOf(promise: Promise<unknown>): Promise<SigningError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SigningError);
  return error as SigningError;
}

beforeAll(async () => {
  pki = await makeTestPki();
  pdf = await makeLetterPdf();
  server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('BsreSigner against a local stand-in service', () => {
  it('signs: multipart file, nik, passphrase, tampilan=invisible; returns a PAdES PDF that validates', async () => {
    const logs: object[] = [];
    seen.length = 0;
    const signed = await bsre({}, logs).signPdf(pdf, signOpts);
    const request = seen.at(-1);
    expect(request?.fields).toEqual({ nik: NIK_OK, passphrase: PASSPHRASE, tampilan: 'invisible' });
    expect(request?.file?.type).toBe('application/pdf');
    expect(Buffer.from(request?.file?.bytes ?? []).equals(Buffer.from(pdf))).toBe(true);
    expect(pdfsig(signed)).toContain('Signature Validation: Signature is Valid.');
    expect((await bsre().verifyPdf(signed)).valid).toBe(true);
    // logged, but never the passphrase or the NIK
    expect(logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(logs)).not.toContain(PASSPHRASE);
    expect(JSON.stringify(logs)).not.toContain(NIK_OK);
  });

  it('a wrong passphrase (status_code 2031) → passphrase_salah, not logged', async () => {
    const logs: object[] = [];
    const error = await failureOf(bsre({}, logs).signPdf(pdf, { ...signOpts, passphrase: 'salah-sekali' }));
    expect(error.kode).toBe('passphrase_salah');
    expect(error.message).toBe('Passphrase tanda tangan elektronik salah.');
    expect(JSON.stringify(logs)).not.toContain('salah-sekali');
  });

  it('an unregistered NIK → tidak_terdaftar when signing; signerStatus maps ISSUE / EXPIRED / not registered', async () => {
    expect((await failureOf(bsre().signPdf(pdf, { ...signOpts, nik: NIK_UNKNOWN }))).kode).toBe('tidak_terdaftar');
    expect(await bsre().signerStatus(NIK_OK)).toBe('terdaftar');
    expect(await bsre().signerStatus(NIK_EXPIRED)).toBe('sertifikat_kedaluwarsa');
    expect(await bsre().signerStatus(NIK_UNKNOWN)).toBe('tidak_terdaftar');
    expect(seen.at(-1)?.url).toBe(`/api/user/status/${NIK_UNKNOWN}`);
  });

  it('refuses to call without NIK or passphrase', async () => {
    expect((await failureOf(bsre().signPdf(pdf, { ...signOpts, nik: undefined }))).kode).toBe('tidak_terdaftar');
    expect((await failureOf(bsre().signPdf(pdf, { ...signOpts, passphrase: '' }))).kode).toBe('passphrase_salah');
  });

  it('wrong service credentials → layanan_gagal (HTTP 401), for status and signing', async () => {
    const wrong = bsre({ password: 'keliru' });
    const status = await failureOf(wrong.signerStatus(NIK_OK));
    expect(status.kode).toBe('layanan_gagal');
    expect(status.message).toContain('menolak akun Balai');
    expect((await failureOf(wrong.signPdf(pdf, signOpts))).kode).toBe('layanan_gagal');
  });

  it('a service that does not answer in time → layanan_gagal with a plain message', async () => {
    delayMs = 1_000;
    try {
      const error = await failureOf(bsre({ timeoutMs: 200 }).signPdf(pdf, signOpts));
      expect(error.kode).toBe('layanan_gagal');
      expect(error.message).toContain('tidak menjawab');
    } finally {
      delayMs = 0;
    }
  });

  it('a service that is down → layanan_gagal', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const down = bsre({ baseUrl: `http://127.0.0.1:${port}` });
    const error = await failureOf(down.signPdf(pdf, signOpts));
    expect(error.kode).toBe('layanan_gagal');
    expect(error.message).toContain('tidak dapat dihubungi');
    expect((await failureOf(down.signerStatus(NIK_OK))).kode).toBe('layanan_gagal');
  });

  it('verifyPdf without the BSrE CA configured: intact but not trusted', async () => {
    const signed = await bsre().signPdf(pdf, signOpts);
    const result = await bsre({ trustedCas: [] }).verifyPdf(signed);
    expect(result.signatures[0]).toMatchObject({ integrity: true, certificateValid: false });
    expect(result.valid).toBe(false);
  });
});
