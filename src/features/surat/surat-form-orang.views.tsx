import { codeList } from '#src/domain/codes.js';
import { formatDate } from '#src/features/penduduk/penduduk-display.js';
import type { FormState } from '#src/lib/forms/form.js';
import { usePage } from '#src/lib/views/page-context.js';
import { type LuarField, luarFields } from './surat.schema.js';
import { Isi, Kontrol, type Pilihan } from './surat-form-kontrol.views.js';
import type { Blok } from './surat-jenis.schema.js';

/** A resident as the form shows them: name, NIK masked to the last 4 digits, birth date. */
export interface OrangRingkas {
  id: number;
  nama: string;
  nikSamar: string;
  tanggallahir: string | null;
}

/** The outcome of "Cari penduduk" for one block (at most 10 rows; `total` counts every match). */
export interface HasilCari {
  blok: string;
  q: string;
  rows: OrangRingkas[];
  total: number;
}

const kodePilihan = (list: 'jenis_kelamin' | 'agama' | 'pekerjaan') =>
  codeList(list).map((c) => ({ value: String(c.code), label: c.label }));

function LuarFields({ blok, state }: { blok: Blok; state: FormState }) {
  const { m } = usePage();
  const f = m.surat.ui.form;
  const fields = luarFields(blok);
  if (fields.length === 0) return null;
  const name = (k: LuarField) => `subjek.${blok.kode}.luar.${k}`;
  const open = fields.some((k) => (state.values[name(k)] ?? '') !== '' || state.errors[name(k)]);
  const pilihan: Partial<Record<LuarField, Pilihan[]>> = {
    sex: kodePilihan('jenis_kelamin'),
    agama_id: kodePilihan('agama'),
    pekerjaan_id: kodePilihan('pekerjaan'),
  };
  return (
    <details class="group" open={open}>
      <summary>{f.luar}</summary>
      <p class="hint">{f.luarHint}</p>
      {fields.map((k) => (
        <Isi
          key={k}
          name={name(k)}
          label={f.luarField[k] ?? k}
          value={state.values[name(k)] ?? ''}
          error={state.errors[name(k)]}
          required={false}
          tandai={false}
          type={k === 'tanggallahir' ? 'date' : 'text'}
          inputMode={k === 'nik' ? 'numeric' : 'text'}
          maxLength={k === 'alamat' ? 200 : k === 'nik' ? 40 : k === 'tanggallahir' ? undefined : 100}
          {...(pilihan[k] ? { pilihan: pilihan[k] } : {})}
        />
      ))}
    </details>
  );
}

/** "Cari penduduk": a name box and button inside the letter form, and the matches with a "Pilih" button each. */
function CariPenduduk({ blok, state, hasil }: { blok: Blok; state: FormState; hasil: HasilCari | null }) {
  const { m, lang } = usePage();
  const f = m.surat.ui.form;
  const id = `f-cari.${blok.kode}`;
  return (
    <div class="lookup">
      <Kontrol id={id} label={f.cariNama}>
        {(aria) => (
          <span class="inline-search">
            <input
              id={id}
              name={`cari.${blok.kode}`}
              type="search"
              maxLength={100}
              value={state.values[`cari.${blok.kode}`] ?? ''}
              {...aria}
            />{' '}
            <button type="submit" name="intent" value={`cari:${blok.kode}`} formnovalidate>
              {f.tombolCari}
            </button>
          </span>
        )}
      </Kontrol>
      {hasil && (
        <div role="status">
          {hasil.q === '' ? (
            <p>{f.ketikNama}</p>
          ) : hasil.rows.length === 0 ? (
            <p>{f.hasilKosong}</p>
          ) : (
            <ul class="hasil-cari">
              {hasil.rows.map((r) => (
                <li key={r.id}>
                  <strong>{r.nama}</strong> · {f.kolomNik} <code>{r.nikSamar}</code>
                  {r.tanggallahir ? ` · ${formatDate(r.tanggallahir, lang)}` : ''}{' '}
                  <button type="submit" name="intent" value={`pilih:${blok.kode}:${r.id}`} formnovalidate>
                    {f.pilih}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {hasil.total > hasil.rows.length && <p class="hint">{f.lebihBanyak(hasil.total)}</p>}
        </div>
      )}
    </div>
  );
}

/**
 * One person block: the chosen resident (kept in a hidden field, with "Ganti orang"), or a NIK box and the
 * name search; and, when the block allows it, the fields for a person from outside the desa.
 */
export function BlokOrang(props: {
  blok: Blok;
  wajib: boolean;
  state: FormState;
  dipilih: OrangRingkas | null;
  hasil: HasilCari | null;
}) {
  const { m, lang } = usePage();
  const f = m.surat.ui.form;
  const { blok, state, dipilih } = props;
  const key = `subjek.${blok.kode}`;
  const error = state.errors[key];
  const nikName = `${key}.nik`;
  return (
    <fieldset class={error ? 'group has-error' : 'group'} id={`f-${key}`}>
      <legend>
        {blok.judul}
        {!props.wajib && <span class="opt"> {m.common.opsional}</span>}
      </legend>
      {error && (
        <p class="error" id={`f-${key}-error`}>
          {error}
        </p>
      )}
      {dipilih ? (
        <p>
          {f.dipilih} <strong>{dipilih.nama}</strong> · NIK <code>{dipilih.nikSamar}</code>
          {dipilih.tanggallahir ? ` · ${formatDate(dipilih.tanggallahir, lang)}` : ''}{' '}
          <input type="hidden" name={`${key}.penduduk_id`} value={String(dipilih.id)} />
          <button type="submit" class="link" name="intent" value={`ganti:${blok.kode}`} formnovalidate>
            {f.ganti}
          </button>
        </p>
      ) : (
        blok.data.includes('desa') && (
          <>
            <Isi
              name={nikName}
              label={f.nik}
              hint={f.nikHint}
              value={state.values[nikName] ?? ''}
              error={state.errors[nikName]}
              required={false}
              tandai={false}
              inputMode="numeric"
              maxLength={40}
            />
            <CariPenduduk blok={blok} state={state} hasil={props.hasil} />
          </>
        )
      )}
      <LuarFields blok={blok} state={state} />
    </fieldset>
  );
}
