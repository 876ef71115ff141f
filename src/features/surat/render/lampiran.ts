/**
 * Attachment forms (lampiran, letters.md §8): each code maps to a function writing the form's pages as Typst.
 * An unknown code throws LampiranTidakTersediaError; the service turns it into a message for the operator.
 */
import { lampiranF101 } from './lampiran-f101.js';
import { lampiranF201 } from './lampiran-f201.js';
import type { LampiranInput, LampiranKonteks } from './surat-render.types.js';

export class LampiranTidakTersediaError extends Error {
  constructor(readonly kode: string) {
    super(`formulir lampiran ${kode} belum tersedia`);
    this.name = 'LampiranTidakTersediaError';
  }
}

type LampiranFn = (input: LampiranInput, ctx: LampiranKonteks) => string;

const LAMPIRAN: Record<string, LampiranFn> = {
  'F-1.01': lampiranF101,
  'F-2.01': lampiranF201,
};

export const LAMPIRAN_TERSEDIA = Object.keys(LAMPIRAN);

/** Typst source for one attachment (its own pages). */
export function lampiranTyp(input: LampiranInput, ctx: LampiranKonteks): string {
  const fn = LAMPIRAN[input.kode.trim().toUpperCase()];
  if (!fn) throw new LampiranTidakTersediaError(input.kode);
  return fn(input, ctx);
}
