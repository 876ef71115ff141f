import { z } from 'zod';
import { type CodeListName, codeFromInput } from '#src/domain/codes.js';
import { cleanNumber, parseNik, parseNoKk } from '#src/domain/nik.js';
import { isValidPersonName, tidyName } from '#src/domain/person-name.js';

/**
 * Field schemas of the resident registry — one definition each, reused by the forms, the API and the
 * OpenSID import. Messages are dictionary keys, localised when shown.
 */
/** A NIK: 16 digits passing the NIK rules (domain/nik.ts). Region/date/sex mismatches are warnings, not errors. */
export const nik = () =>
  z
    .string({ error: 'wajibDiisi' })
    .trim()
    .transform((v) => cleanNumber(v))
    .superRefine((v, ctx) => {
      const r = parseNik(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.problem });
    });

/** NIK or nothing: empty or `0` (OpenSID's "no NIK yet") → null, meaning a temporary number is issued. */
export const nikOrNone = () =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v, ctx) => {
      const r = readNikOrNone(v === undefined ? '' : String(v));
      if (r.ok) return r.value;
      ctx.addIssue({ code: 'custom', message: r.problem });
      return z.NEVER;
    });

type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * The rule of `nikOrNone` as a plain function, for the OpenSID import (it reads ~100,000 NIKs per file and the
 * schema around it costs more than the rule): empty or `0` → null, else spaces and dots dropped and checked.
 */
export function readNikOrNone(raw: string): Read<string | null> {
  const v = raw.trim();
  if (v === '' || v === '0') return { ok: true, value: null };
  const cleaned = cleanNumber(v);
  const r = parseNik(cleaned);
  return r.ok ? { ok: true, value: cleaned } : { ok: false, problem: r.problem };
}

/** A parent's NIK: same format checks; `0`/empty = unknown. */
export const parentNik = nikOrNone;

export const noKk = () =>
  z.union([z.string(), z.number()], { error: 'wajibDiisi' }).transform((v, ctx) => {
    const r = readNoKk(String(v));
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.problem });
    return z.NEVER;
  });

/** The rule of `noKk` as a plain function (see `readNikOrNone`). */
export function readNoKk(raw: string): Read<string> {
  const v = cleanNumber(raw.trim());
  if (v === '') return { ok: false, problem: 'wajibDiisi' };
  return parseNoKk(v).ok ? { ok: true, value: v } : { ok: false, problem: 'kkFormat' };
}

/**
 * A NIK or KK number typed to look a record up (temporary numbers, starting with 0, included): 16 digits once
 * spaces and dots are dropped. `error` is the message key for anything else.
 */
export const lookupNumber = (error: string) =>
  z
    .string({ error: 'wajibDiisi' })
    .trim()
    .max(40, { error: 'terlaluPanjang|40' })
    .transform((v) => cleanNumber(v))
    .superRefine((v, ctx) => {
      if (v === '') ctx.addIssue({ code: 'custom', message: 'wajibDiisi' });
      else if (!/^\d{16}$/.test(v)) ctx.addIssue({ code: 'custom', message: error });
    });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date, YYYY-MM-DD (forms send that; the API too). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // an impossible day rolls over into the next month (2023-02-29 → March 1st): compare back. setUTCFullYear,
  // unlike Date.UTC, takes years below 100 as they are
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export const optionalDate = () =>
  z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isCalendarDate(v), { error: 'tanggalTidakValid' });

export const requiredDate = () =>
  z
    .string({ error: 'wajibDiisi' })
    .trim()
    .min(1, { error: 'wajibDiisi' })
    .refine((v) => isCalendarDate(v), { error: 'tanggalTidakValid' });

/** A coded value: the code, or its label/alias (case- and space-insensitive). */
export function code(list: CodeListName) {
  return z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v, ctx) => {
      if (v === undefined || v === null || v === '') return null;
      const c = codeFromInput(list, v);
      if (c === null) {
        ctx.addIssue({ code: 'custom', message: 'pilihanTidakValid' });
        return z.NEVER;
      }
      return c;
    });
}

export function requiredCode(list: CodeListName) {
  return code(list).refine((v): v is number => v !== null, { error: 'wajibDiisi' });
}

/** A whole number in a range, from a form field or JSON; empty → null. */
export function optionalInt(min: number, max: number) {
  return z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v, ctx) => {
      if (v === undefined || v === null || v === '') return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `angkaAntara|${min}–${max}` });
        return z.NEVER;
      }
      return n;
    });
}

export function optionalCoordinate(limit: number) {
  return z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v, ctx) => {
      if (v === undefined || v === null || v === '') return null;
      const n = Number(v);
      if (!Number.isFinite(n) || Math.abs(n) > limit) {
        ctx.addIssue({ code: 'custom', message: 'koordinatTidakValid' });
        return z.NEVER;
      }
      return n;
    });
}

export const personName = () =>
  z
    .string({ error: 'wajibDiisi' })
    .transform((v) => tidyName(v))
    .pipe(
      z
        .string()
        .min(1, { error: 'wajibDiisi' })
        .max(100, { error: 'terlaluPanjang|100' })
        .refine(isValidPersonName, { error: 'namaOrangTidakValid' }),
    );

export const optionalPersonName = () =>
  z
    .string()
    .optional()
    .nullable()
    .transform((v) => (v ? tidyName(v) : null))
    .refine((v) => v === null || (v.length <= 100 && isValidPersonName(v)), { error: 'namaOrangTidakValid' });
