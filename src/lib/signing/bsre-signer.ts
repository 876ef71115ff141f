import { verifyPadesPdf } from './pades-verify.js';
import { type Signer, type SignerStatus, SigningError, type SignPdfOptions, type VerifyResult } from './signer.js';

/**
 * Adapter to a BSrE-style signing service, v1 wire (the one OpenSID uses): HTTP Basic auth,
 * `GET api/user/status/{nik}`, `POST api/sign/pdf` multipart (file, nik, passphrase, tampilan=invisible).
 * Errors arrive as JSON `{"error": "...", "status_code": 2031}`. The API document is not public; status words
 * (ISSUE, EXPIRED, …) follow what integrations in use handle. Every call is logged without NIK or passphrase.
 */
export interface BsreOptions {
  /** the institution's Esign Client Service, e.g. https://esign.example.go.id/ */
  baseUrl: string;
  username: string;
  password: string;
  /** per call; signing waits on the service's HSM, so be generous (default 30 s) */
  timeoutMs?: number;
  /** CA certificates (PEM) accepted by verifyPdf, e.g. the BSrE root and intermediate */
  trustedCas?: string[];
  log?: BsreLogger;
}

export interface BsreLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const PASSPHRASE_SALAH = 2031;

export class BsreSigner implements Signer {
  private readonly base: URL;
  private readonly auth: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: BsreOptions) {
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.auth = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async signerStatus(nik: string): Promise<SignerStatus> {
    const response = await this.call('status', `api/user/status/${encodeURIComponent(nik)}`, { method: 'GET' });
    const body = await readJson(response);
    const words = `${body.status ?? ''} ${body.message ?? ''} ${body.error ?? ''}`;
    if (/expired|kedaluwarsa|kadaluarsa|kadaluwarsa/i.test(words)) return this.done('status', 'sertifikat_kedaluwarsa');
    if (response.ok && (String(body.status).toUpperCase() === 'ISSUE' || body.status_code === 1111))
      return this.done('status', 'terdaftar');
    if (response.ok || response.status === 400 || response.status === 404)
      return this.done('status', 'tidak_terdaftar');
    throw this.failure('status', response.status, body);
  }

  async signPdf(pdf: Uint8Array, opts: SignPdfOptions): Promise<Uint8Array> {
    if (!opts.nik) throw new SigningError('tidak_terdaftar', 'NIK penanda tangan belum diisi.');
    if (!opts.passphrase) throw new SigningError('passphrase_salah', 'Passphrase tanda tangan elektronik wajib diisi.');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'surat.pdf');
    form.append('nik', opts.nik);
    form.append('passphrase', opts.passphrase);
    form.append('tampilan', 'invisible');
    const response = await this.call('sign', 'api/sign/pdf', { method: 'POST', body: form });
    if (!response.ok) throw this.failure('sign', response.status, await readJson(response));
    const signed = new Uint8Array(await response.arrayBuffer());
    if (Buffer.from(signed.subarray(0, 5)).toString('latin1') !== '%PDF-')
      throw this.failure('sign', response.status, { error: 'jawaban bukan berkas PDF' });
    this.options.log?.info(
      { operasi: 'sign', http: response.status, bytes: signed.length },
      'bsre: dokumen ditandatangani',
    );
    return signed;
  }

  /** Checked locally: integrity always; trust only against the configured CAs. */
  async verifyPdf(pdf: Uint8Array): Promise<VerifyResult> {
    return verifyPadesPdf(pdf, this.options.trustedCas ?? []);
  }

  private async call(operasi: string, path: string, init: RequestInit): Promise<Response> {
    const started = performance.now();
    try {
      const response = await fetch(new URL(path, this.base), {
        ...init,
        headers: { authorization: this.auth, accept: 'application/json, application/pdf' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const ms = Math.round(performance.now() - started);
      this.options.log?.info({ operasi, http: response.status, ms }, 'bsre: panggilan selesai');
      return response;
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      this.options.log?.warn(
        { operasi, gagal: timedOut ? 'waktu_habis' : (error as Error).name },
        'bsre: panggilan gagal',
      );
      throw new SigningError(
        'layanan_gagal',
        timedOut
          ? `Layanan tanda tangan elektronik tidak menjawab dalam ${Math.round(this.timeoutMs / 1000)} detik. Coba lagi nanti.`
          : 'Layanan tanda tangan elektronik tidak dapat dihubungi. Periksa alamat layanan atau jaringan.',
      );
    }
  }

  private done(operasi: string, hasil: SignerStatus): SignerStatus {
    this.options.log?.info({ operasi, hasil }, 'bsre: status penanda tangan');
    return hasil;
  }

  private failure(operasi: string, http: number, body: BsreJson): SigningError {
    const error = toSigningError(http, body);
    this.options.log?.warn({ operasi, http, kode: error.kode, status_code: body.status_code }, 'bsre: ditolak');
    return error;
  }
}

interface BsreJson {
  error?: string;
  message?: string;
  status?: string;
  status_code?: number;
}

export function toSigningError(http: number, body: BsreJson): SigningError {
  const text = body.error ?? body.message ?? '';
  if (body.status_code === PASSPHRASE_SALAH || /passphrase/i.test(text))
    return new SigningError('passphrase_salah', 'Passphrase tanda tangan elektronik salah.');
  if (/tidak terdaftar|not registered/i.test(text))
    return new SigningError(
      'tidak_terdaftar',
      'NIK penanda tangan tidak terdaftar di layanan tanda tangan elektronik, tidak cocok, atau sertifikatnya kedaluwarsa.',
    );
  if (http === 401 || http === 403)
    return new SigningError(
      'layanan_gagal',
      'Layanan tanda tangan elektronik menolak akun Balai. Periksa pengaturan akun layanan.',
    );
  const detail = text ? `: ${text.slice(0, 200)}` : '';
  return new SigningError('layanan_gagal', `Layanan tanda tangan elektronik gagal (HTTP ${http})${detail}.`);
}

async function readJson(response: Response): Promise<BsreJson> {
  try {
    const body: unknown = await response.json();
    return body && typeof body === 'object' ? (body as BsreJson) : {};
  } catch {
    return {};
  }
}
