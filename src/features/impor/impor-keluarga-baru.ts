/**
 * The families an import creates, numbered 1, 2, … in the order the file names them, kept in columns (decision
 * 013): the KK number, and from the head's row the address (as UTF-8 off the heap), the dusun/RW/RT (shared) and
 * the head's status. A file of a million residents names ~300,000 families; an object with arrays and strings
 * each cost ~250 bytes and slowed every full garbage collection, this costs ~70.
 */
import { TextTable } from '#src/lib/xlsx/xlsx-text-table.js';
import type { UnitNames } from './impor-banding.js';
import { RowBytes, RowInts } from './impor-per-baris.js';

/** One family as saved with a previewed plan. */
export interface KeluargaBaruTersimpan {
  no_kk: string;
  kepala: number[];
  alamat: string | null;
  wilayah: UnitNames | null;
  statusKepala: number;
}

export class KeluargaBaruTable {
  readonly #nomor = new Map<string, number>();
  readonly #noKk: string[] = [''];
  /** first head's row; further heads (a mistake the check reports) in `#moreHeads` */
  readonly #head = new RowInts();
  readonly #moreHeads = new Map<number, number[]>();
  readonly #addresses = new TextTable();
  /** index in `#addresses` + 1; 0 = no address */
  readonly #address = new RowInts();
  readonly #units: UnitNames[] = [];
  readonly #unitIndex = new Map<string, number>();
  /** index in `#units` + 1; 0 = none */
  readonly #unit = new RowInts();
  /** the head's status_dasar; 0 = not given (living) */
  readonly #status = new RowBytes();

  get size(): number {
    return this.#noKk.length - 1;
  }

  /** the family's number, or 0 when the file has not named it */
  nomorOf(noKk: string): number {
    return this.#nomor.get(noKk) ?? 0;
  }

  /** the family's number, made on first sight */
  ensure(noKk: string): number {
    let nomor = this.#nomor.get(noKk);
    if (nomor === undefined) {
      nomor = this.#noKk.push(noKk) - 1;
      this.#nomor.set(noKk, nomor);
    }
    return nomor;
  }

  /** a row with SHDK 1: a head; the last head's address, unit and status count (as OpenSID reads them) */
  addHead(nomor: number, urut: number, head: { alamat: string | null; wilayah: UnitNames; status: number }): void {
    if (this.#head.get(nomor) === 0) this.#head.set(nomor, urut);
    else this.#moreHeads.set(nomor, [...(this.#moreHeads.get(nomor) ?? []), urut]);
    if (head.alamat === null) this.#address.set(nomor, 0);
    else {
      this.#addresses.add(head.alamat);
      this.#address.set(nomor, this.#addresses.size);
    }
    this.#unit.set(nomor, this.#unitRef(head.wilayah));
    this.#status.set(nomor, head.status);
  }

  #unitRef(u: UnitNames): number {
    const key = `${u.dusun ?? ''}|${u.rw ?? ''}|${u.rt ?? ''}`;
    let i = this.#unitIndex.get(key);
    if (i === undefined) {
      i = this.#units.push(u) - 1;
      this.#unitIndex.set(key, i);
    }
    return i + 1;
  }

  noKk(nomor: number): string {
    return this.#noKk[nomor] as string;
  }

  heads(nomor: number): number[] {
    const first = this.#head.get(nomor);
    return first === 0 ? [] : [first, ...(this.#moreHeads.get(nomor) ?? [])];
  }

  alamat(nomor: number): string | null {
    const ref = this.#address.get(nomor);
    return ref === 0 ? null : (this.#addresses.get(ref - 1) ?? null);
  }

  wilayah(nomor: number): UnitNames | null {
    const ref = this.#unit.get(nomor);
    return ref === 0 ? null : (this.#units[ref - 1] ?? null);
  }

  statusKepala(nomor: number): number {
    return this.#status.get(nomor) || 1;
  }

  /** 1 … size */
  *nomors(): IterableIterator<number> {
    for (let n = 1; n < this.#noKk.length; n += 1) yield n;
  }

  save(): KeluargaBaruTersimpan[] {
    return [...this.nomors()].map((n) => ({
      no_kk: this.noKk(n),
      kepala: this.heads(n),
      alamat: this.alamat(n),
      wilayah: this.wilayah(n),
      statusKepala: this.statusKepala(n),
    }));
  }

  static load(saved: readonly KeluargaBaruTersimpan[]): KeluargaBaruTable {
    const table = new KeluargaBaruTable();
    for (const f of saved) {
      const nomor = table.ensure(f.no_kk);
      for (const urut of f.kepala)
        table.addHead(nomor, urut, {
          alamat: f.alamat,
          wilayah: f.wilayah ?? { dusun: null, rw: null, rt: null },
          status: f.statusKepala,
        });
    }
    return table;
  }
}
