import { codes, type Random } from './demo-random.js';

/**
 * The coded fields of a demo resident, drawn with plausible weights for rural Rembang (Pantura, Central
 * Java): education by generation, occupation by age, sex and coast, health, insurance, identity card by age.
 * Codes are those of seed/codes.json; tables are `code:weight` pairs.
 */
const EDU_YOUNG_ADULT = codes('5:78 4:16 3:6');
const EDU_BY_BIRTH = [
  [1955, codes('1:30 2:30 3:32 4:5 5:3')],
  [1970, codes('1:8 2:20 3:45 4:14 5:10 8:3')],
  [1985, codes('2:6 3:35 4:27 5:25 7:2 8:5')],
  [9999, codes('3:12 4:25 5:48 6:2 7:3 8:9 9:1')],
] as const;

/** Pendidikan dalam KK and pendidikan sedang ditempuh, by age and birth year. */
export function education(rnd: Random, age: number, birthYear: number): { kk: number; sedang: number } {
  if (age < 5) return { kk: 1, sedang: age >= 3 && rnd.chance(0.4) ? 2 : 1 };
  if (age < 7) return { kk: 1, sedang: rnd.chance(0.9) ? 2 : 1 };
  if (age < 13) return { kk: 2, sedang: 4 };
  if (age < 16) return { kk: 3, sedang: rnd.chance(0.93) ? 6 : 18 };
  if (age < 19) return { kk: 4, sedang: rnd.chance(0.8) ? 7 : 18 };
  if (age < 24) {
    const kk = rnd.from(EDU_YOUNG_ADULT);
    return { kk, sedang: kk === 5 && rnd.chance(0.18) ? 11 : 18 };
  }
  const entry = EDU_BY_BIRTH.find(([before]) => birthYear < before) ?? EDU_BY_BIRTH[3];
  return { kk: rnd.from(entry[1]), sedang: 18 };
}

const MEN_COAST = codes('11:22 21:12 9:12 20:6 88:12 19:10 15:7 84:5 26:4 81:3 27:2 1:3');
const MEN_INLAND = codes('9:30 20:16 88:12 19:10 15:8 84:5 26:5 10:3 81:3 27:3 1:3');
const WOMEN = codes('2:40 9:9 20:8 84:9 88:8 15:8 19:4 30:3 1:6');
/** 0 = no office job after all */
const OFFICE_MEN = codes('65:30 5:20 15:20 85:6 6:4 7:4 73:1 74:5 0:30');
const OFFICE_WOMEN = codes('65:30 5:20 15:20 85:6 6:4 7:4 73:8 74:5 0:30');
const OLD_MEN_COAST = codes('9:30 1:35 4:6 20:10 88:8 11:11');
const OLD_MEN_INLAND = codes('9:30 1:35 4:6 20:10 88:8 10:11');
const OLD_WOMEN = codes('2:45 1:32 9:13 84:10');

/** Pekerjaan by age, sex, education (PNS/guru need a degree) and whether the desa lies on the coast. */
export function occupation(rnd: Random, p: { age: number; sex: 1 | 2; kk: number; sedang: number; coastal: boolean }) {
  if (p.age < 7) return 1;
  if (p.sedang !== 18 && p.sedang !== 1) return 3;
  if (p.age < 18) return rnd.chance(0.7) ? 1 : 19;
  if (p.kk >= 7 && p.age < 60) {
    const office = rnd.from(p.sex === 2 ? OFFICE_WOMEN : OFFICE_MEN);
    if (office !== 0) return office;
  }
  if (p.age >= 65) return rnd.from(p.sex === 2 ? OLD_WOMEN : p.coastal ? OLD_MEN_COAST : OLD_MEN_INLAND);
  if (p.age < 23 && rnd.chance(0.25)) return 1;
  return rnd.from(p.sex === 2 ? WOMEN : p.coastal ? MEN_COAST : MEN_INLAND);
}

const BLOOD = codes('13:45 4:19 2:15 1:13 3:4 11:2 5:1 7:1');
export const bloodType = (rnd: Random) => rnd.from(BLOOD);

const DISABILITY = codes('1:35 2:15 3:20 4:15 5:5 6:10');
/** Disability: 7 = none; more often among the old. */
export function disability(rnd: Random, age: number): number {
  return rnd.chance(age >= 60 ? 0.05 : 0.012) ? rnd.from(DISABILITY) : 7;
}

const ILLNESS = codes('6:25 1:15 5:15 13:15 3:8 12:8 7:7 2:4 4:3');
/** Chronic illness: 14 = none. */
export function chronicIllness(rnd: Random, age: number): number {
  return rnd.chance(age >= 60 ? 0.14 : age >= 40 ? 0.05 : 0.008) ? rnd.from(ILLNESS) : 14;
}

const INSURANCE = codes('2:50 3:30 1:18 99:2');
/** Health insurance of a family (members share it): BPJS PBI, BPJS non-PBI, none, other. */
export const insurance = (rnd: Random) => rnd.from(INSURANCE);

const RECORDED = codes('8:80 4:10 3:4 2:4 7:2');
/** KTP-el: from 17 (or once married) a KTP-el, mostly issued; younger: BELUM WAJIB with a KIA or nothing. */
export function identityCard(rnd: Random, age: number, married: boolean): { ktp_el: number; status_rekam: number } {
  if (age < 17 && !married) return { ktp_el: rnd.chance(0.35) ? 3 : 1, status_rekam: 1 };
  const status = rnd.from(RECORDED);
  return { ktp_el: status === 2 ? 1 : 2, status_rekam: status };
}

const CONTRACEPTION = codes('3:45 1:18 5:12 2:10 6:5 99:2');
/** Contraception of a married woman (15–49) not pregnant; null = none. */
export function contraception(rnd: Random): number | null {
  return rnd.chance(0.65) ? rnd.from(CONTRACEPTION) : null;
}

const SCRIPTS = codes('1:40 4:35 6:15 2:3 3:2');
/** Scripts a person can read (bahasa): null for small children and the unschooled. */
export function literacy(rnd: Random, age: number, kk: number): number | null {
  return age < 7 || (kk === 1 && age > 15) ? null : rnd.from(SCRIPTS);
}

const PHONE_PREFIXES = ['0812', '0813', '0821', '0852', '0857', '0856', '0878', '0877', '0895', '0896', '0838'];
export function phone(rnd: Random): string {
  return `${rnd.pick(PHONE_PREFIXES)}${rnd.int(1_000_000, 99_999_999)}`;
}

export const PLACE_OF_BIRTH = codes('1:35 2:28 3:17 4:15 5:5');
export const BIRTH_ATTENDANT = codes('1:30 2:62 3:6 4:2');
export const KELAS_SOSIAL = codes('1:25 2:35 3:25 4:12 5:3');
export const RELIGION_TOWN = codes('1:93 2:3 3:2 5:1.5 6:0.5');
export const RELIGION_VILLAGE = codes('1:98.6 2:0.8 3:0.6');
export const SEBAB_KEMATIAN = codes('1:80 2:5 3:8 6:7');
export const PENOLONG_KEMATIAN = codes('1:30 2:35 4:35');
export const JENIS_PINDAH = codes('1:10 2:15 3:45 4:30');
