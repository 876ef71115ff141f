import type { ComponentChildren } from 'preact';
import { codeList } from '#src/domain/codes.js';
import type { FormState } from '#src/lib/forms/form.js';
import { Field, Select, TextArea } from '#src/lib/views/components.js';
import { usePage } from '#src/lib/views/page-context.js';
import { PendudukFormSchema } from './penduduk.schema.js';
import { type FieldDef, FORM_DEFAULTS, type GroupDef, type GroupKey, PERSON_GROUPS } from './penduduk-groups.js';

/** One field of a person's record as a form control: coded fields are selects with their labels. */
export function PersonField({ def, state, hint }: { def: FieldDef; state: FormState; hint?: string }) {
  const { m } = usePage();
  const label = m.registry.field[def.name] ?? def.name;
  const common = { name: def.name, label, state, ...(hint ? { hint } : {}) };
  switch (def.kind) {
    case 'code':
      return (
        <Select
          {...common}
          placeholder={m.pendudukUi.form.pilih}
          options={codeList(def.list ?? 'agama').map((c) => ({ value: String(c.code), label: c.label }))}
        />
      );
    case 'date':
      return <Field {...common} schema={PendudukFormSchema} type="date" />;
    case 'long':
      return <TextArea {...common} />;
    case 'email':
      return <Field {...common} schema={PendudukFormSchema} type="email" autocomplete="off" />;
    case 'tel':
      return <Field {...common} schema={PendudukFormSchema} type="tel" autocomplete="off" />;
    case 'time':
      return <Field {...common} schema={PendudukFormSchema} hint={hint ?? m.pendudukUi.form.jamHint} />;
    case 'int':
      return <Field {...common} schema={PendudukFormSchema} inputMode="numeric" />;
    default:
      return (
        <Field
          {...common}
          schema={PendudukFormSchema}
          autocomplete="off"
          {...(def.numeric ? { inputMode: 'numeric' as const } : {})}
        />
      );
  }
}

interface FieldsetsProps {
  state: FormState;
  /** extra controls at the top of a group (family chooser in "Keluarga", unit select in "Tempat tinggal") */
  extra?: Partial<Record<GroupKey, ComponentChildren>>;
  /** hints for single fields (e.g. the NIK) */
  hints?: Record<string, string>;
  /** fold rarely used groups (<details>) unless they hold input or an error — on the create forms */
  fold?: boolean;
}

function groupHasInput(group: GroupDef, state: FormState): boolean {
  return group.fields.some((f) => {
    const value = state.values[f.name] ?? '';
    return state.errors[f.name] !== undefined || (value !== '' && value !== FORM_DEFAULTS[f.name]);
  });
}

/** Every field of a person, grouped in fieldsets with legends (Identitas, Kelahiran, …). */
export function PersonFieldsets({ state, extra = {}, hints = {}, fold = false }: FieldsetsProps) {
  const { m } = usePage();
  return (
    <>
      {PERSON_GROUPS.map((group) => {
        const fieldset = (
          <fieldset key={group.key} class="group">
            <legend>{m.pendudukUi.group[group.key]}</legend>
            {extra[group.key]}
            <div class="grid2">
              {group.fields.map((def) => (
                <PersonField
                  key={def.name}
                  def={def}
                  state={state}
                  {...(hints[def.name] ? { hint: hints[def.name] } : {})}
                />
              ))}
            </div>
          </fieldset>
        );
        if (!fold || !group.folded) return fieldset;
        return (
          <details key={group.key} class="group" open={groupHasInput(group, state)}>
            <summary>{m.pendudukUi.group[group.key]}</summary>
            {fieldset}
          </details>
        );
      })}
    </>
  );
}

/** The label a field of the resident forms carries (person fields, event fields, family chooser). */
function labelOf(m: ReturnType<typeof usePage>['m'], name: string): string | undefined {
  const f = m.pendudukUi.form;
  const extra: Record<string, string> = {
    keluarga_id: f.keluarga,
    cari_no_kk: f.cariNoKk,
    kk_level: f.shdk,
    no_kk: f.noKkBaru,
    alamat_kk: f.alamatKk,
    alamat_asal: f.alamatAsal,
    maksud_tujuan_kedatangan: f.maksud,
    tgl_lapor: f.tglLapor,
    catatan: f.catatan,
  };
  return extra[name] ?? m.pendudukUi.peristiwaField[name] ?? m.registry.field[name];
}

/**
 * The problems of a long form at its top, each naming its field ("Tanggal lahir: Wajib diisi.") and linking
 * to it — the same markup as the shared ErrorSummary, which on these forms would repeat "Wajib diisi." bare.
 */
export function FormErrors({ state }: { state: FormState }) {
  const { m } = usePage();
  const entries = Object.entries(state.errors);
  if (entries.length === 0 && !state.message) return null;
  return (
    <div class="error-summary" role="alert">
      <p>{state.message ?? m.common.periksaIsian}</p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([field, message]) => {
            const label = labelOf(m, field);
            return (
              <li key={field}>
                <a href={`#f-${field}`}>{label ? `${label}: ${message}` : message}</a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
