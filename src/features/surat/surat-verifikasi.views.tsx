import { formatDateTime } from '#src/lib/time-zone.js';
import { PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { tanggalPanjang } from './surat-nilai-tanggal.js';
import type { HasilVerifikasiSurat } from './surat-verifikasi.service.js';

const JUDUL: Record<HasilVerifikasiSurat['keadaan'], string> = {
  sah: 'Surat ini SAH',
  dicabut: 'Surat ini telah DICABUT',
  kedaluwarsa: 'Masa berlaku surat ini sudah HABIS',
  tidak_sah: 'Kode ini TIDAK SAH',
  tidak_terdaftar: 'Surat ini TIDAK TERDAFTAR',
};

const PENJELASAN: Record<HasilVerifikasiSurat['keadaan'], string> = {
  sah: 'Surat ini diterbitkan dan ditandatangani secara elektronik oleh pemerintah desa yang tercantum, dan tidak dicabut.',
  dicabut:
    'Surat ini pernah diterbitkan, tetapi kemudian dibatalkan oleh pemerintah desa. Surat ini tidak berlaku lagi.',
  kedaluwarsa: 'Surat ini asli, tetapi tanggal berlakunya sudah lewat. Mintalah surat baru di kantor desa.',
  tidak_sah:
    'Kode QR ini rusak, diubah, atau tidak dibuat oleh Balai. Jangan percayai surat ini; tanyakan langsung ke kantor desa.',
  tidak_terdaftar: 'Tidak ada surat terbit dengan kode ini. Tanyakan langsung ke kantor desa.',
};

export function VerifikasiPage(props: {
  ctx: PageCtx;
  token: string;
  hasil: HasilVerifikasiSurat;
  berkas?: 'sama' | 'berbeda' | 'tidak_sah' | 'kosong';
}) {
  const { hasil, berkas } = props;
  const s = hasil.surat;
  const good = hasil.keadaan === 'sah';
  return (
    <Layout ctx={props.ctx} title="Verifikasi surat">
      <section class={good ? 'notice ok' : 'notice error'} role="status" aria-live="polite">
        <h2 data-keadaan={hasil.keadaan}>{JUDUL[hasil.keadaan]}</h2>
        <p>{PENJELASAN[hasil.keadaan]}</p>
      </section>
      {s && (
        <dl class="facts">
          <dt>Nomor surat</dt>
          <dd>{s.nomor}</dd>
          <dt>Jenis surat</dt>
          <dd>{s.jenis}</dd>
          <dt>Tanggal</dt>
          <dd>{s.tanggal ? tanggalPanjang(s.tanggal) : '-'}</dd>
          <dt>Berlaku sampai</dt>
          <dd>{s.berlakuSampai ? tanggalPanjang(s.berlakuSampai) : 'Tidak dibatasi'}</dd>
          <dt>Desa</dt>
          <dd>
            {s.desa}
            {s.kecamatan ? `, Kecamatan ${s.kecamatan}` : ''}
          </dd>
          <dt>Ditandatangani oleh</dt>
          <dd>
            {s.penandatangan.nama}
            {s.penandatangan.atasNama
              ? ` (${s.penandatangan.atasNama}, ${s.penandatangan.jabatan})`
              : ` (${s.penandatangan.jabatan})`}
          </dd>
          <dt>Atas nama</dt>
          <dd>
            {s.pemegang}
            {s.nikTersamar ? ` — NIK ${s.nikTersamar}` : ''}
          </dd>
          {s.dicabutPada && (
            <>
              <dt>Dicabut pada</dt>
              <dd>
                {formatDateTime(s.dicabutPada, 'id')}
                {s.alasanPembatalan ? ` — ${s.alasanPembatalan}` : ''}
              </dd>
            </>
          )}
        </dl>
      )}
      {s && (
        <section>
          <h2>Periksa berkas PDF</h2>
          <p>Unggah berkas PDF surat yang Anda terima untuk memastikan isinya sama persis dengan yang diterbitkan.</p>
          {berkas === 'sama' && (
            <p class="notice ok" role="status">
              Berkas ini SAMA PERSIS dengan surat yang diterbitkan.
            </p>
          )}
          {berkas === 'berbeda' && (
            <p class="notice error" role="status">
              Berkas ini BERBEDA dari surat yang diterbitkan: isinya telah diubah, atau ini bukan surat tersebut.
            </p>
          )}
          {berkas === 'kosong' && (
            <p class="notice error" role="status">
              Pilih berkas PDF terlebih dahulu.
            </p>
          )}
          <PostForm action={`/v/${props.token}`} multipart label="Periksa berkas PDF">
            <label for="berkas">Berkas PDF</label>
            <input id="berkas" name="berkas" type="file" accept="application/pdf" required />
            <button type="submit">Periksa</button>
          </PostForm>
        </section>
      )}
      <p class="muted">
        Kode QR surat Balai ditandatangani secara digital; kunci publiknya tersedia di{' '}
        <a href="/v/kunci.json">/v/kunci.json</a> sehingga keaslian kode dapat diperiksa juga tanpa server desa.
      </p>
    </Layout>
  );
}
