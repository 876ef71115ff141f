import { type FormState, fieldAttrs } from '#src/lib/forms/form.js';
import { ErrorSummary, PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { usePage } from '#src/lib/views/page-context.js';
import { blokAnggota, blokOrang, isianHintSchema } from './surat.schema.js';
import { type AnggotaRingkas, BlokAnggota } from './surat-form-anggota.views.js';
import { type InputType, Isi } from './surat-form-kontrol.views.js';
import { BlokOrang, type HasilCari, type OrangRingkas } from './surat-form-orang.views.js';
import type { Isian, JenisSurat } from './surat-jenis.schema.js';
import { type DesaRef, SuratCrumbs } from './surat-list.views.js';
import { HARI } from './surat-nilai-tanggal.js';

const INPUT_TYPE: Partial<Record<Isian['tipe'], InputType>> = {
  email: 'email',
  url: 'url',
  date: 'date',
  'hari-tanggal': 'date',
  time: 'time',
};

/** One custom field by its type: dates and times with the browser's pickers, options as a list. */
function IsianField({ f, state, attrs }: { f: Isian; state: FormState; attrs: ReturnType<typeof fieldAttrs> }) {
  const name = `isian.${f.kode}`;
  const pilihan =
    f.tipe === 'select'
      ? (f.pilihan ?? []).map((p) => ({ value: p, label: p }))
      : f.tipe === 'hari'
        ? HARI.map((h) => ({ value: h, label: h }))
        : undefined;
  return (
    <Isi
      name={name}
      label={f.nama}
      hint={f.deskripsi}
      value={state.values[name] ?? ''}
      error={state.errors[name]}
      required={attrs.required === true}
      maxLength={attrs.maxLength}
      type={INPUT_TYPE[f.tipe] ?? 'text'}
      inputMode={f.tipe === 'number' ? 'decimal' : 'text'}
      textarea={f.tipe === 'textarea'}
      {...(pilihan ? { pilihan } : {})}
    />
  );
}

function IsianGroup(props: { judul: string; fields: readonly Isian[]; state: FormState; jenis: JenisSurat }) {
  const hints = isianHintSchema(props.jenis);
  if (props.fields.length === 0) return null;
  return (
    <fieldset class="group">
      <legend>{props.judul}</legend>
      {props.fields.map((f) => (
        <IsianField key={f.kode} f={f} state={props.state} attrs={fieldAttrs(hints, `isian.${f.kode}`)} />
      ))}
    </fieldset>
  );
}

function Tombol() {
  const { m } = usePage();
  const f = m.surat.ui.form;
  return (
    <div class="actions">
      <p class="hint" id="tombol-hint">
        {f.tombolHint}
      </p>
      <button type="submit" name="intent" value="pratinjau" formtarget="_blank" aria-describedby="tombol-hint">
        {f.pratinjau}
      </button>{' '}
      <button type="submit" name="intent" value="draf" aria-describedby="tombol-hint">
        {f.simpan}
      </button>{' '}
      <button type="submit" name="intent" value="ajukan" aria-describedby="tombol-hint">
        {f.ajukan}
      </button>
    </div>
  );
}

export interface SuratFormProps {
  ctx: PageCtx;
  desa: DesaRef;
  jenis: JenisSurat;
  action: string;
  judul: string;
  state: FormState;
  /** residents already chosen, by block */
  dipilih: Record<string, OrangRingkas>;
  hasil: HasilCari | null;
  /** the main subject's other living family members (family-member blocks); null until the subject is known */
  anggota: AnggotaRingkas[] | null;
  /** "choose another type" (new letters) */
  gantiJenis?: string;
}

/**
 * The letter form, one page for every type: its person blocks (resident by NIK or name search, or an outsider),
 * its free-entry blocks' fields under their headings, the other custom fields, then preview / save / submit.
 * Without JavaScript the name search posts the whole form back, so nothing typed is lost.
 */
export function SuratFormPage(props: SuratFormProps) {
  const { ctx, jenis, state } = props;
  const f = ctx.m.surat.ui.form;
  const manual = jenis.blok.filter((b) => b.sumber === 'manual');
  const lepas = jenis.isian.filter((x) => !x.blok || !manual.some((b) => b.kode === x.blok));
  const pertama = jenis.blok[0]?.kode;
  return (
    <Layout ctx={ctx} title={props.judul} above={<SuratCrumbs desa={props.desa} />}>
      {props.gantiJenis && (
        <p>
          <a href={props.gantiJenis}>{f.gantiJenis}</a>
        </p>
      )}
      <ErrorSummary state={state} />
      <PostForm action={props.action} label={props.judul}>
        {/* Enter in any box presses this first button: it searches (or shows the form again), never saves */}
        <button type="submit" name="intent" value="cari" class="visually-hidden" tabIndex={-1} aria-hidden="true">
          {f.tombolCari}
        </button>
        {blokOrang(jenis).map((b) => (
          <BlokOrang
            key={b.kode}
            blok={b}
            wajib={b.kode === pertama}
            state={state}
            dipilih={props.dipilih[b.kode] ?? null}
            hasil={props.hasil?.blok === b.kode ? props.hasil : null}
          />
        ))}
        {blokAnggota(jenis).map((b) => (
          <BlokAnggota key={b.kode} blok={b} state={state} anggota={props.anggota} />
        ))}
        {manual.map((b) => (
          <IsianGroup
            key={b.kode}
            judul={b.judul}
            fields={jenis.isian.filter((x) => x.blok === b.kode)}
            state={state}
            jenis={jenis}
          />
        ))}
        <IsianGroup judul={f.isian} fields={lepas} state={state} jenis={jenis} />
        <Tombol />
      </PostForm>
    </Layout>
  );
}
