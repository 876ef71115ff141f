import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from '#src/lib/errors.js';
import { messagesFor } from '#src/lib/i18n/messages.js';
import { optionalEmail, requiredText } from './fields.js';
import { fieldAttrs, formStateFromError, parseForm } from './form.js';
import { isCalendarDate, nikOrNone, noKk, readNikOrNone, readNoKk } from './penduduk-fields.js';

const Schema = z.object({ nama: requiredText(20), email: optionalEmail(), sandi: z.string().min(10) });

describe('forms', () => {
  it('returns Indonesian field messages and keeps input except passwords', () => {
    const r = parseForm(Schema, { nama: '', email: 'bukan-email', sandi: 'x', _csrf: 't' }, messagesFor('id'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.state.errors.nama).toBe('Wajib diisi.');
    expect(r.state.errors.email).toMatch(/email tidak valid/i);
    expect(r.state.errors.sandi).toBeTruthy();
    expect(r.state.values).toEqual({ nama: '', email: 'bukan-email' });
  });

  it('speaks English when asked', () => {
    const r = parseForm(Schema, { nama: 'x'.repeat(30), sandi: 'abcdefghijk' }, messagesFor('en'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.state.errors.nama).toBe('At most 20 characters.');
  });

  it('turns empty optional text into null', () => {
    const r = parseForm(Schema, { nama: ' Meteseh ', email: '', sandi: 'abcdefghijk' }, messagesFor('id'));
    expect(r).toEqual({ ok: true, data: { nama: 'Meteseh', email: null, sandi: 'abcdefghijk' } });
  });

  it('derives required and maxlength for the browser from the schema', () => {
    expect(fieldAttrs(Schema, 'nama')).toEqual({ required: true, maxLength: 20, minLength: 1 });
    expect(fieldAttrs(Schema, 'email')).toEqual({ maxLength: 120 });
    expect(fieldAttrs(Schema, 'unknown')).toEqual({});
  });

  it('maps service errors onto the form', () => {
    const s = formStateFromError(
      new HttpError(409, 'invalid', {}, { hosts: 'hostSudahDipakai|a.desa.id' }),
      {},
      messagesFor('id'),
    );
    expect(s?.status).toBe(409);
    expect(s?.state.errors.hosts).toBe('Domain a.desa.id sudah dipakai desa lain.');
    expect(formStateFromError(new Error('boom'), {}, messagesFor('id'))).toBeNull();
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-04-31', false],
    ['2026-04-00', false],
    ['0050-01-01', true],
    ['0000-01-01', true],
    ['2026-1-01', false],
    ['2026-01-01T00:00', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe('NIK and KK rules as plain functions (the import) and as schemas (the forms)', () => {
  type R = { ok: true; value: string | null } | { ok: false; problem: string };
  const ok = (value: string | null): R => ({ ok: true, value });
  const no = (problem: string): R => ({ ok: false, problem });
  // input → NIK-or-none, KK number: as the schemas answered before the rules became plain functions
  const cases: [string, R, R][] = [
    ['', ok(null), no('wajibDiisi')],
    [' ', ok(null), no('wajibDiisi')],
    ['0', ok(null), no('kkFormat')],
    [' 0 ', ok(null), no('kkFormat')],
    ['00', no('nikFormat'), no('kkFormat')],
    ['3317094509900001', ok('3317094509900001'), ok('3317094509900001')],
    ['3317 0945.0990 0001', ok('3317094509900001'), ok('3317094509900001')],
    ['3317094509900001 ', ok('3317094509900001'), ok('3317094509900001')],
    ['331709450990000', no('nikFormat'), no('kkFormat')],
    ['33170945099000011', no('nikFormat'), no('kkFormat')],
    ['3317093209900001', no('nikTanggalMustahil'), ok('3317093209900001')],
    ['0317094509900001', ok('0317094509900001'), no('kkFormat')],
    ['3317090000000000', no('nikTanggalMustahil'), ok('3317090000000000')],
    ['33170945099O0001', no('nikFormat'), no('kkFormat')],
    ['abc', no('nikFormat'), no('kkFormat')],
  ];
  const asResult = (r: { success: boolean; data?: unknown; error?: { issues: { message: string }[] } }) =>
    r.success ? { ok: true, value: r.data } : { ok: false, problem: r.error?.issues[0]?.message };

  it.each(cases)('%j', (input, nikResult, kkResult) => {
    expect(readNikOrNone(input)).toEqual(nikResult);
    expect(asResult(nikOrNone().safeParse(input))).toEqual(nikResult);
    expect(readNoKk(input)).toEqual(kkResult);
    expect(asResult(noKk().safeParse(input))).toEqual(kkResult);
  });

  it('keep the schemas’ outputs for numbers and a missing value', () => {
    expect(nikOrNone().parse(undefined)).toBeNull();
    expect(nikOrNone().parse(0)).toBeNull();
    expect(noKk().parse(3317091201000001)).toBe('3317091201000001');
    expect(noKk().safeParse(undefined).error?.issues[0]?.message).toBe('wajibDiisi');
  });
});
