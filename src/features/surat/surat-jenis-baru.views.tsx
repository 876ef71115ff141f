import type { FormState } from '#src/lib/forms/form.js';
import { ErrorSummary, Field, PostForm, Select } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { type JenisSurat, SUMBER_DATA } from './surat-jenis.schema.js';
import { BLOK_PILIHAN, JUDUL_INDIVIDU, jumlahBarisIsian, TIPE_ISIAN } from './surat-jenis-baru.schema.js';
import { Centang, teksSurat } from './surat-setelan.views.js';
import { PratinjauFrame, TombolPratinjau } from './surat-template.views.js';

export interface JenisBaris {
  slug: string;
  kode: string;
  nama: string;
  buatanKabupaten: boolean;
  aktif: boolean;
  mandiri: boolean;
}

export function JenisListPage(props: { ctx: PageCtx; daftar: JenisBaris[] }) {
  const { ctx } = props;
  const t = teksSurat(ctx).jenis;
  return (
    <Layout ctx={ctx} title={t.judulDaftar}>
      <p>{t.introDaftar}</p>
      <p>
        <a href="/kabupaten/surat/jenis/baru" class="button">
          {t.tambah}
        </a>{' '}
        · <a href="/kabupaten/surat/setelan">{teksSurat(ctx).setelan.judulKabupaten}</a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.kolomNama}</th>
            <th scope="col">{t.kolomKode}</th>
            <th scope="col">{t.kolomAsal}</th>
            <th scope="col">{t.kolomMandiri}</th>
          </tr>
        </thead>
        <tbody>
          {props.daftar.map((j) => (
            <tr key={j.slug} data-slug={j.slug}>
              <td>
                <a href={`/kabupaten/surat/jenis/${j.slug}`}>{j.nama}</a>
                {!j.aktif && ` (${t.nonaktif})`}
              </td>
              <td>{j.kode}</td>
              <td>{j.buatanKabupaten ? <strong>{t.asalKabupaten}</strong> : t.asalBawaan}</td>
              <td>{j.mandiri ? ctx.m.common.ya : ctx.m.common.tidak}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

function Sumber({ ctx, kode, judul, state }: { ctx: PageCtx; kode: string; judul: string; state: FormState }) {
  const t = teksSurat(ctx).jenis;
  return (
    <fieldset class={state.errors[`blok_${kode}`] ? 'has-error' : undefined}>
      <legend>{t.sumberLegend(judul)}</legend>
      {state.errors[`blok_${kode}`] && (
        <p class="error" id={`f-blok_${kode}`}>
          {state.errors[`blok_${kode}`]}
        </p>
      )}
      {SUMBER_DATA.map((s) => (
        <Centang key={s} name={`sumber_${kode}_${s}`} label={t.sumber[s] ?? s} state={state} />
      ))}
    </fieldset>
  );
}

function BarisIsian({ ctx, n, state }: { ctx: PageCtx; n: number; state: FormState }) {
  const t = teksSurat(ctx).jenis;
  const v = (f: string) => state.values[`isian_${n}_${f}`] ?? '';
  const err = ['kode', 'nama', 'tipe', 'pilihan'].map((f) => state.errors[`isian_${n}_${f}`]).find(Boolean);
  return (
    <tr class={err ? 'has-error' : undefined}>
      <td>{n + 1}</td>
      <td>
        <input
          id={`f-isian_${n}_kode`}
          name={`isian_${n}_kode`}
          value={v('kode')}
          maxLength={60}
          aria-label={`${t.kolomKodeIsian} ${n + 1}`}
        />
        {err && <p class="error">{err}</p>}
      </td>
      <td>
        <input
          id={`f-isian_${n}_nama`}
          name={`isian_${n}_nama`}
          value={v('nama')}
          maxLength={100}
          aria-label={`${t.kolomNamaIsian} ${n + 1}`}
        />
      </td>
      <td>
        <select id={`f-isian_${n}_tipe`} name={`isian_${n}_tipe`} aria-label={`${t.kolomTipe} ${n + 1}`}>
          {TIPE_ISIAN.map((x) => (
            <option key={x} value={x} selected={(v('tipe') || 'text') === x}>
              {t.tipe[x] ?? x}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="checkbox"
          name={`isian_${n}_wajib`}
          value="1"
          checked={v('wajib') === '1'}
          aria-label={`${t.kolomWajib} ${n + 1}`}
        />
      </td>
      <td>
        <input
          id={`f-isian_${n}_pilihan`}
          name={`isian_${n}_pilihan`}
          value={v('pilihan')}
          aria-label={`${t.kolomPilihan} ${n + 1}`}
        />
      </td>
    </tr>
  );
}

const barisTerisi = (values: Record<string, string>) => {
  let last = -1;
  for (const k of Object.keys(values)) {
    const m = /^isian_(\d+)_(kode|nama)$/.exec(k);
    if (m && values[k]) last = Math.max(last, Number(m[1]));
  }
  return last + 1;
};

/** New type (`slug` null) or a kabupaten-made type being edited. */
export function JenisFormPage(props: { ctx: PageCtx; slug: string | null; nama?: string; state: FormState }) {
  const { ctx, state, slug } = props;
  const t = teksSurat(ctx).jenis;
  const action = slug ? `/kabupaten/surat/jenis/${slug}` : '/kabupaten/surat/jenis/baru';
  const title = slug ? t.judulUbah(props.nama ?? slug) : t.judulBaru;
  const baris = jumlahBarisIsian(barisTerisi(state.values));
  const above = (
    <p>
      <a href="/kabupaten/surat/jenis">{t.judulDaftar}</a>
    </p>
  );
  return (
    <Layout ctx={ctx} title={title} above={above}>
      <ErrorSummary state={state} />
      <PostForm action={action} label={title}>
        {slug && <input type="hidden" name="asal" value={slug} />}
        <fieldset>
          <legend>{t.identitas}</legend>
          <Field name="nama" label={t.namaLabel} hint={t.namaHint} state={state} />
          <Field name="kode" label={t.kodeLabel} hint={t.kodeHint} state={state} />
          {slug ? (
            <p>
              {t.slugLabel}: <code>{slug}</code>
            </p>
          ) : (
            <Field name="slug" label={t.slugLabel} hint={t.slugHint} state={state} />
          )}
          <Select
            name="kertas"
            label={t.kertasLabel}
            state={state}
            options={['F4', 'A4'].map((k) => ({ value: k, label: k }))}
          />
          <Field name="masa_berlaku" label={t.masaLabel} hint={t.masaHint} state={state} inputMode="numeric" />
          <Select
            name="satuan_masa_berlaku"
            label={t.satuanLabel}
            state={state}
            options={Object.entries(t.satuan).map(([value, label]) => ({ value, label }))}
          />
          <Centang name="mandiri" label={t.mandiriLabel} state={state} />
          <Centang name="qr" label={t.qrLabel} state={state} />
          {slug && <Centang name="aktif" label={t.aktifLabel} state={state} />}
        </fieldset>
        <fieldset>
          <legend>{t.orangLegend}</legend>
          <p class="hint">{t.orangIntro}</p>
          <Sumber ctx={ctx} kode="individu" judul={JUDUL_INDIVIDU} state={state} />
          {BLOK_PILIHAN.map((b) => (
            <div key={b.kode} class="blok-pilihan">
              <Centang name={`blok_${b.kode}`} label={t.pakaiBlok(b.judul)} state={state} />
              <Sumber ctx={ctx} kode={b.kode} judul={b.judul} state={state} />
            </div>
          ))}
          {state.errors.blok && <p class="error">{state.errors.blok}</p>}
        </fieldset>
        <fieldset>
          <legend>{t.isianLegend}</legend>
          <p class="hint">{t.isianIntro}</p>
          <table class="isian">
            <thead>
              <tr>
                <th scope="col">{t.kolomNo}</th>
                <th scope="col">{t.kolomKodeIsian}</th>
                <th scope="col">{t.kolomNamaIsian}</th>
                <th scope="col">{t.kolomTipe}</th>
                <th scope="col">{t.kolomWajib}</th>
                <th scope="col">{t.kolomPilihan}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: baris }, (_, n) => (
                <BarisIsian key={n} ctx={ctx} n={n} state={state} />
              ))}
            </tbody>
          </table>
        </fieldset>
        <fieldset>
          <legend>{t.isiLegend}</legend>
          <div class={state.errors.template ? 'field has-error' : 'field'}>
            <label for="f-template">{teksSurat(ctx).templat.isiLabel}</label>
            <p class="hint">{teksSurat(ctx).templat.isiHint}</p>
            <p class="hint">{t.isiKode}</p>
            <p class="hint">{teksSurat(ctx).templat.kodeAturan}</p>
            {state.errors.template && <p class="error">{state.errors.template}</p>}
            <textarea id="f-template" name="template" rows={20} required spellcheck={false}>
              {state.values.template ?? ''}
            </textarea>
          </div>
        </fieldset>
        <button type="submit">{t.simpan}</button>{' '}
        <TombolPratinjau ctx={ctx} action="/kabupaten/surat/jenis/pratinjau" />
      </PostForm>
      <PratinjauFrame ctx={ctx} />
    </Layout>
  );
}

/** A built-in type, read-only for the kabupaten. */
export function JenisLihatPage(props: { ctx: PageCtx; def: JenisSurat }) {
  const { ctx, def } = props;
  const t = teksSurat(ctx).jenis;
  const above = (
    <p>
      <a href="/kabupaten/surat/jenis">{t.judulDaftar}</a>
    </p>
  );
  return (
    <Layout ctx={ctx} title={t.judulLihat(def.nama)} above={above}>
      <p class="notice">{t.bawaanBacaSaja}</p>
      <dl class="facts">
        <dt>{t.kodeLabel}</dt>
        <dd>{def.kode}</dd>
        <dt>{t.slugLabel}</dt>
        <dd>
          <code>{def.slug}</code>
        </dd>
        <dt>{t.kertasLabel}</dt>
        <dd>{def.kertas}</dd>
        <dt>{t.masaLabel}</dt>
        <dd>
          {def.masa_berlaku === null ? '-' : `${def.masa_berlaku} ${t.satuan[def.satuan_masa_berlaku ?? ''] ?? ''}`}
        </dd>
        <dt>{t.mandiriLabel}</dt>
        <dd>{def.mandiri ? ctx.m.common.ya : ctx.m.common.tidak}</dd>
        <dt>{t.blokLabel}</dt>
        <dd>
          {def.blok.map((b) => `${b.judul} (${b.data.map((s) => t.sumber[s] ?? s).join(', ') || b.sumber})`).join('; ')}
        </dd>
        <dt>{t.isianLabel}</dt>
        <dd>
          {def.isian.length === 0
            ? t.tidakAda
            : def.isian
                .map((f) => `${f.nama} [form_${f.kode}] — ${t.tipe[f.tipe] ?? f.tipe}${f.wajib ? ' *' : ''}`)
                .join('; ')}
        </dd>
      </dl>
      <h2>{t.isiLegend}</h2>
      <pre class="templat">{def.template}</pre>
    </Layout>
  );
}
