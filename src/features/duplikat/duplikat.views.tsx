import { maskNumber } from '#src/domain/nik.js';
import { PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import { type PageCtx, usePage } from '#src/lib/views/page-context.js';
import type { PairRow } from './duplikat.repository.js';

interface Side {
  id: number;
  nama: string;
  desa: string;
  lahir: string | null;
  ibu: string | null;
  nik: string | null;
  sementara: string | null;
  status: number;
}

const side = (p: PairRow, s: 'a' | 'b'): Side => ({
  id: p[`${s}_id`],
  nama: p[`${s}_nama`],
  desa: p[`${s}_desa`],
  lahir: p[`${s}_lahir`],
  ibu: p[`${s}_ibu`],
  nik: p[`${s}_nik`],
  sementara: p[`${s}_nik_sementara`],
  status: p[`${s}_status`],
});

function Person({ s, showNik, pairId }: { s: Side; showNik: boolean; pairId: number }) {
  const { m } = usePage();
  const number = s.nik ?? s.sementara;
  return (
    <td>
      <a href={`/penduduk/${s.id}`}>{s.nama}</a>
      <div class="muted">
        {m.registry.field.nik}: {number ? (showNik ? number : maskNumber(number)) : '—'}
        {!s.nik && ' (sementara)'}
      </div>
      <div class="muted">
        {m.registry.field.tanggallahir}: {s.lahir ?? '—'} · {m.registry.field.nama_ibu}: {s.ibu ?? '—'} ·{' '}
        <code>{s.desa}</code>
      </div>
      <PostForm action={`/duplikat/${pairId}`} class="inline">
        <input type="hidden" name="intent" value="gabung" />
        <input type="hidden" name="pertahankan_id" value={String(s.id)} />
        <button type="submit" class="small" aria-label={`${m.registry.antrian.pertahankan}: ${s.nama} #${s.id}`}>
          {m.registry.antrian.pertahankan}
        </button>
      </PostForm>
    </td>
  );
}

export function DuplikatPage(props: { ctx: PageCtx; pairs: PairRow[]; showNik: boolean; scanAction: string | null }) {
  const { ctx, pairs, showNik } = props;
  const t = ctx.m.registry.antrian;
  return (
    <Layout ctx={ctx} title={t.duplikatJudul}>
      <p>{t.duplikatIntro}</p>
      {props.scanAction && (
        <PostForm action={props.scanAction}>
          <button type="submit" class="secondary">
            {t.pindai}
          </button>
        </PostForm>
      )}
      {pairs.length === 0 ? (
        <p class="muted">{t.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{ctx.m.common.status}</th>
                <th scope="col">A</th>
                <th scope="col">B</th>
                <th scope="col">{ctx.m.common.aksi}</th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((p) => (
                <tr key={p.id}>
                  <td>{t.alasan[p.alasan] ?? p.alasan}</td>
                  <Person s={side(p, 'a')} showNik={showNik} pairId={p.id} />
                  <Person s={side(p, 'b')} showNik={showNik} pairId={p.id} />
                  <td>
                    <PostForm action={`/duplikat/${p.id}`} class="inline">
                      <input type="hidden" name="intent" value="abaikan" />
                      <button type="submit" class="small secondary">
                        {t.bukanSama}
                      </button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** The duplicate queue in one line, for the data-quality page. */
export function DuplicateSummary({ kode, open }: { kode: string; open: number }) {
  const { m } = usePage();
  const t = m.registry.antrian;
  return (
    <p>
      {open === 0 ? t.kosong : t.terbuka(open)} <a href={`/desa/${kode}/duplikat`}>{t.buka}</a>
    </p>
  );
}
