import type { Writable } from 'node:stream';
import type { Messages } from '#src/lib/i18n/messages.js';
import { localise } from '#src/lib/i18n/messages.js';
import { createXlsxWriter } from '#src/lib/xlsx/xlsx-write.js';
import { stagedChunks } from './impor-baca.js';
import { KOLOM_GALAT } from './impor-kolom.js';
import {
  type HasilImpor,
  headerPath,
  type ImporContext,
  readJsonFile,
  readProblems,
  stagedPath,
} from './impor-tugas.service.js';

const key = (m: { lembar?: string; baris: number }) => `${m.lembar ?? ''}|${m.baris}`;

/**
 * The result report: a summary, every problem (row, column, message), and — for resident imports — the
 * rejected rows themselves with the reason in a `galat` column, so that the operator can fix them and
 * import that sheet again (the importer ignores `galat`).
 */
export async function writeReport(
  ctx: ImporContext,
  id: number,
  hasil: HasilImpor,
  m: Messages,
  out: Writable,
): Promise<void> {
  const problems = await readProblems(ctx, id);
  const header = await readJsonFile<string[]>(headerPath(ctx, id), []);
  const xlsx = createXlsxWriter({ stream: out });
  const t = m.impor;
  const summary = xlsx.addSheet({ name: 'Ringkasan', headers: [t.kolomKolom, 'Jumlah'], widths: [30, 12] });
  for (const k of ['total', 'baru', 'diperbarui', 'tidak_berubah', 'ditolak', 'ganda', 'peringatan'] as const)
    summary.addRow([t.jumlah[k], hasil[k]]);
  summary.commit();
  const list = xlsx.addSheet({
    name: 'Masalah',
    headers: ['lembar', 'baris', 'kolom', 'jenis', 'pesan'],
    widths: [12, 8, 22, 12, 90],
  });
  for (const [jenis, items] of [
    ['galat', problems.galat],
    ['peringatan', problems.peringatan],
  ] as const)
    for (const p of items) list.addRow([p.lembar ?? '', p.baris, p.kolom, jenis, localise(p.pesan, m)]);
  list.commit();
  if (header.length > 0) {
    const reasons = new Map<string, string[]>();
    for (const p of problems.galat)
      reasons.set(key(p), [...(reasons.get(key(p)) ?? []), `${p.kolom}: ${localise(p.pesan, m)}`]);
    const names = header.map((h) => h.trim().toLowerCase());
    const textColumns = names.flatMap((n, i) => (['nik', 'no_kk', 'ayah_nik', 'ibu_nik'].includes(n) ? [i] : []));
    const rejected = xlsx.addSheet({ name: 'Ditolak', headers: [...header, KOLOM_GALAT], textColumns });
    for await (const chunk of stagedChunks(stagedPath(ctx, id), 2_000)) {
      for (const s of chunk) {
        const why = reasons.get(key(s));
        if (!why) continue;
        const cells = s.mentah
          ? header.map((_, i) => cellOut(s.mentah?.[i] ?? null))
          : names.map((n) =>
              n === 'nik' ? (s.row?.nik ?? '0') : n === 'no_kk' ? (s.row?.no_kk ?? '') : (s.row?.nilai?.[n] ?? null),
            );
        rejected.addRow([...cells, why.join('; ')]);
      }
    }
    rejected.commit();
  }
  await xlsx.commit();
}

/** A staged raw cell back into a sheet (dates were staged as ISO timestamps: written as YYYY-MM-DD). */
function cellOut(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  const text = String(v);
  return /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(text) ? text.slice(0, 10) : text;
}
