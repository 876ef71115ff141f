import type { FormState } from '#src/lib/forms/form.js';
import { ErrorSummary, PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { Blok, Isian } from './surat-jenis.schema.js';
import { KUNCI_UMUM, kunciBlok } from './surat-nilai-kunci.js';
import { teksSurat } from './surat-setelan.views.js';
import type { Templat, TemplatDesaBaris } from './surat-template.service.js';

export function TemplatListPage(props: { ctx: PageCtx; kode: string; daftar: TemplatDesaBaris[] }) {
  const { ctx } = props;
  const t = teksSurat(ctx).templat;
  return (
    <Layout ctx={ctx} title={t.judul}>
      <p>{t.intro}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.kolomNama}</th>
            <th scope="col">{t.kolomKode}</th>
            <th scope="col">{t.kolomAsal}</th>
            <th scope="col">{t.kolomKeadaan}</th>
          </tr>
        </thead>
        <tbody>
          {props.daftar.map((j) => (
            <tr key={j.slug} data-slug={j.slug}>
              <td>
                <a href={`/desa/${props.kode}/surat/template/${j.slug}`}>{j.nama}</a>
              </td>
              <td>{j.kode}</td>
              <td>{t.asal[j.asal]}</td>
              <td>
                {j.templateDesa ? <strong>{t.templatDesa}</strong> : t.templatBawaan}
                {j.nonaktif && ` · ${t.nonaktif}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

/** The placeholders a type knows, grouped: always there, per person block, custom fields. */
export function DaftarKode(props: { ctx: PageCtx; blok: readonly Blok[]; isian: readonly Isian[] }) {
  const t = teksSurat(props.ctx).templat;
  const grup: { judul: string; kode: string[] }[] = [{ judul: t.grupUmum, kode: [...KUNCI_UMUM] }];
  for (const b of props.blok) {
    const kode = kunciBlok(b);
    if (kode.length > 0) grup.push({ judul: t.grupOrang(b.judul), kode });
  }
  if (props.isian.length > 0) grup.push({ judul: t.grupIsian, kode: props.isian.map((f) => `form_${f.kode}`) });
  return (
    <aside class="kode-isian" aria-labelledby="kode-isian-judul">
      <h2 id="kode-isian-judul">{t.kodeJudul}</h2>
      <p class="hint">{t.kodeAturan}</p>
      <p class="hint">{t.kodeTerbilang}</p>
      {grup.map((g, i) => (
        <details key={g.judul} open={i === 0 || g.judul === t.grupIsian}>
          <summary>{g.judul}</summary>
          <ul class="kode">
            {g.kode.map((k) => (
              <li key={k}>
                <code>[{k}]</code>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </aside>
  );
}

/** Preview frame and the script that refreshes it after typing stops (the buttons work without it). */
export function PratinjauFrame({ ctx }: { ctx: PageCtx }) {
  const t = teksSurat(ctx).templat;
  return (
    <section aria-labelledby="pratinjau-judul">
      <h2 id="pratinjau-judul">{t.pratinjauJudul}</h2>
      <p class="hint">{t.pratinjauHint}</p>
      <iframe name="pratinjau-surat" title={t.pratinjauJudul} src="about:blank" width="100%" height="900" />
      <script src="/aset/surat-pratinjau.js" defer />
    </section>
  );
}

/** Submit buttons for a preview of the form they sit in: into the frame, or a new tab. */
export function TombolPratinjau({ ctx, action }: { ctx: PageCtx; action: string }) {
  const t = teksSurat(ctx).templat;
  return (
    <>
      <button
        type="submit"
        class="secondary"
        formaction={action}
        formtarget="pratinjau-surat"
        formnovalidate
        data-pratinjau
      >
        {t.pratinjau}
      </button>{' '}
      <button type="submit" class="secondary" formaction={action} formtarget="_blank" formnovalidate>
        {t.pratinjauTab}
      </button>
    </>
  );
}

export function TemplatEditPage(props: { ctx: PageCtx; kode: string; templat: Templat; state: FormState }) {
  const { ctx, templat: tp, state } = props;
  const t = teksSurat(ctx).templat;
  const base = `/desa/${props.kode}/surat/template/${tp.def.slug}`;
  const above = (
    <p>
      <a href={`/desa/${props.kode}/surat/template`}>{t.kembaliDaftar}</a>
    </p>
  );
  return (
    <Layout ctx={ctx} title={t.judulUbah(tp.def.nama)} above={above}>
      <p role="status">
        {tp.templateDesa ? t.keadaanDesa : t.keadaanBawaan}
        {tp.nonaktif && ` ${t.keadaanNonaktif}`}
      </p>
      <ErrorSummary state={state} />
      <PostForm action={base} label={t.judulUbah(tp.def.nama)}>
        <div class={state.errors.template ? 'field has-error' : 'field'}>
          <label for="f-template">{t.isiLabel}</label>
          <p class="hint" id="f-template-hint">
            {t.isiHint}
          </p>
          {state.errors.template && (
            <p class="error" id="f-template-error">
              {state.errors.template}
            </p>
          )}
          <textarea
            id="f-template"
            name="template"
            rows={24}
            required
            spellcheck={false}
            data-pratinjau
            aria-describedby={state.errors.template ? 'f-template-hint f-template-error' : 'f-template-hint'}
            aria-invalid={state.errors.template ? 'true' : undefined}
          >
            {state.values.template ?? tp.template}
          </textarea>
        </div>
        <button type="submit" name="intent" value="simpan">
          {t.simpan}
        </button>{' '}
        <TombolPratinjau ctx={ctx} action={`${base}/pratinjau`} />
      </PostForm>
      <DaftarKode ctx={ctx} blok={tp.def.blok} isian={tp.def.isian} />
      <PratinjauFrame ctx={ctx} />
      <PostForm action={base} class="inline">
        {tp.templateDesa && (
          <button type="submit" name="intent" value="bawaan" class="secondary">
            {t.bawaan}
          </button>
        )}{' '}
        <button type="submit" name="intent" value={tp.nonaktif ? 'aktifkan' : 'nonaktif'} class="secondary">
          {tp.nonaktif ? t.aktifkan : t.nonaktifkan}
        </button>
      </PostForm>
    </Layout>
  );
}
