import { todayIn } from '#src/domain/age.js';
import { codeLabel } from '#src/domain/codes.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { PageContext, type PageCtx } from '#src/lib/views/page-context.js';
import { capitalise } from '#src/lib/views/region-title.js';
import type { PendudukDetail } from './penduduk-detail.service.js';
import { FieldGroups, unitPathLabel } from './penduduk-detail.views.js';
import { formatDate, fotoVersion, KkText, NikText } from './penduduk-display.js';

/**
 * GET /penduduk/:id/cetak — the biodata on one clean A4 page: no navigation, no forms (print CSS in
 * app.css). No script: the browser's own print command prints it.
 */
export function PrintBiodataPage({
  ctx,
  detail,
  fullNumbers,
  printedAt,
}: {
  ctx: PageCtx;
  detail: PendudukDetail;
  fullNumbers: boolean;
  printedAt: string;
}) {
  const { m, lang } = ctx;
  const p = m.pendudukUi.print;
  const { person, desa, family } = detail;
  const desaName = `${capitalise(desa.sebutan)} ${desa.nama}`;
  const v = fotoVersion(person.foto);
  return (
    <PageContext.Provider value={ctx}>
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${p.title} · ${person.nama}`}</title>
          <link rel="stylesheet" href="/aset/app.css" />
        </head>
        <body class="print-page">
          <p class="no-print">
            <a href={`/penduduk/${person.id}`}>{p.kembali}</a> · {p.petunjuk}
          </p>
          <main>
            <header class="kop">
              <p>
                <strong>{desaName.toUpperCase()}</strong>
                <br />
                {m.tingkat.kecamatan} {desa.kecamatan}
                {desa.alamat && (
                  <>
                    <br />
                    {desa.alamat}
                  </>
                )}
              </p>
            </header>
            <h1>{p.title}</h1>
            <div class="biodata-head">
              {v && <img class="foto" src={`/penduduk/${person.id}/foto?v=${v}`} alt="" width={113} />}
              <dl class="facts">
                <dt>{m.registry.field.nama}</dt>
                <dd>
                  <strong>{person.nama}</strong>
                </dd>
                <dt>{m.registry.field.nik}</dt>
                <dd>
                  <NikText nik={person.nik} sementara={person.nik_sementara} full={fullNumbers} />
                </dd>
                <dt>{m.registry.field.no_kk}</dt>
                <dd>
                  <KkText noKk={family?.no_kk} full={fullNumbers} />
                </dd>
                <dt>{m.registry.field.kk_level}</dt>
                <dd>{codeLabel('hubungan_keluarga', person.kk_level) ?? '—'}</dd>
                <dt>{m.registry.field.lingkungan_id}</dt>
                <dd>{unitPathLabel(detail, m) || '—'}</dd>
                <dt>{m.registry.field.status_dasar}</dt>
                <dd>{codeLabel('status_dasar', person.status_dasar)}</dd>
              </dl>
            </div>
            <FieldGroups detail={detail} fullNumbers={fullNumbers} />
            <footer class="ttd">
              <p class="muted">{p.dicetak(formatDateTime(printedAt, lang), ctx.user?.username ?? '?')}</p>
              <p>
                {desa.nama}, {formatDate(todayIn(), lang)}
                <br />
                {p.petugas}
              </p>
              <p class="ttd-line">({ctx.user?.nama ?? ''})</p>
            </footer>
          </main>
        </body>
      </html>
    </PageContext.Provider>
  );
}
