import { normaliseName } from '#src/domain/person-name.js';
import {
  BIRTH_ATTENDANT,
  bloodType,
  chronicIllness,
  contraception,
  disability,
  education,
  identityCard,
  literacy,
  occupation,
  PLACE_OF_BIRTH,
  phone,
} from './demo-attributes.js';
import { isoOf, yearsBetween } from './demo-dates.js';
import type { Member } from './demo-families.js';
import { demoName } from './demo-names.js';
import type { Random } from './demo-random.js';

/** The penduduk columns a demo resident fills (the rest keep their defaults or stay null). */
export interface PersonRow {
  nik: string;
  nama: string;
  nama_normal: string;
  sex: 1 | 2;
  tempatlahir: string;
  tanggallahir: string;
  waktu_lahir: string | null;
  tempat_dilahirkan: number | null;
  jenis_kelahiran: number | null;
  kelahiran_anak_ke: number | null;
  penolong_kelahiran: number | null;
  berat_lahir: number | null;
  panjang_lahir: string | null;
  agama_id: number;
  pendidikan_kk_id: number;
  pendidikan_sedang_id: number;
  pekerjaan_id: number;
  status_kawin: number;
  ayah_nik: string | null;
  ibu_nik: string | null;
  nama_ayah: string | null;
  nama_ibu: string | null;
  nama_ibu_normal: string | null;
  golongan_darah_id: number;
  status: number;
  status_dasar: number;
  alamat_sebelumnya: string | null;
  hamil: number | null;
  cacat_id: number;
  sakit_menahun_id: number;
  cara_kb_id: number | null;
  akta_lahir: string | null;
  akta_perkawinan: string | null;
  tanggalperkawinan: string | null;
  akta_perceraian: string | null;
  tanggalperceraian: string | null;
  ktp_el: number;
  status_rekam: number;
  id_asuransi: number;
  telepon: string | null;
  bahasa_id: number | null;
  suku: string;
  kk_level: number;
  rtm_level: number | null;
  lingkungan_id: number;
  /** index of the person's family and household in the generated desa */
  familyKey: number;
  householdKey: number | null;
}

export interface PersonContext {
  today: number;
  familyKey: number;
  agama: number;
  asuransi: number;
  coastal: boolean;
  lingkunganId: number;
  tempatlahir: string;
  alamatSebelumnya: string | null;
  /** marriage deed number of this member's wedding, shared by both spouses */
  aktaNikah: string | null;
}

/** normaliseName of the names in use (a few thousand distinct ones, each used many times) */
const normalised = new Map<string, string>();
function normal(name: string): string {
  let n = normalised.get(name);
  if (n === undefined) {
    n = normaliseName(name);
    if (normalised.size < 200_000) normalised.set(name, n);
  }
  return n;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;
const time = (rnd: Random) => `${pad(rnd.int(0, 23))}:${pad(rnd.int(0, 59))}`;

/** Everything about one member but the parents' names (filled once all members exist). */
export function buildPerson(rnd: Random, m: Member, nik: string, ctx: PersonContext): PersonRow {
  const tanggallahir = isoOf(m.born);
  const year = Number(tanggallahir.slice(0, 4));
  const alive = m.fate === null;
  const age = yearsBetween(m.born, m.fate?.day ?? ctx.today);
  const nama = demoName(rnd, m.sex, year, ctx.agama);
  const edu = education(rnd, age, year);
  const married = m.kawin === 2;
  const woman = m.sex === 2;
  const pregnant = woman && married && alive && age >= 18 && age <= 45 && rnd.chance(0.06);
  let caraKb: number | null = null;
  if (married && woman && age >= 15 && age <= 49 && !pregnant) caraKb = contraception(rnd);
  else if (married && !woman && age < 55 && rnd.chance(0.03)) caraKb = rnd.pick([4, 7]);
  const card = identityCard(rnd, age, m.kawin !== 1);
  const young = age < 6;
  return {
    nik,
    nama,
    nama_normal: normal(nama),
    sex: m.sex,
    tempatlahir: ctx.tempatlahir,
    tanggallahir,
    waktu_lahir: young ? time(rnd) : null,
    tempat_dilahirkan: young ? rnd.from(PLACE_OF_BIRTH) : null,
    jenis_kelahiran: young ? 1 : null,
    kelahiran_anak_ke: young ? (m.order ?? 1) : null,
    penolong_kelahiran: young ? rnd.from(BIRTH_ATTENDANT) : null,
    berat_lahir: young ? rnd.int(2500, 4100) : null,
    panjang_lahir: young ? String(rnd.int(46, 52)) : null,
    agama_id: ctx.agama,
    pendidikan_kk_id: edu.kk,
    pendidikan_sedang_id: edu.sedang,
    pekerjaan_id: occupation(rnd, { age, sex: m.sex, kk: edu.kk, sedang: edu.sedang, coastal: ctx.coastal }),
    status_kawin: m.kawin,
    ayah_nik: null,
    ibu_nik: null,
    nama_ayah: null,
    nama_ibu: null,
    nama_ibu_normal: null,
    golongan_darah_id: bloodType(rnd),
    status: m.kk === 1 && m.kawin === 1 && age < 35 && rnd.chance(0.05) ? 2 : 1,
    status_dasar: m.fate?.kode ?? 1,
    alamat_sebelumnya: ctx.alamatSebelumnya,
    hamil: woman && married && age >= 18 && age <= 45 ? (pregnant ? 1 : 2) : null,
    cacat_id: disability(rnd, age),
    sakit_menahun_id: chronicIllness(rnd, age),
    cara_kb_id: caraKb,
    akta_lahir:
      year >= 1985 && rnd.chance(year >= 2005 ? 0.95 : 0.75)
        ? `3317-LT-${ddmmyyyy(tanggallahir)}-${pad(rnd.int(1, 9999), 4)}`
        : null,
    akta_perkawinan: m.kawin !== 1 ? ctx.aktaNikah : null,
    tanggalperkawinan: m.kawin !== 1 && m.married !== null ? isoOf(m.married) : null,
    akta_perceraian:
      m.kawin === 3 && m.divorced !== null
        ? `${rnd.int(100, 1999)}/Pdt.G/${isoOf(m.divorced).slice(0, 4)}/PA.Rbg`
        : null,
    tanggalperceraian: m.kawin === 3 && m.divorced !== null ? isoOf(m.divorced) : null,
    ktp_el: card.ktp_el,
    status_rekam: card.status_rekam,
    id_asuransi: ctx.asuransi,
    telepon: age >= 18 && age <= 60 && rnd.chance(0.45) ? phone(rnd) : null,
    bahasa_id: literacy(rnd, age, edu.kk),
    suku: ctx.agama === 5 || ctx.agama === 6 ? 'Tionghoa' : 'Jawa',
    kk_level: m.kk,
    rtm_level: null,
    lingkungan_id: ctx.lingkunganId,
    familyKey: ctx.familyKey,
    householdKey: null,
  };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** A KUA marriage book number, e.g. `0123/045/VII/2005`. */
export function marriageDeed(rnd: Random, weddingDay: number): string {
  const iso = isoOf(weddingDay);
  return `${pad(rnd.int(1, 999), 4)}/${pad(rnd.int(1, 120), 3)}/${ROMAN[Number(iso.slice(5, 7)) - 1]}/${iso.slice(0, 4)}`;
}

/** Names (and NIKs) of the parents: members of the family when they are, otherwise just plausible names. */
export function fillParents(rnd: Random, rows: PersonRow[], members: readonly Member[]): void {
  for (const [i, m] of members.entries()) {
    const row = rows[i] as PersonRow;
    const year = Number(row.tanggallahir.slice(0, 4));
    const father = m.father === null ? undefined : rows[m.father];
    const mother = m.mother === null ? undefined : rows[m.mother];
    row.nama_ayah = father?.nama ?? demoName(rnd, 1, year - 28, row.agama_id);
    row.ayah_nik = father?.nik ?? null;
    row.nama_ibu = mother?.nama ?? demoName(rnd, 2, year - 24, row.agama_id);
    row.ibu_nik = mother?.nik ?? null;
    row.nama_ibu_normal = normal(row.nama_ibu);
  }
}
