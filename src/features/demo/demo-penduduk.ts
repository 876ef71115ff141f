import { insurance, KELAS_SOSIAL, RELIGION_TOWN, RELIGION_VILLAGE } from './demo-attributes.js';
import { dayOf, isoOf } from './demo-dates.js';
import { addEvents, place } from './demo-events.js';
import { type FamilyShape, familyShape, type Member } from './demo-families.js';
import { NumberBand, nikDate, prefixOf } from './demo-numbers.js';
import { buildPerson, fillParents, marriageDeed, type PersonRow } from './demo-person.js';
import { type Random, seededRandom, table } from './demo-random.js';

/**
 * The synthetic residents of one desa, generated in memory: families with their members, households,
 * population events (births of the last two years, deaths, moves out, arrivals) and family events.
 * A pure function of the plan: the same desa code, size, units and date give the same people.
 */
export interface DemoUnit {
  id: number;
  dusun: string;
  rw: string | null;
  rt: string;
}

export interface DemoOrigin {
  /** kecamatan code `PP.KK.CC` */
  kode: string;
  kecamatan: string;
  /** "Kab. Pati", "Kota Semarang" */
  kabupaten: string;
  /** its town name for tempatlahir ("Pati", "Semarang") */
  kota: string;
  weight: number;
}

export interface DesaPlan {
  desaKode: string;
  /** the desa's place in the kabupaten's code list: its NIK/KK serial band */
  desaIndex: number;
  /** residents to generate (records of every status) */
  size: number;
  /** the RT (or lowest) units of the desa */
  units: readonly DemoUnit[];
  /** the desa's own kecamatan, and where newcomers come from */
  home: DemoOrigin;
  origins: readonly DemoOrigin[];
  coastal: boolean;
  today: string;
  avoidNik?: ReadonlySet<string>;
  avoidKk?: ReadonlySet<string>;
  firstHouseholdSerial?: number;
}

export type DemoPerson = PersonRow;

export interface DemoFamily {
  no_kk: string;
  lingkungan_id: number;
  alamat: string;
  kelas_sosial: number;
  tgl_daftar: string;
  /** index (in persons) of the living head */
  headKey: number;
}

export interface DemoHousehold {
  nomor: string;
  lingkungan_id: number;
  kelas_sosial: number;
  terdaftar_dtks: number;
  tgl_daftar: string;
}

export interface DemoEvent {
  personKey: number;
  familyKey: number;
  kode: 1 | 2 | 3 | 5;
  tgl_peristiwa: string;
  tgl_lapor: string;
  nama_kk: string;
  status_sebelum: number | null;
  status_sesudah: number;
  details: Record<string, string | number | null>;
}

export interface DemoFamilyEvent {
  familyKey: number;
  kode: 1 | 2 | 5;
  tgl_peristiwa: string;
  personKey: number;
  /** index in events of the population event it belongs to (a head's death) */
  eventKey: number | null;
  /** the head who took over (catatan "kepala keluarga baru #id") */
  newHeadKey: number | null;
}

export interface DesaPenduduk {
  persons: DemoPerson[];
  families: DemoFamily[];
  households: DemoHousehold[];
  events: DemoEvent[];
  familyEvents: DemoFamilyEvent[];
}

export function generateDesaPenduduk(plan: DesaPlan): DesaPenduduk {
  if (plan.units.length === 0) throw new Error(`desa ${plan.desaKode} belum punya RT`);
  const rnd = seededRandom(`penduduk:${plan.desaKode}`);
  const today = dayOf(plan.today);
  const niks = new NumberBand(plan.desaIndex, plan.avoidNik);
  const kks = new NumberBand(plan.desaIndex, plan.avoidKk);
  const out: DesaPenduduk = { persons: [], families: [], households: [], events: [], familyEvents: [] };
  const town = ['33.17.10', '33.17.14'].includes(plan.home.kode);
  let householdSerial = plan.firstHouseholdSerial ?? 1;
  const desaDigits = plan.desaKode.replaceAll('.', '');
  const origins = table(plan.origins.map((o) => [o, o.weight] as const));

  while (out.persons.length < plan.size) {
    const shape = familyShape(rnd, today);
    const familyKey = out.families.length;
    const unit = rnd.pick(plan.units);
    const agama = rnd.from(town ? RELIGION_TOWN : RELIGION_VILLAGE);
    const kelas = rnd.from(KELAS_SOSIAL);
    const familyOrigin = rnd.from(origins);
    const deeds = new Map<number, string>();
    const asuransi = insurance(rnd);
    const rows = shape.members.map((m) => {
      const origin = shape.arrived !== null ? familyOrigin : m.fromElsewhere ? rnd.from(origins) : plan.home;
      const prefix = prefixOf(m.fromElsewhere ? origin.kode : plan.home.kode);
      const nik = allocate(niks, prefix, m, today);
      if (m.married !== null && !deeds.has(m.married) && rnd.chance(0.75))
        deeds.set(m.married, marriageDeed(rnd, m.married));
      return buildPerson(rnd, m, nik, {
        today,
        familyKey,
        agama,
        asuransi: rnd.chance(0.92) ? asuransi : 1,
        coastal: plan.coastal,
        lingkunganId: unit.id,
        tempatlahir: m.fromElsewhere ? origin.kota : rnd.chance(0.96) ? 'Rembang' : rnd.pick(ELSEWHERE_TOWNS),
        alamatSebelumnya: m.fromElsewhere && (shape.arrived !== null || m.arrived !== null) ? place(origin) : null,
        aktaNikah: m.married === null ? null : (deeds.get(m.married) ?? null),
      });
    });
    fillParents(rnd, rows, shape.members);

    const registered = registrationDay(rnd, shape, today);
    const tglDaftar = isoOf(registered);
    const noKk = allocateKk(kks, prefixOf(plan.home.kode), registered);
    const base = out.persons.length;
    const hasHousehold = rnd.chance(0.88);
    const householdKey = hasHousehold ? out.households.length : null;
    for (const [i, row] of rows.entries()) {
      const m = shape.members[i] as Member;
      const living = m.fate === null;
      if (living && householdKey !== null) {
        row.householdKey = householdKey;
        row.rtm_level = i === shape.head ? 1 : 2;
      }
      out.persons.push(row);
    }
    out.families.push({
      no_kk: noKk,
      lingkungan_id: unit.id,
      alamat: `Dusun ${unit.dusun} RT ${unit.rt}${unit.rw ? ` RW ${unit.rw}` : ''}`,
      kelas_sosial: kelas,
      tgl_daftar: tglDaftar,
      headKey: base + shape.head,
    });
    if (householdKey !== null) {
      out.households.push({
        nomor: `${desaDigits}${String(householdSerial).padStart(5, '0')}`,
        lingkungan_id: unit.id,
        kelas_sosial: kelas,
        terdaftar_dtks: kelas <= 2 && rnd.chance(0.6) ? 1 : 0,
        tgl_daftar: tglDaftar,
      });
      householdSerial += 1;
    }
    addEvents(rnd, out, shape, { familyKey, base, registered, today, origin: familyOrigin, plan });
  }
  return out;
}

const ELSEWHERE_TOWNS = ['Jakarta', 'Semarang', 'Surabaya', 'Kudus', 'Pati', 'Tuban', 'Bekasi'];

/** A NIK for the member; in the rare case the desa's band is full for that date, the birth day moves by a day. */
function allocate(band: NumberBand, prefix: string, m: Member, today: number): string {
  for (let shift = 0; shift < 60; shift += 1) {
    const day = m.born + (shift % 2 === 0 ? shift / 2 : -(shift + 1) / 2);
    if (day > today) continue;
    const nik = band.next(prefix, nikDate(isoOf(day), m.sex));
    if (nik) {
      m.born = day;
      return nik;
    }
  }
  throw new Error('nomor NIK demo habis');
}

function allocateKk(band: NumberBand, prefix: string, day: number): string {
  for (let d = day; d > day - 400; d -= 1) {
    const kk = band.next(prefix, nikDate(isoOf(d), 1));
    if (kk) return kk;
  }
  throw new Error('nomor KK demo habis');
}

/** When the KK was registered: on arrival, before a late head died, otherwise some day since the head was 18. */
function registrationDay(rnd: Random, shape: FamilyShape, today: number): number {
  if (shape.arrived !== null) return Math.min(today - 1, shape.arrived + rnd.int(0, 30));
  const first = shape.formerHead ?? shape.head;
  const from = Math.max((shape.members[first] as Member).born + 18 * 365, today - 16 * 365);
  const died = shape.formerHead === null ? null : (shape.members[shape.formerHead] as Member).fate?.day;
  const to = Math.max(from, (died ?? today) - 30);
  return rnd.int(from, to);
}
