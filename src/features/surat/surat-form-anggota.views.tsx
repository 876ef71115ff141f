import { codeLabel } from '#src/domain/codes.js';
import type { FormState } from '#src/lib/forms/form.js';
import { usePage } from '#src/lib/views/page-context.js';
import type { OrangRingkas } from './surat-form-orang.views.js';
import type { Blok } from './surat-jenis.schema.js';

/** A member of the main subject's family, as a checkbox shows them. */
export type AnggotaRingkas = OrangRingkas & { kkLevel: number | null };

/**
 * A family-member block (those moving along on a pindah letter): the living members of the main subject's
 * family as checkboxes. Before the main subject is known, a button shows the form again with them listed.
 */
export function BlokAnggota(props: { blok: Blok; state: FormState; anggota: AnggotaRingkas[] | null }) {
  const { m } = usePage();
  const f = m.surat.ui.form;
  const { blok, state } = props;
  const key = `subjek.${blok.kode}`;
  const error = state.errors[key];
  return (
    <fieldset class={error ? 'group has-error' : 'group'} id={`f-${key}`}>
      <legend>
        {blok.judul}
        <span class="opt"> {m.common.opsional}</span>
      </legend>
      {error && (
        <p class="error" id={`f-${key}-error`}>
          {error}
        </p>
      )}
      {props.anggota === null ? (
        <p>
          {f.anggotaPilihDulu}{' '}
          <button type="submit" name="intent" value="cari" formnovalidate>
            {f.anggotaTampilkan}
          </button>
        </p>
      ) : props.anggota.length === 0 ? (
        <p>{f.anggotaKosong}</p>
      ) : (
        <>
          <p class="hint">{f.anggotaHint}</p>
          {props.anggota.map((a) => {
            const name = `${key}.anggota.${a.id}`;
            return (
              <div class="field check" key={a.id}>
                <label>
                  <input type="checkbox" name={name} value="1" checked={(state.values[name] ?? '') !== ''} /> {a.nama} ·
                  NIK <code>{a.nikSamar}</code>
                  {a.kkLevel ? ` · ${codeLabel('hubungan_keluarga', a.kkLevel) ?? ''}` : ''}
                </label>
              </div>
            );
          })}
        </>
      )}
    </fieldset>
  );
}
