import { normaliseName } from '#src/domain/person-name.js';
import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { unitIndex } from '#src/features/lingkungan/lingkungan-names.js';
import { placeName } from '#src/features/penduduk/penduduk.service.js';
import { dataWarnings } from '#src/features/penduduk/penduduk-rules.js';
import { nikPrefixRegions } from '#src/features/wilayah/region-set.js';
import type { Db } from '#src/lib/db/connect.js';
import * as repo from './impor.repository.js';
import { type BarisTahap, stagedChunks } from './impor-baca.js';
import { compareWithExisting, lembarOf, rowUnit } from './impor-banding.js';
import { type BarisPenduduk, type Masalah, missingForNew } from './impor-baris.js';
import { KeluargaBaruTable, type KeluargaBaruTersimpan } from './impor-keluarga-baru.js';
import { person } from './impor-orang.js';
import { NumberSet, RowBytes, RowInts, RowPlaces } from './impor-per-baris.js';

/** What the import does with a row. */
export const BARU = 1;
export const DIPERBARUI = 2;
export const TETAP = 3;
export const DITOLAK = 4;

export interface Jumlah {
  baru: number;
  diperbarui: number;
  tidak_berubah: number;
  ditolak: number;
  ganda: number;
  peringatan: number;
}

export interface Rencana {
  /** BARU, DIPERBARUI, TETAP or DITOLAK per row (0: not a data row) */
  status: RowBytes;
  /** existing record (id) of each updated/unchanged row */
  target: RowInts;
  keluargaBaru: KeluargaBaruTable;
  /** the new family (`nomor`) each new row belongs to (only needed while planning) */
  keluargaOf: RowInts;
  /** families of this desa that new rows join, by KK number */
  keluargaAda: Map<string, repo.ActiveFamily>;
  errors: Masalah[];
  warnings: Masalah[];
  jumlah: Jumlah;
}

const CHUNK = 1_000;

const WARNING_COLUMN: Readonly<Record<string, string>> = {
  tanpaTanggalLahir: 'tanggallahir',
  nikAyahBukanLaki: 'ayah_nik',
  nikIbuBukanPerempuan: 'ibu_nik',
};

/**
 * Second step (run for the preview, and again inside the commit's transaction): compare every staged row
 * with the register and with the rest of the file. Reads only.
 */
export async function planImport(
  db: Db,
  desaKode: string,
  stagedPath: string,
  progress?: (rows: number) => void,
): Promise<Rencana> {
  const planner = await createPlanner(db, desaKode, progress);
  for await (const chunk of stagedChunks(stagedPath, CHUNK)) await planner.add(chunk);
  return planner.finish();
}

/** A plan made chunk by chunk, as rows are read (`add`), then checked across the whole file (`finish`). */
export interface Planner {
  add(chunk: readonly BarisTahap[]): Promise<void>;
  finish(): Rencana;
}

export async function createPlanner(db: Db, desaKode: string, progress?: (rows: number) => void): Promise<Planner> {
  const plan: Rencana = {
    status: new RowBytes(),
    target: new RowInts(),
    keluargaBaru: new KeluargaBaruTable(),
    keluargaOf: new RowInts(),
    keluargaAda: new Map(),
    errors: [],
    warnings: [],
    jumlah: { baru: 0, diperbarui: 0, tidak_berubah: 0, ditolak: 0, ganda: 0, peringatan: 0 },
  };
  const units = await listLingkungan(db, desaKode);
  const unitOf = unitIndex(units);
  const unitKinds = new UnitKinds();
  const regions = await nikPrefixRegions(db);
  const warned = new Map<number, Masalah[]>();
  const placeNames = new Map<string, string>();
  const placeOf = async (kode: string) => {
    if (!placeNames.has(kode)) placeNames.set(kode, await placeName(db, kode));
    return placeNames.get(kode) as string;
  };
  const niks = new NumberSet();
  const tags = new Map<string, number[]>();
  const places = new RowPlaces();
  const reject = (row: { urut: number; baris: number; lembar?: string }, kolom: string, pesan: string) => {
    plan.status.set(row.urut, DITOLAK);
    plan.errors.push({ baris: row.baris, kolom, pesan, ...lembarOf(row) });
  };
  let done = 0;
  const add = async (chunk: readonly BarisTahap[]) => {
    const ready = chunk.filter((c): c is BarisTahap & { row: BarisPenduduk } => c.row !== null);
    for (const c of chunk) if (!c.row) plan.status.set(c.urut, DITOLAK);
    const look = await lookUp(
      db,
      desaKode,
      ready.map((c) => c.row),
    );
    for (const { row } of ready) {
      places.add(row);
      if (row.nik) niks.add(row.nik, row.urut);
      const tag = row.nilai.tag_id_card;
      if (typeof tag === 'string') tags.set(tag, [...(tags.get(tag) ?? []), row.urut]);
      const existing = findExisting(row, desaKode, look);
      if (existing === 'lain') {
        const other = look.byNik.get(row.nik ?? '')?.find((p) => p.status_dasar === 1);
        reject(row, 'nik', `imporNikDesaLain|${await placeOf(other?.desa_kode ?? '')}`);
        continue;
      }
      const tagOwner = typeof tag === 'string' ? look.tags.get(tag) : undefined;
      if (tagOwner !== undefined && tagOwner !== existing?.id) {
        reject(row, 'tag_id_card', 'tagIdCardSudahDipakai');
        continue;
      }
      if (existing) {
        const banding = compareWithExisting(row, existing, unitOf(existing.lingkungan_id));
        if (banding.terlindung.length > 0) {
          plan.status.set(row.urut, DITOLAK);
          plan.errors.push(...banding.terlindung);
          continue;
        }
        plan.target.set(row.urut, existing.id);
        const changes = Object.keys(banding.ubah).length > 0 || banding.alamatKeluarga !== null;
        plan.status.set(row.urut, changes ? DIPERBARUI : TETAP);
        continue;
      }
      await planNew(plan, row, desaKode, look, reject, placeOf);
      if (plan.status.get(row.urut) === BARU) {
        const u = rowUnit(row.nilai);
        if (u.dusun && (u.rw || u.rt)) unitKinds.add(row.urut, u.dusun, u.rw !== null);
      }
    }
    for (const { row } of ready) {
      const s = plan.status.get(row.urut);
      if (s !== BARU && s !== DIPERBARUI) continue;
      const found = [...(row.peringatan ?? [])];
      for (const w of dataWarnings({ ...person(row.nilai), nik: row.nik }, (k) => regions.has(k)))
        found.push({ baris: row.baris, kolom: WARNING_COLUMN[w] ?? 'nik', pesan: w, ...lembarOf(row) });
      if (found.length > 0) warned.set(row.urut, found);
    }
    done += chunk.length;
    progress?.(done);
  };
  const finish = () => {
    checkUnitKinds(plan, units, unitKinds, places);
    markDuplicates(plan, niks.repeated(), places, 'nik', 'imporNikGanda');
    markDuplicates(plan, [...tags.values()], places, 'tag_id_card', 'imporTagGanda');
    checkNewFamilies(plan, places);
    for (const [urut, found] of warned) {
      const s = plan.status.get(urut);
      if (s !== BARU && s !== DIPERBARUI) continue;
      plan.warnings.push(...found);
      plan.jumlah.peringatan += 1;
    }
    for (const [, s] of plan.status.entries()) {
      if (s === BARU) plan.jumlah.baru += 1;
      else if (s === DIPERBARUI) plan.jumlah.diperbarui += 1;
      else if (s === TETAP) plan.jumlah.tidak_berubah += 1;
      else plan.jumlah.ditolak += 1;
    }
    return plan;
  };
  return { add, finish };
}

interface Look {
  byNik: Map<string, repo.Existing[]>;
  byName: Map<string, repo.Existing[]>;
  families: Map<string, repo.ActiveFamily>;
  tags: Map<string, number>;
}

async function lookUp(db: Db, desaKode: string, rows: readonly BarisPenduduk[]): Promise<Look> {
  const niks = [...new Set(rows.flatMap((r) => (r.nik ? [r.nik] : [])))];
  const names = [
    ...new Set(rows.flatMap((r) => (!r.nik && typeof r.nilai.nama === 'string' ? [normaliseName(r.nilai.nama)] : []))),
  ];
  const kks = [...new Set(rows.map((r) => r.no_kk))];
  const tagList = [
    ...new Set(rows.flatMap((r) => (typeof r.nilai.tag_id_card === 'string' ? [r.nilai.tag_id_card] : []))),
  ];
  const [byNik, byName, families, tags] = await Promise.all([
    repo.findByNiks(db, desaKode, niks),
    repo.findWithoutNikByNames(db, desaKode, names),
    repo.findActiveFamilies(db, kks),
    repo.findTags(db, tagList),
  ]);
  const group = (list: repo.Existing[], key: (p: repo.Existing) => string) => {
    const map = new Map<string, repo.Existing[]>();
    for (const p of list) map.set(key(p), [...(map.get(key(p)) ?? []), p]);
    return map;
  };
  return {
    byNik: group(byNik, (p) => p.nik ?? ''),
    byName: group(byName, (p) => p.nama_normal),
    families: new Map(families.map((f) => [f.no_kk, f])),
    tags: new Map(tags.map((t) => [t.tag_id_card ?? '', t.id])),
  };
}

/** The record a row updates: the living person with that NIK (here, or 'lain' elsewhere) or the latest one here. */
function findExisting(row: BarisPenduduk, desaKode: string, look: Look): repo.Existing | 'lain' | undefined {
  if (row.nik) {
    const found = look.byNik.get(row.nik) ?? [];
    const living = found.find((p) => p.status_dasar === 1);
    if (living) return living.desa_kode === desaKode ? living : 'lain';
    return found.filter((p) => p.desa_kode === desaKode).sort((a, b) => b.id - a.id)[0];
  }
  // NIK `0`: the same person without a NIK, by name, place and date of birth (as OpenSID does)
  if (typeof row.nilai.nama !== 'string') return undefined;
  return look.byName
    .get(normaliseName(row.nilai.nama))
    ?.find(
      (p) =>
        (p.tempatlahir ?? '') === (row.nilai.tempatlahir ?? '') &&
        (p.tanggallahir ?? '') === (row.nilai.tanggallahir ?? ''),
    );
}

async function planNew(
  plan: Rencana,
  row: BarisPenduduk,
  desaKode: string,
  look: Look,
  reject: (row: BarisPenduduk, kolom: string, pesan: string) => void,
  placeOf: (kode: string) => Promise<string>,
): Promise<void> {
  const missing = missingForNew(row);
  if (missing.length > 0) {
    plan.status.set(row.urut, DITOLAK);
    plan.errors.push(...missing.map((m) => ({ ...m, ...lembarOf(row) })));
    return;
  }
  const family = look.families.get(row.no_kk) ?? plan.keluargaAda.get(row.no_kk);
  if (family && family.desa_kode !== desaKode) {
    reject(row, 'no_kk', `imporKkDesaLain|${await placeOf(family.desa_kode)}`);
    return;
  }
  if (family) {
    if (row.nilai.kk_level === 1 && family.kepala_id !== null) {
      reject(row, 'kk_level', 'imporKepalaSudahAda');
      return;
    }
    plan.keluargaAda.set(row.no_kk, family);
  } else {
    const nomor = plan.keluargaBaru.ensure(row.no_kk);
    plan.keluargaOf.set(row.urut, nomor);
    if (row.nilai.kk_level === 1)
      plan.keluargaBaru.addHead(nomor, row.urut, {
        alamat: typeof row.nilai.alamat === 'string' ? row.nilai.alamat : null,
        wilayah: rowUnit(row.nilai),
        status: Number(row.nilai.status_dasar ?? 1),
      });
  }
  plan.status.set(row.urut, BARU);
}

/** The dusun of each new row naming an RW or an RT, and whether it names an RW (for `checkUnitKinds`). */
class UnitKinds {
  readonly names: string[] = [''];
  readonly #index = new Map<string, number>();
  /** dusun index + 1 per row, negative when the row names only an RT */
  readonly rows = new RowInts();

  add(urut: number, dusun: string, rw: boolean) {
    let i = this.#index.get(dusun);
    if (i === undefined) {
      i = this.names.push(dusun) - 1;
      this.#index.set(dusun, i);
    }
    this.rows.set(urut, rw ? i : -i);
  }
}

/**
 * Under one dusun, either RWs (with their RTs) or RTs directly — never both (the unit tree's rule). Rows
 * that would break it are refused here rather than failing the whole commit: the kind the desa already has
 * wins; in a desa without it yet, rows naming an RW win over rows naming only an RT.
 */
function checkUnitKinds(
  plan: Rencana,
  units: Awaited<ReturnType<typeof listLingkungan>>,
  kinds: UnitKinds,
  places: RowPlaces,
) {
  const existing = new Map<string, boolean>();
  const dusunName = new Map(units.filter((u) => u.tingkat === 'dusun').map((u) => [u.id, u.nama]));
  for (const u of units) {
    const name = u.induk_id === null ? undefined : dusunName.get(u.induk_id);
    if (name !== undefined && u.tingkat !== 'dusun') existing.set(name, u.tingkat === 'rw');
  }
  const fromFile = new Map<string, boolean>();
  for (const [, k] of kinds.rows.entries()) if (k > 0) fromFile.set(kinds.names[k] as string, true);
  for (const [urut, k] of kinds.rows.entries()) {
    if (plan.status.get(urut) !== BARU) continue;
    const dusun = kinds.names[Math.abs(k)] as string;
    const rw = k > 0;
    const wanted = existing.get(dusun) ?? fromFile.get(dusun) ?? rw;
    if (wanted === rw) continue;
    plan.status.set(urut, DITOLAK);
    if (places.has(urut)) plan.errors.push({ ...places.of(urut), kolom: 'rw', pesan: `imporCampurRwRt|${dusun}` });
  }
}

/** A NIK (or e-KTP chip) on several rows: every one of them is refused, the file must say which is right. */
function markDuplicates(plan: Rencana, repeated: number[][], places: RowPlaces, kolom: string, pesan: string) {
  for (const uruts of repeated) {
    if (uruts.length < 2) continue;
    const where = uruts.map((u) => (places.has(u) ? places.of(u).baris : u)).join(', ');
    for (const u of uruts) {
      if (!places.has(u)) continue;
      if (kolom === 'nik') plan.jumlah.ganda += 1;
      plan.status.set(u, DITOLAK);
      plan.errors.push({ ...places.of(u), kolom, pesan: `${pesan}|${where}` });
    }
  }
}

/** A new family needs exactly one head, living, among its accepted rows; otherwise none of it is imported. */
function checkNewFamilies(plan: Rencana, places: RowPlaces) {
  const families = plan.keluargaBaru;
  const refused = new Map<number, string>();
  for (const nomor of families.nomors()) {
    const heads = families.heads(nomor).filter((u) => plan.status.get(u) === BARU);
    let pesan: string | null = null;
    if (heads.length === 0) pesan = 'imporKeluargaTanpaKepala';
    else if (heads.length > 1) pesan = 'imporKepalaGanda';
    else if (families.statusKepala(nomor) !== 1) pesan = 'imporKepalaTidakHidup';
    if (pesan) refused.set(nomor, pesan);
  }
  if (refused.size === 0) return;
  for (const [u, nomor] of plan.keluargaOf.entries()) {
    const pesan = refused.get(nomor);
    if (!pesan || plan.status.get(u) !== BARU) continue;
    plan.status.set(u, DITOLAK);
    if (places.has(u))
      plan.errors.push({ ...places.of(u), kolom: 'kk_level', pesan: `${pesan}|${families.noKk(nomor).slice(-4)}` });
  }
}

interface SavedPlan {
  /** status of row `urut` at index urut - 1 (a digit each) */
  status: string;
  /** [urut, id, urut, id, …] */
  target: number[];
  keluargaBaru: KeluargaBaruTersimpan[];
  keluargaAda: repo.ActiveFamily[];
  jumlah: Jumlah;
}

/** The plan in a compact form (a digit per row), for the commit to reuse. Problems are kept elsewhere. */
export function savePlan(plan: Rencana): SavedPlan {
  const digits = new Array<string>(plan.status.last).fill('0');
  for (const [urut, s] of plan.status.entries()) digits[urut - 1] = String(s);
  const target: number[] = [];
  for (const [urut, id] of plan.target.entries()) target.push(urut, id);
  return {
    status: digits.join(''),
    target,
    keluargaBaru: plan.keluargaBaru.save(),
    keluargaAda: [...plan.keluargaAda.values()],
    jumlah: plan.jumlah,
  };
}

export function loadPlan(saved: unknown): Rencana {
  const s = saved as SavedPlan;
  const status = new RowBytes();
  for (let i = 0; i < s.status.length; i += 1) if (s.status[i] !== '0') status.set(i + 1, Number(s.status[i]));
  const target = new RowInts();
  for (let i = 0; i + 1 < s.target.length; i += 2) target.set(s.target[i] as number, s.target[i + 1] as number);
  return {
    status,
    target,
    keluargaBaru: KeluargaBaruTable.load(s.keluargaBaru),
    keluargaOf: new RowInts(),
    keluargaAda: new Map(s.keluargaAda.map((k) => [k.no_kk, k])),
    errors: [],
    warnings: [],
    jumlah: s.jumlah,
  };
}
