import { codeList } from '#src/domain/codes.js';
import type { LingkunganRow } from '#src/features/lingkungan/lingkungan.repository.js';
import type { FormState } from '#src/lib/forms/form.js';
import { Field, Select } from '#src/lib/views/components.js';
import { usePage } from '#src/lib/views/page-context.js';
import { shownNumber } from './penduduk-display.js';
import type { FamilyOption } from './penduduk-screens.repository.js';
import { unitOptions } from './penduduk-units.js';

/** Choosing the family a new resident joins: a select by head's name, or the KK number; and the SHDK. */
export function FamilyChooser(props: {
  state: FormState;
  families: readonly FamilyOption[];
  truncated: boolean;
  fullNumbers: boolean;
}) {
  const { m } = usePage();
  const f = m.pendudukUi.form;
  return (
    <div class="family-chooser">
      <Select
        name="keluarga_id"
        label={f.keluarga}
        hint={props.truncated ? `${f.keluargaHint} ${f.keluargaTerlaluBanyak(props.families.length)}` : f.keluargaHint}
        state={props.state}
        placeholder={f.pilih}
        options={props.families.map((k) => ({
          value: String(k.id),
          label: f.keluargaOpsi(k.kepala ?? '?', shownNumber(k.no_kk, props.fullNumbers)),
        }))}
      />
      <Field name="cari_no_kk" label={f.cariNoKk} state={props.state} inputMode="numeric" autocomplete="off" />
      <Select
        name="kk_level"
        label={f.shdk}
        state={props.state}
        placeholder={f.pilih}
        options={codeList('hubungan_keluarga')
          .filter((c) => c.code !== 1)
          .map((c) => ({ value: String(c.code), label: c.label }))}
      />
    </div>
  );
}

/** The dusun/RW/RT of residence; `empty` names what an empty choice means (e.g. "same as the family"). */
export function UnitSelect(props: { state: FormState; units: readonly LingkunganRow[]; empty: string }) {
  const { m } = usePage();
  return (
    <Select
      name="lingkungan_id"
      label={m.registry.field.lingkungan_id ?? 'Dusun/RW/RT'}
      state={props.state}
      placeholder={props.empty}
      options={unitOptions(props.units, m)}
    />
  );
}

/** An arrival brings its own family card (a new family with this person as head) or joins one here. */
export function ArrivalFamily(props: {
  state: FormState;
  families: readonly FamilyOption[];
  truncated: boolean;
  fullNumbers: boolean;
}) {
  const { m } = usePage();
  const f = m.pendudukUi.form;
  const mode = props.state.values.keluarga_mode === 'ada' ? 'ada' : 'baru';
  return (
    <fieldset class="group">
      <legend>{f.kk}</legend>
      <fieldset class="choice">
        <legend class="visually-hidden">{f.kk}</legend>
        <label class="radio">
          <input type="radio" name="keluarga_mode" value="baru" checked={mode === 'baru'} /> {f.kkBaru}
        </label>
        <div class="grid2 sub">
          <Field
            name="no_kk"
            label={f.noKkBaru}
            hint={f.noKkBaruHint}
            state={props.state}
            inputMode="numeric"
            autocomplete="off"
          />
          <Field name="alamat_kk" label={f.alamatKk} state={props.state} autocomplete="off" />
        </div>
        <label class="radio">
          <input type="radio" name="keluarga_mode" value="ada" checked={mode === 'ada'} /> {f.kkAda}
        </label>
        <div class="sub">
          <FamilyChooser {...props} />
        </div>
      </fieldset>
    </fieldset>
  );
}
