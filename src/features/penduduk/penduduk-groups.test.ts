import { describe, expect, it } from 'vitest';
import { en } from '#src/lib/i18n/en.js';
import { id } from '#src/lib/i18n/id.js';
import { pendudukFields } from './penduduk.schema.js';
import { ALL_FIELDS, PERSON_GROUPS } from './penduduk-groups.js';

describe('resident field groups', () => {
  it('place every field of the record exactly once', () => {
    const names = ALL_FIELDS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(pendudukFields).sort());
  });

  it('have a label for every field and a legend for every group, in both languages', () => {
    for (const m of [id, en]) {
      for (const f of ALL_FIELDS) expect(m.registry.field[f.name], f.name).toBeTruthy();
      for (const g of PERSON_GROUPS) expect(m.pendudukUi.group[g.key], g.key).toBeTruthy();
    }
  });
});
