import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { Breadcrumbs, ErrorSummary, Field, PostForm, TextArea } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { capitalise } from '#src/lib/views/region-title.js';
import { barisLembaga, barisPerangkat } from './situs-admin.schema.js';
import type { SitusAdmin } from './situs-admin.service.js';

/** The web editor's page for the desa site's profile and contact content (/desa/{kode}/situs). */
export function SitusAdminPage({
  ctx,
  data,
  state = emptyForm(),
}: {
  ctx: PageCtx;
  data: SitusAdmin;
  state?: FormState;
}) {
  const { m } = ctx;
  const t = m.situs.admin;
  const { desa } = data;
  const nama = `${capitalise(desa.sebutan)} ${desa.nama}`;
  const v = (name: string, fallback: string | null | undefined) => state.values[name] ?? fallback ?? '';
  const filled: FormState = {
    ...state,
    values: {
      tentang: v('tentang', data.pengaturan?.tentang),
      jam_layanan: v('jam_layanan', data.pengaturan?.jam_layanan),
      kontak: v('kontak', data.pengaturan?.kontak),
      perangkat: v('perangkat', barisPerangkat(data.perangkat)),
      lembaga: v('lembaga', barisLembaga(data.lembaga)),
    },
  };
  const alamat = [`/situs/${desa.kode}`, ...data.hosts.map((h) => `https://${h}/`)];
  return (
    <Layout
      ctx={ctx}
      title={t.judul(nama)}
      above={<Breadcrumbs items={[{ href: `/desa/${desa.kode}`, label: nama }]} />}
    >
      <section class="card">
        <h2>{t.alamat}</h2>
        <ul>
          {alamat.map((a) => (
            <li key={a}>
              <a href={a}>{a}</a>
            </li>
          ))}
        </ul>
        <p class="hint">{t.alamatKet}</p>
      </section>
      <section class="card">
        <h2>{t.pengaturan}</h2>
        <ErrorSummary state={state} />
        <PostForm action={`/desa/${desa.kode}/situs`}>
          <TextArea name="tentang" label={t.tentang} hint={t.tentangHint} state={filled} rows={6} />
          <Field name="jam_layanan" label={t.jamLayanan} hint={t.jamLayananHint} state={filled} />
          <Field name="kontak" label={t.kontak} hint={t.kontakHint} state={filled} />
          <TextArea name="perangkat" label={t.perangkat} hint={t.perangkatHint} state={filled} rows={8} />
          <TextArea name="lembaga" label={t.lembaga} hint={t.lembagaHint} state={filled} rows={6} />
          <div class="field buttons">
            <button type="submit">{t.simpan}</button>
          </div>
        </PostForm>
      </section>
    </Layout>
  );
}
