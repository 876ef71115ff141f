import type { FormState } from '#src/lib/forms/form.js';
import { suratSetelanEn } from '#src/lib/i18n/surat-setelan.en.js';
import { suratSetelanId } from '#src/lib/i18n/surat-setelan.id.js';
import { CsrfInput, ErrorSummary, Field, PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { SetelanFormSchema } from './surat-setelan.schema.js';
import type { SetelanSurat } from './surat-setelan.service.js';

/** This feature's messages in the page's language (until composed into the main dictionary). */
export const teksSurat = (ctx: PageCtx) => (ctx.lang === 'en' ? suratSetelanEn : suratSetelanId);

/** A checkbox sending "1", checked from the form state. */
export function Centang(props: { name: string; label: string; state: FormState; hint?: string }) {
  const id = `f-${props.name}`;
  return (
    <div class="field check">
      <label for={id}>
        <input type="checkbox" id={id} name={props.name} value="1" checked={props.state.values[props.name] === '1'} />{' '}
        {props.label}
      </label>
      {props.hint && <p class="hint">{props.hint}</p>}
      {props.state.errors[props.name] && <p class="error">{props.state.errors[props.name]}</p>}
    </div>
  );
}

export type Contoh = { contoh: string } | { masalah: string[] };

interface SetelanProps {
  ctx: PageCtx;
  /** 'desa' pages inherit from the kabupaten, 'kabupaten' pages from the system */
  tingkat: 'desa' | 'kabupaten';
  action: string;
  setelan: SetelanSurat;
  state: FormState;
  contoh: Contoh;
  tautan: { href: string; label: string }[];
}

/** The form values a stored setting shows. */
export function nilaiSetelan(s: SetelanSurat): Record<string, string> {
  return {
    format_nomor: s.format_nomor.nilai,
    penomoran: s.penomoran.nilai,
    rantai_sekdes: s.rantai.nilai.includes('sekdes') ? '1' : '',
    rantai_kades: s.rantai.nilai.includes('kades') ? '1' : '',
  };
}

function Asal(props: { sendiri: boolean; induk: string; tingkat: 'desa' | 'kabupaten'; intent: string; ctx: PageCtx }) {
  const t = teksSurat(props.ctx).setelan;
  return (
    <p class="hint">
      {props.sendiri ? t.asalSendiri : props.tingkat === 'desa' ? t.asalIndukDesa : t.asalIndukKabupaten}{' '}
      {props.sendiri && (
        <>
          {t.bawaanNilai(props.induk)}{' '}
          <button type="submit" form="f-bawaan" name="intent" value={props.intent} class="link">
            {props.tingkat === 'desa' ? t.bawaanDesa : t.bawaanKabupaten}
          </button>
        </>
      )}
    </p>
  );
}

export function SetelanPage(props: SetelanProps) {
  const { ctx, setelan: s, state, tingkat } = props;
  const t = teksSurat(ctx).setelan;
  const langkah = (l: readonly string[]) => t.rantaiRingkas(l.map((x) => t.langkah[x] ?? x));
  return (
    <Layout ctx={ctx} title={tingkat === 'desa' ? t.judulDesa : t.judulKabupaten}>
      <p>{tingkat === 'desa' ? t.introDesa : t.introKabupaten}</p>
      <ErrorSummary state={state} />
      <PostForm action={props.action} label={tingkat === 'desa' ? t.judulDesa : t.judulKabupaten}>
        <fieldset>
          <legend>{t.formatLegend}</legend>
          <Asal
            ctx={ctx}
            tingkat={tingkat}
            sendiri={s.format_nomor.sendiri}
            induk={s.format_nomor.induk}
            intent="bawaan_format_nomor"
          />
          <Field
            name="format_nomor"
            label={t.formatLabel}
            state={state}
            schema={SetelanFormSchema}
            hint={t.formatHint}
          />
          <dl class="kode-format">
            {t.kodeFormat.map(([kode, arti]) => (
              <div key={kode}>
                <dt>
                  <code>{kode}</code>
                </dt>
                <dd>{arti}</dd>
              </div>
            ))}
          </dl>
          <div role="status" aria-live="polite">
            {'contoh' in props.contoh ? (
              <p>
                {t.contohLabel}: <strong data-contoh>{props.contoh.contoh}</strong> {t.contohKet}
              </p>
            ) : (
              <div class="error">
                <p>{t.contohMasalah}</p>
                <ul>
                  {props.contoh.masalah.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <button type="submit" name="intent" value="contoh" class="secondary">
            {t.lihatContoh}
          </button>
        </fieldset>

        <fieldset>
          <legend>{t.penomoranLegend}</legend>
          <Asal
            ctx={ctx}
            tingkat={tingkat}
            sendiri={s.penomoran.sendiri}
            induk={t.penomoran[s.penomoran.induk]}
            intent="bawaan_penomoran"
          />
          {(['per_jenis', 'tunggal'] as const).map((p) => (
            <div class="field check" key={p}>
              <label>
                <input type="radio" name="penomoran" value={p} checked={state.values.penomoran === p} />{' '}
                {t.penomoran[p]}
              </label>
              <p class="hint">{t.penomoranHint[p]}</p>
            </div>
          ))}
          {state.errors.penomoran && <p class="error">{state.errors.penomoran}</p>}
          <p class="hint">{t.penomoranCatatan}</p>
        </fieldset>

        <fieldset>
          <legend>{t.rantaiLegend}</legend>
          <Asal
            ctx={ctx}
            tingkat={tingkat}
            sendiri={s.rantai.sendiri}
            induk={langkah(s.rantai.induk)}
            intent="bawaan_rantai"
          />
          <p>{t.rantaiUrutan}</p>
          <Centang name="rantai_sekdes" label={t.rantaiSekdes} state={state} />
          <Centang name="rantai_kades" label={t.rantaiKades} state={state} />
          <p class="notice">{t.rantaiKosong}</p>
        </fieldset>

        <button type="submit" name="intent" value="simpan">
          {t.simpan}
        </button>
      </PostForm>
      {/* the "back to default" buttons belong to this form, so Enter in a field never presses them */}
      <form method="post" action={props.action} id="f-bawaan">
        <CsrfInput />
      </form>
      {props.tautan.length > 0 && (
        <ul class="links">
          {props.tautan.map((l) => (
            <li key={l.href}>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
