import { codeLabel } from '#src/domain/codes.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { capitalise } from '#src/lib/views/region-title.js';
import type { DesaInfo } from './keluarga.views.js';
import { formatDate, NumberText } from './keluarga-ui.js';
import type { FamilyPage } from './keluarga-view.service.js';

interface Props {
  ctx: PageCtx;
  desa: DesaInfo & { kecamatan: string };
  data: FamilyPage;
  fullNumbers: boolean;
  unit: string | null;
  printedAt: string;
}

/**
 * A printable family view laid out like a KK (members table). Print styles (public/app.css, `@media print`)
 * hide the site's header, menu and footer; coded values use the official Indonesian labels, as on a KK.
 */
export function KeluargaCetakPage({ ctx, desa, data, fullNumbers, unit, printedAt }: Props) {
  const { m, lang } = ctx;
  const k = m.keluarga;
  const { family, members } = data;
  const head = members.find((p) => p.id === family.kepala_id);
  const label = (list: Parameters<typeof codeLabel>[0], c: number | null) => codeLabel(list, c) ?? '—';
  return (
    <Layout ctx={ctx} title={k.cetakJudul}>
      <p class="no-print">
        {k.cetakPetunjuk} <a href={`/keluarga/${family.id}`}>{k.kembaliKeKk}</a>
      </p>
      <section class="kk-print">
        <dl class="facts">
          <dt>{k.nomorKk}</dt>
          <dd>
            <NumberText value={family.no_kk} full={fullNumbers} />
          </dd>
          <dt>{k.kepala}</dt>
          <dd>{head?.nama ?? '—'}</dd>
          <dt>{k.alamat}</dt>
          <dd>{family.alamat ?? '—'}</dd>
          <dt>{k.wilayah}</dt>
          <dd>{unit ?? '—'}</dd>
          <dt>{capitalise(desa.sebutan)}</dt>
          <dd>{desa.nama}</dd>
          <dt>{m.tingkat.kecamatan}</dt>
          <dd>{desa.kecamatan}</dd>
        </dl>
        <table class="kk-members">
          <caption>{k.anggota}</caption>
          <thead>
            <tr>
              <th scope="col">{k.no}</th>
              <th scope="col">{k.nama}</th>
              <th scope="col">{k.nik}</th>
              <th scope="col">{k.jk}</th>
              <th scope="col">{k.lahir}</th>
              <th scope="col">{k.agama}</th>
              <th scope="col">{k.pendidikan}</th>
              <th scope="col">{k.pekerjaan}</th>
              <th scope="col">{k.statusKawin}</th>
              <th scope="col">{k.shdk}</th>
              <th scope="col">{k.orangTua}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((p, i) => (
              <tr key={p.id}>
                <td>{i + 1}</td>
                <td>{p.nama}</td>
                <td>
                  <NumberText value={p.nik ?? p.nik_sementara} full={fullNumbers} />
                </td>
                <td>{label('jenis_kelamin', p.sex)}</td>
                <td>
                  {p.tempatlahir ? `${p.tempatlahir}, ` : ''}
                  {formatDate(p.tanggallahir, lang)}
                </td>
                <td>{label('agama', p.agama_id)}</td>
                <td>{label('pendidikan_kk', p.pendidikan_kk_id)}</td>
                <td>{label('pekerjaan', p.pekerjaan_id)}</td>
                <td>{label('status_kawin', p.status_kawin)}</td>
                <td>{label('hubungan_keluarga', p.kk_level)}</td>
                <td>
                  {p.nama_ayah ?? '—'} / {p.nama_ibu ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="muted">
          {k.cetakCatatan} {k.dicetakPada}: {formatDateTime(printedAt, lang)}
        </p>
      </section>
    </Layout>
  );
}
