import type { PageCtx } from '#src/lib/views/page-context.js';
import { AnjunganLayout } from './anjungan-layout.js';
import { nomorTiket, type Tiket } from './anjungan-tiket.service.js';

/**
 * The queue ticket. On screen: the ticket and big buttons; in print (anjungan.css @media print): only the
 * ticket, monospace, black on white, on a 58 mm roll (or 80 mm with ?kertas=80). The Print button needs the
 * script; the browser's own print menu gives the same result.
 */
export function TiketPage(p: { ctx: PageCtx; idleDetik: number; tiket: Tiket; kertas: 58 | 80 }) {
  const t = p.ctx.m.anjungan.tiket;
  const k = p.tiket;
  const base = `/anjungan/tiket/${k.id}`;
  return (
    <AnjunganLayout
      ctx={p.ctx}
      title={t.judul}
      idleDetik={p.idleDetik}
      desa={k.desa}
      kelas={p.kertas === 80 ? 'tiket tiket-80' : 'tiket'}
    >
      <div class="karcis">
        <p class="karcis-desa">{k.desa}</p>
        <p>{t.antrean}</p>
        <p class="karcis-nomor">{nomorTiket(k.nomor)}</p>
        <p>
          {t.surat}: {k.jenis}
        </p>
        <p>
          {t.tanggal}: {k.tanggal}
        </p>
        <p>
          {t.atasNama}: {k.nama}
        </p>
        <p class="karcis-catatan">{t.petunjuk}</p>
      </div>
      <div class="anj-aksi">
        <button type="button" class="anj-tombol anj-utama" data-cetak hidden>
          {t.cetak}
        </button>
        <a class="anj-tombol" href={base} aria-current={p.kertas === 58 ? 'page' : undefined}>
          58 mm
        </a>
        <a class="anj-tombol" href={`${base}?kertas=80`} aria-current={p.kertas === 80 ? 'page' : undefined}>
          80 mm
        </a>
        <a class="anj-tombol" href="/anjungan/layanan">
          {t.kembali}
        </a>
      </div>
    </AnjunganLayout>
  );
}
