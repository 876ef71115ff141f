import { yearsAgo } from './demo-dates.js';
import { codes, type Random, table } from './demo-random.js';

/**
 * The shape of one demo family before names and numbers: who lives in it (SHDK, sex, birth day, marital
 * status), who came from elsewhere, who died or moved out and when. Days are whole days since 1970-01-01.
 * SHDK: 1 kepala, 3 istri, 4 anak, 5 menantu, 6 cucu, 7 orang tua, 8 mertua.
 */
export interface Member {
  kk: number;
  sex: 1 | 2;
  born: number;
  /** status_kawin: 1 belum, 2 kawin, 3 cerai hidup, 4 cerai mati */
  kawin: 1 | 2 | 3 | 4;
  /** registered (NIK prefix) in another kecamatan */
  fromElsewhere: boolean;
  /** day of marriage for the married and once-married */
  married: number | null;
  /** indices of the father and mother inside the family, when they are members */
  father: number | null;
  mother: number | null;
  /** died (2) or moved out (3) on that day; the record stays with its status and event */
  fate: { kode: 2 | 3; day: number } | null;
  /** came alone to join the family (a spouse marrying in), recorded as pindah masuk */
  arrived: number | null;
  /** birth order among the mother's children (kelahiran_anak_ke), for children */
  order: number | null;
  /** day of divorce (cerai hidup) */
  divorced: number | null;
}

export interface FamilyShape {
  members: Member[];
  /** index of the living head (SHDK 1, alive) */
  head: number;
  /** the whole family arrived on that day (pindah masuk): members born before came from elsewhere */
  arrived: number | null;
  /** index of a head who died, replaced by `head` */
  formerHead: number | null;
}

type Range = readonly [number, number, number];
const HEAD_AGES: Record<string, readonly Range[]> = {
  pasangan: [
    [22, 29, 14],
    [30, 39, 22],
    [40, 49, 27],
    [50, 59, 22],
    [60, 69, 12],
    [70, 79, 6],
    [80, 88, 1],
  ],
  janda: [
    [35, 49, 8],
    [50, 59, 20],
    [60, 69, 32],
    [70, 79, 30],
    [80, 92, 10],
  ],
  duda: [
    [40, 59, 25],
    [60, 69, 35],
    [70, 79, 30],
    [80, 90, 10],
  ],
  cerai: [
    [25, 39, 45],
    [40, 59, 45],
    [60, 75, 10],
  ],
  lajang: [
    [20, 29, 40],
    [30, 44, 35],
    [45, 70, 25],
  ],
};

const HEAD_AGE_TABLES = new Map(
  Object.entries(HEAD_AGES).map(([type, ranges]) => [type, table(ranges.map((r) => [r, r[2]] as const))]),
);

function headAgeFor(rnd: Random, type: string): number {
  const ranges = HEAD_AGE_TABLES.get(type);
  if (!ranges) throw new Error(`unknown family type ${type}`);
  const [min, max] = rnd.from(ranges);
  return rnd.int(min, max);
}

const bornAt = (rnd: Random, today: number, age: number) => yearsAgo(today, age) - rnd.int(0, 364);
const yearOf = (day: number) => 1970 + Math.floor(day / 365.25);

function member(m: Partial<Member> & Pick<Member, 'kk' | 'sex' | 'born' | 'kawin'>): Member {
  return {
    fromElsewhere: false,
    married: null,
    father: null,
    mother: null,
    fate: null,
    arrived: null,
    order: null,
    divorced: null,
    ...m,
  };
}

const CHILDREN_OLD = codes('2:10 3:25 4:30 5:20 6:15');
const CHILDREN_MIDDLE = codes('1:10 2:36 3:35 4:14 5:5');
const CHILDREN_YOUNG = codes('0:5 1:16 2:44 3:27 4:8');

/** Birth days of a couple's children (first about a year after the wedding), up to `until`. */
function childrenBorn(rnd: Random, motherBorn: number, wedding: number, until: number): number[] {
  const year = yearOf(motherBorn);
  const count = rnd.from(year < 1965 ? CHILDREN_OLD : year < 1985 ? CHILDREN_MIDDLE : CHILDREN_YOUNG);
  const born: number[] = [];
  let day = wedding + rnd.int(300, 800);
  // no births after the mother is 44
  const last = Math.min(until, motherBorn + 44 * 365);
  for (let i = 0; i < count && day <= last; i += 1) {
    born.push(day);
    day += rnd.int(2 * 365, 5 * 365);
  }
  return born;
}

/** Whether a grown child still lives with the parents (unmarried), by age and sex. */
function staysHome(rnd: Random, age: number, sex: 1 | 2): boolean {
  const leave = sex === 2 ? rnd.int(18, 25) : rnd.int(20, 28);
  if (age < leave) return true;
  return age < 40 && rnd.chance(0.08);
}

const FAMILY_TYPES = table([
  ['pasangan', 76],
  ['janda', 11],
  ['duda', 3],
  ['cerai', 3],
  ['lajang', 7],
] as const);

const AGE_GAP = [-2, -1, 0, 1, 2, 3, 3, 4, 4, 5, 6, 8];

export function familyShape(rnd: Random, today: number): FamilyShape {
  const type = rnd.from(FAMILY_TYPES);
  const headAge = headAgeFor(rnd, type);
  const members: Member[] = [];
  const add = (m: Member) => members.push(m) - 1;
  const get = (i: number) => members[i] as Member;
  let formerHead: number | null = null;
  let mother: number | null = null;
  let father: number | null = null;
  // the day children stop coming: the father's death, a divorce, or a spouse lost before the record began
  let childrenUntil = today;

  const headSex: 1 | 2 =
    type === 'pasangan' || type === 'duda'
      ? 1
      : type === 'janda'
        ? 2
        : rnd.chance(type === 'cerai' ? 0.2 : 0.65)
          ? 1
          : 2;
  const kawin = ({ pasangan: 2, janda: 4, duda: 4, cerai: 3, lajang: 1 } as const)[type];
  const head = add(member({ kk: 1, sex: headSex, born: bornAt(rnd, today, headAge), kawin }));
  if (headSex === 1) father = head;
  else mother = head;
  if (type === 'pasangan') get(head).fromElsewhere = rnd.chance(0.1);
  if (type !== 'lajang') {
    // the (late, former or present) spouse: a member only when present or died in the last years
    const gap = rnd.pick(AGE_GAP);
    const spouseAge = headSex === 1 ? Math.max(18, headAge - gap) : headAge + gap;
    const spouseBorn = bornAt(rnd, today, spouseAge);
    const wifeBorn = headSex === 2 ? get(head).born : spouseBorn;
    const youngest = Math.max(get(head).born, spouseBorn);
    const wedding = Math.min(today - 60, Math.max(wifeBorn + rnd.int(18, 24) * 365, youngest + 18 * 365));
    get(head).married = wedding;
    let spouse: number | null = null;
    if (type === 'pasangan') {
      spouse = add(
        member({ kk: 3, sex: 2, born: spouseBorn, kawin: 2, married: wedding, fromElsewhere: rnd.chance(0.18) }),
      );
    } else if ((type === 'janda' || type === 'duda') && rnd.chance(type === 'janda' ? 0.22 : 0.3)) {
      childrenUntil = today - rnd.int(20, 4 * 365);
      spouse = add(
        member({
          kk: headSex === 2 ? 1 : 3,
          sex: headSex === 2 ? 1 : 2,
          born: spouseBorn,
          kawin: 2,
          married: wedding,
          fate: { kode: 2, day: childrenUntil },
        }),
      );
      if (headSex === 2) formerHead = spouse;
    } else if (type === 'cerai') {
      childrenUntil = Math.min(today - 60, wedding + rnd.int(2, 20) * 365);
      get(head).divorced = childrenUntil;
    } else {
      childrenUntil = Math.max(wedding, today - rnd.int(4, 25) * 365);
    }
    if (spouse !== null && headSex === 1) mother = spouse;
    if (spouse !== null && headSex === 2) father = spouse;
    addChildren(rnd, members, { wifeBorn, wedding, until: childrenUntil, father, mother }, today);
  }

  // an old parent of the head (or of the wife) living with them
  if (type === 'pasangan' && headAge >= 28 && headAge <= 62 && rnd.chance(0.08)) {
    const ofWife = rnd.chance(0.35) && mother !== null;
    const child = get(ofWife ? (mother as number) : head);
    const age = Math.min(98, Math.floor((today - child.born) / 365.25) + rnd.int(20, 35));
    const sex = rnd.chance(0.75) ? 2 : 1;
    const parent = add(
      member({
        kk: ofWife ? 8 : 7,
        sex,
        born: bornAt(rnd, today, age),
        kawin: 4,
        fromElsewhere: rnd.chance(0.2),
        fate: rnd.chance(0.12) ? { kode: 2, day: today - rnd.int(10, 3 * 365) } : null,
      }),
    );
    if (sex === 2) child.mother = parent;
    else child.father = parent;
  }

  // a few families came from elsewhere together (pindah masuk); only those without other events
  let arrived: number | null = null;
  const quiet = members.every((m) => m.fate === null && m.arrived === null);
  if (type === 'pasangan' && quiet && headAge >= 25 && headAge <= 50 && rnd.chance(0.04)) {
    arrived = today - rnd.int(30, 8 * 365);
    for (const m of members) if (m.born < arrived) m.fromElsewhere = true;
  }
  return { members, head, arrived, formerHead };
}

interface Couple {
  wifeBorn: number;
  wedding: number;
  until: number;
  father: number | null;
  mother: number | null;
}

/** The couple's children still on the KK: the young, the unmarried, one married child, recent movers-out. */
function addChildren(rnd: Random, members: Member[], couple: Couple, today: number): void {
  let marriedChildAdded = false;
  const births = childrenBorn(rnd, couple.wifeBorn, couple.wedding, Math.min(today, couple.until + 270));
  for (const [i, born] of births.entries()) {
    const sex = rnd.chance(0.51) ? 1 : 2;
    const age = Math.floor((today - born) / 365.25);
    const base = { kk: 4, sex, born, father: couple.father, mother: couple.mother, order: i + 1 } as const;
    if (staysHome(rnd, age, sex)) {
      members.push(member({ ...base, kawin: 1 }));
    } else if (!marriedChildAdded && age >= 21 && age <= 38 && rnd.chance(sex === 2 ? 0.16 : 0.08)) {
      marriedChildAdded = true;
      const child = members.push(member({ ...base, kawin: 2 })) - 1;
      addMarriedCouple(rnd, members, child, today);
    } else if (age >= 19 && age <= 35 && rnd.chance(0.1)) {
      // moved out in the last years (pindah keluar): the record stays on the KK with its event
      const day = today - rnd.int(15, Math.min(4 * 365, (age - 18) * 365));
      members.push(member({ ...base, kawin: 1, fate: { kode: 3, day } }));
    }
  }
}

/** A married child staying with the parents, the spouse (menantu) who married in, and their children (cucu). */
function addMarriedCouple(rnd: Random, members: Member[], child: number, today: number): void {
  const c = members[child] as Member;
  const gap = rnd.int(0, 6) * 365 + rnd.int(0, 364);
  const spouseBorn = Math.min(c.sex === 2 ? c.born - gap : c.born + gap, today - 19 * 365 - rnd.int(0, 364));
  const wedding = Math.min(today - 30, Math.max(c.born, spouseBorn) + rnd.int(20 * 365, 27 * 365));
  c.married = wedding;
  const elsewhere = rnd.chance(0.4);
  const recent = today - wedding < 3 * 365;
  const spouse =
    members.push(
      member({
        kk: 5,
        sex: c.sex === 1 ? 2 : 1,
        born: spouseBorn,
        kawin: 2,
        married: wedding,
        fromElsewhere: elsewhere,
        arrived: elsewhere && recent ? Math.min(today - 1, wedding + rnd.int(7, 60)) : null,
      }),
    ) - 1;
  const mother = c.sex === 2 ? child : spouse;
  const father = c.sex === 1 ? child : spouse;
  const count = rnd.int(0, 2);
  let born = wedding + rnd.int(300, 900);
  for (let i = 0; i < count && born <= today; i += 1) {
    members.push(member({ kk: 6, sex: rnd.chance(0.51) ? 1 : 2, born, kawin: 1, father, mother, order: i + 1 }));
    born += rnd.int(700, 1500);
  }
}
