import { todayIn } from '#src/domain/age.js';
import type { SuratRow } from './surat.repository.js';
import { dataOf, periksaInput, rantaiDesa, type SuratInput } from './surat.service.js';
import type { SuratContext } from './surat-context.js';
import { type JenisEfektif, jenisUntukDesa } from './surat-jenis.service.js';
import { loadDesaInfo } from './surat-konteks.js';
import { penandatanganUntuk, renderSurat } from './surat-pdf.service.js';
import { berlakuSampai } from './surat-waktu.js';

/**
 * The draft preview: the letter as it would print today, without number or QR and marked DRAF. Nothing is
 * saved. The signature block names whoever gives the last approval in the desa's chain (the kepala desa
 * unless the chain ends at the sekretaris, whose name is only known when she approves).
 */
export async function pratinjauSurat(
  ctx: SuratContext,
  desaKode: string,
  jenis: JenisEfektif,
  input: SuratInput,
): Promise<Uint8Array> {
  const checked = await periksaInput(ctx.db, desaKode, jenis, input);
  const desa = await loadDesaInfo(ctx.db, ctx.files, desaKode);
  const rantai = await rantaiDesa(ctx.db, desaKode);
  const olehSekdes = rantai.length > 0 && !rantai.includes('kades');
  const tanggal = todayIn();
  const { pdf } = await renderSurat(
    ctx.db,
    {
      jenis,
      desa,
      subjek: checked.subjek,
      anggota: checked.anggota,
      isian: checked.data.isian,
      nomor: null,
      tanggal,
      berlakuSampai: berlakuSampai(tanggal, jenis.def.masa_berlaku ?? null, jenis.def.satuan_masa_berlaku ?? null),
      penandatangan: penandatanganUntuk(desa, olehSekdes ? 'sekdes' : 'kades', '……………………'),
    },
    { qr: null, draf: true },
  );
  return pdf;
}

/** The preview of a saved letter that has no signed PDF (yet): its stored subjects and answers. */
export async function pratinjauTersimpan(ctx: SuratContext, surat: SuratRow): Promise<Uint8Array> {
  const jenis = await jenisUntukDesa(ctx.db, surat.desa_kode, { id: surat.jenis_id });
  const data = dataOf(surat);
  const input: SuratInput = {
    slug: jenis.def.slug,
    subjek: Object.fromEntries(
      Object.entries(data.subjek).map(([k, s]) => [
        k,
        'penduduk_id' in s ? { pendudukId: s.penduduk_id } : 'luar' in s ? { luar: s.luar } : { anggota: s.anggota },
      ]),
    ),
    isian: data.isian,
  };
  return pratinjauSurat(ctx, surat.desa_kode, jenis, input);
}
