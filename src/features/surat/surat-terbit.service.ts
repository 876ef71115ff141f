import { createHash } from 'node:crypto';
import { todayIn } from '#src/domain/age.js';
import { FORMAT_NOMOR_BAWAAN, formatNomor } from '#src/domain/nomor-surat.js';
import type { Langkah, StatusSurat } from '#src/domain/surat-alur.js';
import { signToken } from '#src/domain/surat-token.js';
import type { PendudukRow } from '#src/features/penduduk/penduduk.repository.js';
import { audit } from '#src/lib/audit/audit.js';
import { nowIso } from '#src/lib/db/time.js';
import { conflict } from '#src/lib/errors.js';
import { ensureDesaCertificate, tokenKey } from '#src/lib/signing/keystore.js';
import { LocalPadesSigner } from '#src/lib/signing/pades-signer.js';
import { allocateNomor } from './nomor/nomor.service.js';
import { readSetelan } from './nomor/setelan.repository.js';
import * as repo from './surat.repository.js';
import type { Pelaku } from './surat.service.js';
import { dataOf, langkahPelaku } from './surat.service.js';
import { notify, type SuratContext } from './surat-context.js';
import { jenisUntukDesa } from './surat-jenis.service.js';
import { loadDesaInfo, sebutanJudul } from './surat-konteks.js';
import { isiHash, nilaiSurat, penandatanganUntuk, renderSurat, type SuratIsi } from './surat-pdf.service.js';
import { resolveAnggota, resolveSubjek, type Subjek } from './surat-subjek.service.js';
import { berlakuSampai } from './surat-waktu.js';

/** The subjects of a saved letter, checked again now (a resident may have died or moved since the draft). */
async function subjekSekarang(ctx: SuratContext, surat: repo.SuratRow, jenis: SuratIsi['jenis']) {
  const data = dataOf(surat);
  const subjek: Record<string, Subjek> = {};
  for (const [i, blok] of jenis.def.blok.entries()) {
    const saved = data.subjek[blok.kode];
    if (!saved || blok.sumber !== 'penduduk' || 'anggota' in saved) continue;
    const input = 'penduduk_id' in saved ? { pendudukId: saved.penduduk_id } : { luar: saved.luar };
    const s = await resolveSubjek(ctx.db, surat.desa_kode, blok, input, i === 0);
    if (s) subjek[blok.kode] = s;
  }
  const anggota: Record<string, PendudukRow[]> = {};
  for (const blok of jenis.def.blok) {
    const saved = data.subjek[blok.kode];
    if (blok.sumber === 'anggota' && saved && 'anggota' in saved)
      anggota[blok.kode] = await resolveAnggota(
        ctx.db,
        surat.desa_kode,
        blok,
        { anggota: saved.anggota },
        subjek.individu,
      );
  }
  return { subjek, anggota, isian: data.isian };
}

/**
 * Issue a letter after its last approval, all in one transaction: the status moves (only if nobody else moved
 * it), the number is taken from the desa's counter, the PDF is rendered with the QR of a signed token, signed
 * (PAdES, the desa's certificate under the kabupaten CA) and stored with its hash. Any failure rolls back, the
 * number included — no gaps, no duplicates.
 */
export async function terbitkanSurat(
  ctx: SuratContext,
  pelaku: Pelaku,
  surat: repo.SuratRow,
  opts: { dari: StatusSurat[]; langkahSekarang?: Langkah; langkah: Langkah[] },
): Promise<void> {
  const desaKode = surat.desa_kode;
  const jenis = await jenisUntukDesa(ctx.db, desaKode, { id: surat.jenis_id });
  const desa = await loadDesaInfo(ctx.db, ctx.files, desaKode);
  const { subjek, anggota, isian } = await subjekSekarang(ctx, surat, jenis);
  const tanggal = todayIn();
  const tahun = Number(tanggal.slice(0, 4));
  const penomoran = (await readSetelan(ctx.db, desaKode, 'penomoran')) ?? 'per_jenis';
  const lingkup = penomoran === 'tunggal' ? '*' : jenis.def.kode;
  const format = jenis.def.format_nomor ?? (await readSetelan(ctx.db, desaKode, 'format_nomor')) ?? FORMAT_NOMOR_BAWAAN;
  const steps = langkahPelaku(pelaku, desaKode);
  const peran = steps.has('kades') ? 'kades' : steps.has('sekdes') ? 'sekdes' : null;
  const penandatangan = penandatanganUntuk(desa, peran, pelaku.nama);
  const kabupatenKode = desaKode.slice(0, 5);
  const cert = await ensureDesaCertificate(ctx.db, ctx.keys, {
    kode: desaKode,
    nama: `${sebutanJudul(desa.sebutan)} ${desa.nama}`,
    kabupatenKode,
    kabupatenNama: desa.kabupaten,
  });
  const kunciToken = await tokenKey(ctx.db, ctx.keys, kabupatenKode);
  const signer = new LocalPadesSigner(cert);
  const berlaku = berlakuSampai(tanggal, jenis.def.masa_berlaku ?? null, jenis.def.satuan_masa_berlaku ?? null);

  const nomor = await ctx.db.transaction().execute(async (trx) => {
    const moved = await repo.updateSuratFrom(
      trx,
      surat.id,
      opts.dari,
      { status: 'selesai', langkah: null },
      opts.langkahSekarang,
    );
    if (!moved) throw conflict('suratStatusBerubah');
    const urut = await allocateNomor(trx, { desaKode, lingkup, tahun });
    const nomor = formatNomor(format, {
      kodeSurat: jenis.def.kode,
      urut,
      kodeDesa: desaKode.replaceAll('.', ''),
      tanggal,
    });
    const isi: SuratIsi = {
      jenis,
      desa,
      subjek,
      anggota,
      isian,
      nomor,
      tanggal,
      berlakuSampai: berlaku,
      penandatangan,
    };
    const hash = isiHash(isi, (await nilaiSurat(trx, isi)).values);
    const token = signToken(
      { id: surat.kode_publik, nomor, desa: desaKode, tanggal, berlaku, hash },
      { kid: kunciToken.kid, privateKey: kunciToken.privateKey },
    );
    const { pdf } = await renderSurat(trx, isi, { qr: { url: `${ctx.publicUrl}/v/${token}` }, draf: false });
    const signed = await signer.signPdf(pdf, {
      reason: `${jenis.def.nama} ${nomor}`,
      location: `${sebutanJudul(desa.sebutan)} ${desa.nama}`,
      name: penandatangan.nama,
    });
    const path = `surat/${desaKode}/${tahun}/${surat.kode_publik}.pdf`;
    await ctx.files.write(path, Buffer.from(signed));
    await trx
      .updateTable('surat')
      .set({
        nomor,
        lingkup_nomor: lingkup,
        urut,
        tahun,
        tanggal,
        berlaku_sampai: berlaku,
        penandatangan: JSON.stringify(penandatangan),
        pdf_berkas: path,
        pdf_sha256: createHash('sha256').update(signed).digest('hex'),
        isi_sha256: hash,
        token,
        penanda: 'pades',
        selesai_pada: nowIso(),
      })
      .where('id', '=', surat.id)
      .execute();
    for (const l of opts.langkah)
      await repo.insertRiwayat(trx, { surat_id: surat.id, aksi: 'setujui', langkah: l, oleh: pelaku.actor.username });
    await repo.insertRiwayat(trx, { surat_id: surat.id, aksi: 'terbit', langkah: null, oleh: pelaku.actor.username });
    await audit.record(trx, pelaku.actor, {
      aksi: 'terbitkan-surat',
      entitas: 'surat',
      entitasId: surat.id,
      desaKode,
      perubahan: { nomor: [null, nomor] },
    });
    return nomor;
  });
  await notify(ctx, ctx.hooks?.terbit, { suratId: surat.id, desaKode, nomor });
}
