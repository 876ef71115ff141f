import data from '../../seed/codes.json' with { type: 'json' };

/**
 * The code lists of resident data (seed/codes.json, from the OpenSID reference tables). Codes are stored;
 * labels are shown. `codeFromInput` also accepts a label or an import alias, case- and space-insensitively.
 */
export interface CodeEntry {
  code: number;
  label: string;
  [extra: string]: unknown;
}

interface CodeList {
  title: string;
  stored_in: string;
  note?: string;
  import_aliases?: Record<string, number>;
  codes: CodeEntry[];
}

const LISTS = data as unknown as Record<string, CodeList>;

export type CodeListName =
  | 'jenis_kelamin'
  | 'agama'
  | 'pendidikan_kk'
  | 'pendidikan_sedang'
  | 'pekerjaan'
  | 'status_kawin'
  | 'hubungan_keluarga'
  | 'hubungan_rumah_tangga'
  | 'warga_negara'
  | 'golongan_darah'
  | 'cacat'
  | 'sakit_menahun'
  | 'cara_kb'
  | 'asuransi'
  | 'status_penduduk'
  | 'status_dasar'
  | 'status_rekam_ktp'
  | 'ktp_el'
  | 'hamil'
  | 'bahasa'
  | 'tempat_dilahirkan'
  | 'jenis_kelahiran'
  | 'penolong_kelahiran'
  | 'sebab_kematian'
  | 'penolong_kematian'
  | 'jenis_pindah'
  | 'keluarga_sejahtera'
  | 'suku'
  | 'peristiwa_penduduk'
  | 'peristiwa_keluarga'
  | 'status_covid';

export function codeList(name: CodeListName): readonly CodeEntry[] {
  const list = LISTS[name];
  if (!list) throw new Error(`daftar kode tidak dikenal: ${name}`);
  return list.codes;
}

const byCode = new Map<string, Map<number, CodeEntry>>();
function index(name: CodeListName): Map<number, CodeEntry> {
  let map = byCode.get(name);
  if (!map) {
    map = new Map(codeList(name).map((c) => [c.code, c]));
    byCode.set(name, map);
  }
  return map;
}

export function isCode(name: CodeListName, code: number): boolean {
  return index(name).has(code);
}

export function codeLabel(name: CodeListName, code: number | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  return index(name).get(code)?.label ?? null;
}

export function codeEntry(name: CodeListName, code: number): CodeEntry | undefined {
  return index(name).get(code);
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/** A cell or form value as a code: the number itself, a label, or an alias (case/space-insensitive). */
export function codeFromInput(name: CodeListName, value: string | number): number | null {
  if (typeof value === 'number') return isCode(name, value) ? value : null;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return isCode(name, n) ? n : null;
  }
  const key = squash(text);
  const aliases = LISTS[name]?.import_aliases ?? {};
  for (const [alias, code] of Object.entries(aliases)) if (squash(alias) === key) return code;
  return codeList(name).find((c) => squash(c.label) === key)?.code ?? null;
}

/** All lists with their entries (for seeding and the API). */
export function allCodeLists(): Record<string, readonly CodeEntry[]> {
  return Object.fromEntries(Object.entries(LISTS).map(([k, v]) => [k, v.codes]));
}
