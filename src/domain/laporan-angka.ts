/**
 * The cells of the population reports (Laporan Bulanan, Buku Rekapitulasi): persons split by citizenship and
 * sex, and families (KK). Every split the reports show (L/P, WNI/WNA, jiwa) is a sum of these six slots, so an
 * identity that holds for each slot holds for every split.
 */
export interface Jk {
  l: number;
  p: number;
  /** sex not recorded */
  x: number;
}

export interface Angka {
  /** warganegara_id 1 */
  wni: Jk;
  /** every other citizenship (WNA, dual, not recorded) */
  wna: Jk;
  /** families (KK); see laporan-mutasi.ts for what the event lines count */
  kk: number;
}

export const angkaKosong = (): Angka => ({ wni: { l: 0, p: 0, x: 0 }, wna: { l: 0, p: 0, x: 0 }, kk: 0 });

export const isWni = (warganegaraId: number | null) => warganegaraId === 1;

/** One person into a cell (n = 1) or out of it (n = -1). */
export function tambahOrang(a: Angka, o: { sex: number | null; warganegara_id: number | null }, n = 1): void {
  const jk = isWni(o.warganegara_id) ? a.wni : a.wna;
  if (o.sex === 1) jk.l += n;
  else if (o.sex === 2) jk.p += n;
  else jk.x += n;
}

/** `into += from` (several dusun into a desa, several desa into a kecamatan). */
export function tambahAngka(into: Angka, from: Angka): void {
  for (const w of ['wni', 'wna'] as const) {
    into[w].l += from[w].l;
    into[w].p += from[w].p;
    into[w].x += from[w].x;
  }
  into.kk += from.kk;
}

export const laki = (a: Angka) => a.wni.l + a.wna.l;
export const perempuan = (a: Angka) => a.wni.p + a.wna.p;
export const jumlahWni = (a: Angka) => a.wni.l + a.wni.p + a.wni.x;
export const jumlahWna = (a: Angka) => a.wna.l + a.wna.p + a.wna.x;
export const jiwa = (a: Angka) => jumlahWni(a) + jumlahWna(a);

/** The seven numbers an identity must hold for: the six person slots and the families. */
export function slot(a: Angka): number[] {
  return [a.wni.l, a.wni.p, a.wni.x, a.wna.l, a.wna.p, a.wna.x, a.kk];
}
