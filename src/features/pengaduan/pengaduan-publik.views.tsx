import { asetUrl } from '#src/features/assets/assets.routes.js';
import { waktu } from '#src/features/kamera/layanan-form.js';
import type { Situs } from '#src/features/situs/situs-context.js';
import { situsHref } from '#src/features/situs/situs-context.js';
import { SitusLayout } from '#src/features/situs/situs-layout.js';
import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import type { Lang, Messages } from '#src/lib/i18n/messages.js';
import { ErrorSummary, Field, Select, TextArea } from '#src/lib/views/components.js';
import { PageContext, type PageCtx } from '#src/lib/views/page-context.js';
import { PengaduanSchema } from './pengaduan.schema.js';
import type { PengaduanPublik } from './pengaduan.service.js';
import { KATEGORI_PENGADUAN } from './pengaduan.table.js';

const head = <link rel="stylesheet" href={asetUrl('layanan.css')} />;

interface Ringkas {
  id: number;
  nomor: string;
  nama: string | null;
  kategori: string;
  isi: string;
  status: string;
  dibuat_pada: string;
}

/** The complaint form (works without JavaScript), a tracking look-up and the latest public complaints. */
export function PengaduanPage(p: { situs: Situs; ctx: PageCtx; token: string; daftar: Ringkas[]; state?: FormState }) {
  const { situs, ctx } = p;
  const { m, lang } = ctx;
  const t = m.layanan.pengaduan;
  const s = p.state ?? emptyForm();
  return (
    <PageContext.Provider value={ctx}>
      <SitusLayout situs={situs} m={m} title={t.judul} description={t.intro} head={head}>
        <h1>{t.judul}</h1>
        <p>{t.intro}</p>
        <form method="get" action={situsHref(situs, '/pengaduan')} class="lacak" aria-label={t.lacak}>
          <label for="f-nomor">{t.lacak}</label>
          <input id="f-nomor" name="nomor" placeholder="ADU-7K3M9Q" maxLength={10} autocomplete="off" />
          <button type="submit">{t.cari}</button>
        </form>
        <h2>{t.kirim}</h2>
        <ErrorSummary state={s} />
        <form method="post" action={situsHref(situs, '/pengaduan')} enctype="multipart/form-data" aria-label={t.kirim}>
          <input type="hidden" name="token" value={p.token} />
          <div class="jebakan" aria-hidden="true">
            <label for="f-situs_web">{t.jebakan}</label>
            <input id="f-situs_web" name="situs_web" tabIndex={-1} autocomplete="off" />
          </div>
          <Field name="nama" label={t.nama} hint={t.namaHint} state={s} schema={PengaduanSchema} autocomplete="name" />
          <Field
            name="kontak"
            label={t.kontak}
            hint={t.kontakHint}
            state={s}
            schema={PengaduanSchema}
            autocomplete="tel"
          />
          <Select
            name="kategori"
            label={t.kategori}
            state={s}
            options={KATEGORI_PENGADUAN.map((k) => ({ value: k, label: t.kategoriPilihan[k] ?? k }))}
          />
          <TextArea name="isi" label={t.isi} hint={t.isiHint} state={s} rows={6} />
          <div class={s.errors.foto ? 'field has-error' : 'field'}>
            <label for="f-foto">
              {t.foto} <span class="opt">{m.common.opsional}</span>
            </label>
            <p class="hint" id="f-foto-hint">
              {t.fotoHint}
            </p>
            {s.errors.foto ? (
              <p class="error" id="f-foto-error">
                {s.errors.foto}
              </p>
            ) : null}
            <input
              id="f-foto"
              name="foto"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              aria-describedby="f-foto-hint"
            />
          </div>
          <button type="submit">{t.kirim}</button>
        </form>
        <h2>{t.daftar}</h2>
        {p.daftar.length === 0 ? <p>{t.kosong}</p> : <Daftar situs={situs} m={m} lang={lang} daftar={p.daftar} />}
      </SitusLayout>
    </PageContext.Provider>
  );
}

function Daftar({ situs, m, lang, daftar }: { situs: Situs; m: Messages; lang: Lang; daftar: Ringkas[] }) {
  const t = m.layanan.pengaduan;
  return (
    <ul class="aduan-daftar">
      {daftar.map((a) => (
        <li key={a.id}>
          <h3>
            <a href={situsHref(situs, `/pengaduan/${a.nomor}`)}>{a.nomor}</a> · {t.kategoriPilihan[a.kategori]}
          </h3>
          <p>
            <span class={`lencana lencana-${a.status}`}>{t.status[a.status]}</span> {waktu(a.dibuat_pada, lang)} ·{' '}
            {a.nama ?? t.anonim}
          </p>
          <p class="teks">{a.isi.length > 300 ? `${a.isi.slice(0, 300)}…` : a.isi}</p>
        </li>
      ))}
    </ul>
  );
}

/** The tracking page: state, reason when closed, public replies; never the contact. */
export function PengaduanLacakPage(p: {
  situs: Situs;
  m: Messages;
  lang: Lang;
  data: PengaduanPublik;
  flash: string | null;
}) {
  const { situs, m, lang } = p;
  const t = m.layanan.pengaduan;
  const a = p.data.pengaduan;
  return (
    <SitusLayout situs={situs} m={m} title={`${t.judul} ${a.nomor}`} head={head}>
      {p.flash ? (
        <div class="flash" role="status">
          <p>{p.flash}</p>
          <p>
            {t.catatNomor} <strong class="nomor">{a.nomor}</strong>
          </p>
        </div>
      ) : null}
      <p>
        <a href={situsHref(situs, '/pengaduan')}>{t.judul}</a>
      </p>
      <h1>
        {t.nomor} {a.nomor}
      </h1>
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <span class={`lencana lencana-${a.status}`}>{t.status[a.status]}</span>
        </dd>
        {a.status === 'ditutup' && a.alasan_tutup ? (
          <>
            <dt>{t.alasanTutup}</dt>
            <dd>{a.alasan_tutup}</dd>
          </>
        ) : null}
        <dt>{t.kategori}</dt>
        <dd>{t.kategoriPilihan[a.kategori]}</dd>
        <dt>{t.diterimaPada}</dt>
        <dd>{waktu(a.dibuat_pada, lang)}</dd>
        <dt>{t.nama}</dt>
        <dd>{a.nama ?? t.anonim}</dd>
      </dl>
      <p class="teks">{a.isi}</p>
      {a.adaFoto ? (
        <img src={situsHref(situs, `/pengaduan/${a.nomor}/foto`)} alt={t.fotoAlt} class="aduan-foto" loading="lazy" />
      ) : null}
      <h2>{t.tanggapan}</h2>
      {p.data.tanggapan.length === 0 ? (
        <p>{t.belumAdaTanggapan}</p>
      ) : (
        <ol class="aduan-tanggapan">
          {p.data.tanggapan.map((r) => (
            <li key={r.id}>
              <p class="muted">
                {waktu(r.dibuat_pada, lang)}
                {r.status_baru ? ` · ${t.status[r.status_baru]}` : ''}
              </p>
              {r.isi ? <p class="teks">{r.isi}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </SitusLayout>
  );
}
