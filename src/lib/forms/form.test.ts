import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from '#src/lib/errors.js';
import { messagesFor } from '#src/lib/i18n/messages.js';
import { optionalEmail, requiredText } from './fields.js';
import { fieldAttrs, formStateFromError, parseForm } from './form.js';
import { isCalendarDate } from './penduduk-fields.js';

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
