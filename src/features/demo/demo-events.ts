import { JENIS_PINDAH, PENOLONG_KEMATIAN, SEBAB_KEMATIAN } from './demo-attributes.js';
import { isoOf } from './demo-dates.js';
import type { FamilyShape, Member } from './demo-families.js';
import type { DemoEvent, DemoOrigin, DemoPerson, DesaPenduduk, DesaPlan } from './demo-penduduk.js';
import { type Random, table } from './demo-random.js';

/**
 * The history of a generated family: "keluarga baru" (or "datang") when the KK was registered, births of the
 * last two years, arrivals, deaths (with the family event when the head died and who took over) and moves
 * out. Every status other than HIDUP has its event; events are written in date order, all in the past.
 */
export const place = (o: DemoOrigin) => `Kec. ${o.kecamatan}, ${o.kabupaten}`;

export interface EventContext {
  familyKey: number;
  base: number;
  registered: number;
  today: number;
  origin: DemoOrigin;
  plan: DesaPlan;
}

const MOVE_TARGETS = {
  3: ['Kab. Pati', 'Kab. Kudus', 'Kota Semarang', 'Kab. Jepara', 'Kab. Demak', 'Kab. Blora'],
  4: [
    'Jakarta Utara, DKI Jakarta',
    'Kota Surabaya, Jawa Timur',
    'Kota Batam, Kepulauan Riau',
    'Kab. Bekasi, Jawa Barat',
    'Kab. Tuban, Jawa Timur',
  ],
};

export function addEvents(rnd: Random, out: DesaPenduduk, shape: FamilyShape, ctx: EventContext): void {
  const { familyKey, base, today } = ctx;
  const name = (i: number) => (out.persons[base + i] as DemoPerson).nama;
  const headDied = shape.formerHead === null ? null : ((shape.members[shape.formerHead] as Member).fate?.day ?? null);
  const headOn = (day: number) => (headDied !== null && day <= headDied ? (shape.formerHead as number) : shape.head);
  const report = (day: number) => isoOf(Math.min(today, day + rnd.int(0, 30)));
  const event = (
    i: number,
    kode: DemoEvent['kode'],
    day: number,
    details: DemoEvent['details'],
    statusSebelum: number | null,
    statusSesudah: number,
  ) =>
    out.events.push({
      personKey: base + i,
      familyKey,
      kode,
      tgl_peristiwa: isoOf(day),
      tgl_lapor: report(day),
      nama_kk: name(headOn(day)),
      status_sebelum: statusSebelum,
      status_sesudah: statusSesudah,
      details,
    }) - 1;

  const firstHead = shape.formerHead ?? shape.head;
  out.familyEvents.push({
    familyKey,
    kode: shape.arrived !== null ? 5 : 1,
    tgl_peristiwa: isoOf(shape.arrived ?? ctx.registered),
    personKey: base + firstHead,
    eventKey: null,
    newHeadKey: null,
  });
  const dated: { day: number; add: () => void }[] = [];
  for (const [i, m] of shape.members.entries()) {
    const cameWithFamily = shape.arrived !== null && m.born < shape.arrived;
    if (cameWithFamily) {
      const maksud = rnd.pick(['Pekerjaan', 'Ikut keluarga', 'Menempati rumah sendiri']);
      dated.push({
        day: shape.arrived as number,
        add: () =>
          event(
            i,
            5,
            shape.arrived as number,
            { alamat_asal: place(ctx.origin), maksud_tujuan_kedatangan: maksud },
            null,
            1,
          ),
      });
    } else if (m.arrived !== null) {
      const from = (out.persons[base + i] as DemoPerson).alamat_sebelumnya;
      dated.push({
        day: m.arrived,
        add: () =>
          event(
            i,
            5,
            m.arrived as number,
            { alamat_asal: from, maksud_tujuan_kedatangan: 'Ikut suami/istri (menikah)' },
            null,
            1,
          ),
      });
    } else if (m.born > today - 730) {
      dated.push({ day: m.born, add: () => event(i, 1, m.born, {}, null, 1) });
    }
    const fate = m.fate;
    if (fate?.kode === 2) {
      dated.push({
        day: fate.day,
        add: () => {
          const key = event(i, 2, fate.day, deathDetails(rnd, fate.day), 1, 2);
          if (i === shape.formerHead)
            out.familyEvents.push({
              familyKey,
              kode: 2,
              tgl_peristiwa: isoOf(fate.day),
              personKey: base + i,
              eventKey: key,
              newHeadKey: base + shape.head,
            });
        },
      });
    } else if (fate?.kode === 3) {
      const ref = rnd.from(JENIS_PINDAH) as 1 | 2 | 3 | 4;
      const tujuan =
        ref === 1
          ? `Kec. ${ctx.plan.home.kecamatan}, Kab. Rembang`
          : ref === 2
            ? place(pickRembang(rnd, ctx.plan))
            : rnd.pick(MOVE_TARGETS[ref]);
      dated.push({ day: fate.day, add: () => event(i, 3, fate.day, { ref_pindah: ref, alamat_tujuan: tujuan }, 1, 3) });
    }
  }
  dated.sort((a, b) => a.day - b.day);
  for (const d of dated) d.add();
}

function pickRembang(rnd: Random, plan: DesaPlan): DemoOrigin {
  const rembang = plan.origins.filter((o) => o.kode.startsWith('33.17.') && o.kode !== plan.home.kode);
  return rembang.length > 0 ? rnd.pick(rembang) : plan.home;
}

const PLACE_OF_DEATH = table([
  ['Rumah', 60],
  ['RSUD dr. R. Soetrasno Rembang', 30],
  ['Puskesmas', 10],
] as const);

function deathDetails(rnd: Random, day: number): DemoEvent['details'] {
  const iso = isoOf(day);
  return {
    meninggal_di: rnd.from(PLACE_OF_DEATH),
    jam_mati: `${String(rnd.int(0, 23)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}`,
    sebab: rnd.from(SEBAB_KEMATIAN),
    penolong_mati: rnd.from(PENOLONG_KEMATIAN),
    akta_mati: rnd.chance(0.6)
      ? `3317-KM-${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}-${String(rnd.int(1, 9999)).padStart(4, '0')}`
      : null,
  };
}
