import { codeLabel } from '#src/domain/codes.js';
import { findPenduduk, type PendudukRow } from '#src/features/penduduk/penduduk.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import { invalid } from '#src/lib/errors.js';
import type { Blok } from './surat-jenis.schema.js';

/** What a form or the CLI says about one subject block: a resident (id or NIK) or an outsider's data. */
export interface SubjekInput {
  pendudukId?: number;
  nik?: string;
  luar?: Record<string, string>;
  /** for a family-member block: the ids (or NIKs) of the members chosen */
  anggota?: Array<number | string>;
}

/** A resolved subject: a resident's record, or an outsider given by name and NIK (and more, when allowed). */
export type Subjek = { jenis: 'penduduk'; penduduk: PendudukRow } | { jenis: 'luar'; data: Record<string, string> };

const LIVING = 1;

async function findResident(db: Db, desaKode: string, input: SubjekInput): Promise<PendudukRow | undefined> {
  if (input.pendudukId) return findPenduduk(db, input.pendudukId);
  if (!input.nik) return undefined;
  const rows = await db
    .selectFrom('penduduk')
    .select('id')
    .where('nik', '=', input.nik)
    .orderBy((eb) => eb.case().when('desa_kode', '=', desaKode).then(0).else(1).end(), 'asc')
    .orderBy((eb) => eb.case().when('status_dasar', '=', LIVING).then(0).else(1).end(), 'asc')
    .orderBy('id', 'desc')
    .limit(1)
    .execute();
  return rows[0] ? findPenduduk(db, rows[0].id) : undefined;
}

function fieldError(blok: Blok, key: string, arg?: string) {
  return invalid({ [`subjek.${blok.kode}`]: arg === undefined ? `${key}|${blok.judul}` : `${key}|${arg}` });
}

/**
 * Check one block's subject against the type's rules: a resident of this desa, alive unless the block
 * allows other statuses (a death letter names the deceased), of the block's sex; or — when the block
 * allows people from outside — an outsider with at least a name and NIK.
 */
export async function resolveSubjek(
  db: Db,
  desaKode: string,
  blok: Blok,
  input: SubjekInput | undefined,
  wajib: boolean,
): Promise<Subjek | null> {
  const allowsOutsider = blok.data.some((d) => d !== 'desa');
  const hasResidentRef = Boolean(input?.pendudukId || input?.nik);
  if (!input || (!hasResidentRef && !input.luar)) {
    if (wajib) throw fieldError(blok, 'suratSubjekWajib');
    return null;
  }
  if (hasResidentRef && blok.data.includes('desa')) {
    const p = await findResident(db, desaKode, input);
    const statuses = blok.status_dasar ?? [LIVING];
    if (p && p.desa_kode === desaKode) {
      if (!statuses.includes(p.status_dasar)) throw fieldError(blok, 'suratSubjekBukanHidup', '');
      if (blok.sex && p.sex !== blok.sex) throw fieldError(blok, 'suratSubjekJenisKelamin', sexLabel(blok.sex));
      return { jenis: 'penduduk', penduduk: p };
    }
    if (!allowsOutsider) {
      if (p) throw fieldError(blok, p.status_dasar === LIVING ? 'suratSubjekDesaLain' : 'suratSubjekTidakAda', '');
      throw fieldError(blok, 'suratSubjekTidakAda', '');
    }
    if (!input.luar) throw fieldError(blok, 'suratLuarDataWajib');
  }
  if (!allowsOutsider) throw fieldError(blok, 'suratSubjekWajib');
  const luar = input.luar ?? {};
  const nama = luar.nama?.trim();
  const nik = (luar.nik ?? input.nik ?? '').trim();
  if (!nama || !/^\d{16}$/.test(nik)) throw fieldError(blok, 'suratLuarDataWajib');
  return { jenis: 'luar', data: { ...luar, nama, nik } };
}

/** The sex label a block asks for, for the message ("laki-laki"/"perempuan"). */
export function sexLabel(sex: number): string {
  return (codeLabel('jenis_kelamin', sex) ?? '').toLowerCase();
}

/**
 * A family-member block (e.g. those moving along on a pindah letter): each chosen person must be a living
 * member of the main subject's family in this desa.
 */
export async function resolveAnggota(
  db: Db,
  desaKode: string,
  blok: Blok,
  input: SubjekInput | undefined,
  utama: Subjek | undefined,
): Promise<PendudukRow[]> {
  const chosen = input?.anggota ?? [];
  if (chosen.length === 0) return [];
  const keluargaId = utama?.jenis === 'penduduk' ? utama.penduduk.keluarga_id : null;
  const out: PendudukRow[] = [];
  for (const ref of chosen) {
    const p = typeof ref === 'number' ? await findPenduduk(db, ref) : await findResident(db, desaKode, { nik: ref });
    if (
      !p ||
      p.desa_kode !== desaKode ||
      p.status_dasar !== LIVING ||
      keluargaId === null ||
      p.keluarga_id !== keluargaId
    )
      throw fieldError(blok, 'suratAnggotaBukanKeluarga', '');
    if (!out.some((o) => o.id === p.id) && p.id !== (utama?.jenis === 'penduduk' ? utama.penduduk.id : -1)) out.push(p);
  }
  return out;
}
