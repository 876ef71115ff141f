/**
 * PDF documents (produk hukum, informasi publik, attachments) judged by content. A PDF is kept as uploaded (it
 * cannot be re-encoded like an image), so the check is strict:
 * - starts with `%PDF-1.`/`%PDF-2.` at byte 0 and ends with `%%EOF` (only whitespace after it: nothing appended,
 *   which is how PDF/HTML/ZIP polyglots are made);
 * - no active or carried content anywhere, compressed object streams included (one that cannot be decoded makes
 *   the file refused): /JavaScript, /JS, /Launch,
 *   /EmbeddedFile(s), /RichMedia, /XFA, /SubmitForm, /ImportData (name escapes like /J#61vaScript decoded first);
 * - not encrypted (/Encrypt), since encrypted streams cannot be checked: the uploader saves it again without a
 *   password. Plain forms, links (/URI) and /OpenAction for the opening view are allowed.
 * Serve stored PDFs as `application/pdf` with `X-Content-Type-Options: nosniff`.
 */
import { inflateSync } from 'node:zlib';
import { berkasDitolak, megabita } from './ditolak.js';

const BATAS_BYTE_BAWAAN = 5_242_880;
/** most bytes inflated from all object streams together while checking (a zip bomb stops here) */
const BATAS_INFLASI = 64 * 1_048_576;
const NAMA_TERLARANG =
  /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData)(?![^\s/[\]<>(){}%])/;
const NAMA_ENKRIPSI = /\/Encrypt(?![^\s/[\]<>(){}%])/;

/** PDF name tokens with `#xx` escapes decoded (latin1 text in, latin1 text out). */
function uraiNama(teks: string): string {
  return teks.replace(/\/[^\s/[\]<>(){}%]+/g, (nama) =>
    nama.includes('#')
      ? nama.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
      : nama,
  );
}

/**
 * The decompressed content of every object stream (/Type /ObjStm: where modern writers keep dictionaries, so where
 * an action would hide). Page content and image streams are not inflated: names there do not act. An object
 * stream that cannot be decoded (another filter, corrupt, or beyond the inflation budget) makes the file refused.
 */
function* isiObjStm(buf: Buffer, kolom: string): Generator<string> {
  let sisa = BATAS_INFLASI;
  let dari = 0;
  for (;;) {
    const mulai = buf.indexOf('stream', dari, 'latin1');
    if (mulai < 0) return;
    dari = mulai + 6;
    let awal = mulai + 6;
    if (buf[awal] === 0x0d) awal++;
    if (buf[awal] !== 0x0a || buf.subarray(mulai - 3, mulai).toString('latin1') === 'end') continue;
    awal++;
    const kamus = uraiNama(
      buf.subarray(Math.max(0, buf.lastIndexOf('obj', mulai, 'latin1')), mulai).toString('latin1'),
    );
    if (!/\/Type\s*\/ObjStm(?![\w])/.test(kamus)) continue;
    // a direct /Length tells where the data ends (compressed bytes may contain "endstream" by chance)
    const panjang = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(kamus)?.[1];
    const akhir = panjang ? Math.min(buf.length, awal + Number(panjang)) : buf.indexOf('endstream', awal, 'latin1');
    if (akhir < 0) throw berkasDitolak('pdfTidakValid', kolom);
    dari = akhir + 9;
    const filter = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(kamus)?.[1]?.replace(/[[\]\s]/g, '');
    if (filter === undefined) {
      yield buf.subarray(awal, akhir).toString('latin1');
      continue;
    }
    if (filter !== '/FlateDecode') throw berkasDitolak('pdfTidakValid', kolom);
    try {
      const isi = inflateSync(buf.subarray(awal, akhir), { maxOutputLength: sisa });
      sisa -= isi.length;
      yield isi.toString('latin1');
    } catch {
      throw berkasDitolak('pdfTidakValid', kolom);
    }
  }
}

/** Throw a 400 unless `buf` is a PDF without scripts, launch actions, embedded files or encryption. */
export function periksaPdf(buf: Buffer, opsi: { batasByte?: number; kolom?: string } = {}): void {
  const kolom = opsi.kolom ?? 'berkas';
  const batas = opsi.batasByte ?? BATAS_BYTE_BAWAAN;
  if (buf.length === 0) throw berkasDitolak('berkasKosong', kolom);
  if (buf.length > batas) throw berkasDitolak('berkasTerlaluBesar', kolom, megabita(batas));
  const kepala = buf.subarray(0, 8).toString('latin1');
  if (!/^%PDF-[12]\.\d/.test(kepala)) throw berkasDitolak('pdfTidakValid', kolom);
  const ekor = buf.subarray(Math.max(0, buf.length - 1024)).toString('latin1');
  const eof = ekor.lastIndexOf('%%EOF');
  if (eof < 0 || ekor.slice(eof + 5).trim() !== '') throw berkasDitolak('pdfTidakValid', kolom);
  const teks = uraiNama(buf.toString('latin1'));
  if (NAMA_ENKRIPSI.test(teks)) throw berkasDitolak('pdfTerenkripsi', kolom);
  if (NAMA_TERLARANG.test(teks)) throw berkasDitolak('pdfBerisiAktif', kolom);
  for (const isi of isiObjStm(buf, kolom)) {
    if (NAMA_TERLARANG.test(uraiNama(isi))) throw berkasDitolak('pdfBerisiAktif', kolom);
  }
}
