import { z } from 'zod';
import { codeFromInput } from '#src/domain/codes.js';
import { cleanNumber, parseNoKk } from '#src/domain/nik.js';
import { optionalText, positiveId, requiredText } from '#src/lib/forms/fields.js';
import { code, lookupNumber, noKk, optionalDate, requiredCode } from '#src/lib/forms/penduduk-fields.js';

/**
 * The family forms: the new-KK page and the operation forms of a family's page (told apart by `intent`).
 * Messages are dictionary keys, localised when the form is shown again.
 */

/** Empty → null (a temporary number is issued); otherwise a real 16-digit KK number. */
export const optionalNoKk = () =>
  z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v) => (v === undefined || v === null ? '' : cleanNumber(String(v).trim())))
    .superRefine((v, ctx) => {
      if (v !== '' && !parseNoKk(v).ok) ctx.addIssue({ code: 'custom', message: 'kkFormat' });
    })
    .transform((v) => (v === '' ? null : v));

/** A row id from a select or hidden field; empty → null. */
export const optionalId = () =>
  z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v, ctx) => {
      if (v === undefined || v === null || v === '') return null;
      const n = Number(v);
      if (!Number.isSafeInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: 'pilihanTidakValid' });
        return z.NEVER;
      }
      return n;
    });

/** One or more ids from checkboxes (a browser sends the name once per ticked box). */
const idList = () =>
  z
    .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))], { error: 'pilihAnggota' })
    .optional()
    .transform((v, ctx) => {
      const list = v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v];
      const ids = list.map(Number);
      if (ids.length === 0) ctx.addIssue({ code: 'custom', message: 'pilihAnggota' });
      if (ids.some((n) => !Number.isSafeInteger(n) || n <= 0))
        ctx.addIssue({ code: 'custom', message: 'pilihanTidakValid' });
      return ids;
    });

/** SHDK of a member: any code but 1 (the head changes only through "ganti kepala keluarga"). */
export const shdkAnggota = () =>
  requiredCode('hubungan_keluarga').refine((v) => v !== 1, { error: 'shdkSatuLewatGantiKepala' });

export const versi = () => z.coerce.number({ error: 'pilihanTidakValid' }).int().min(1, { error: 'pilihanTidakValid' });

export const NewKkSchema = z.object({
  penduduk_id: positiveId(),
  no_kk: optionalNoKk(),
  alamat: optionalText(200),
  kelas_sosial: code('keluarga_sejahtera'),
  lingkungan_id: optionalId(),
  kepala_baru_id: optionalId(),
});
export type NewKk = z.infer<typeof NewKkSchema>;

export const SplitSchema = z
  .looseObject({
    intent: z.literal('pecah'),
    anggota: idList(),
    kepala_id: positiveId(),
    no_kk: optionalNoKk(),
    kepala_baru_id: optionalId(),
  })
  .transform((v, ctx) => {
    // each member's SHDK in the new KK comes as shdk_<id>
    const shdk: Record<number, number> = {};
    for (const id of v.anggota) {
      const raw = v[`shdk_${id}`];
      if (raw === undefined || raw === '' || id === v.kepala_id) continue;
      const c = typeof raw === 'string' || typeof raw === 'number' ? codeFromInput('hubungan_keluarga', raw) : null;
      if (c === null || c === 1) {
        ctx.addIssue({
          code: 'custom',
          path: [`shdk_${id}`],
          message: c === 1 ? 'shdkSatuLewatGantiKepala' : 'pilihanTidakValid',
        });
      } else shdk[id] = c;
    }
    return {
      intent: 'pecah' as const,
      anggota: v.anggota,
      kepala_id: v.kepala_id,
      no_kk: v.no_kk,
      kepala_baru_id: v.kepala_baru_id,
      shdk,
    };
  });

/** One schema per operation form (also the source of each form's required/maxlength hints). */
export const OP = {
  tambahAnggota: z.object({
    intent: z.literal('tambah-anggota'),
    penduduk_id: positiveId(),
    kk_level: shdkAnggota(),
    kepala_baru_id: optionalId(),
  }),
  keluarkan: z.object({
    intent: z.literal('keluarkan'),
    penduduk_id: positiveId(),
    no_kk: optionalNoKk(),
    kepala_baru_id: optionalId(),
  }),
  ubahShdk: z.object({ intent: z.literal('ubah-shdk'), penduduk_id: positiveId(), kk_level: shdkAnggota() }),
  gantiKepala: z.object({
    intent: z.literal('ganti-kepala'),
    kepala_baru_id: positiveId(),
    shdk_kepala_lama: shdkAnggota(),
  }),
  pindahWilayah: z.object({
    intent: z.literal('pindah-wilayah'),
    lingkungan_id: positiveId(),
    alamat: optionalText(200),
  }),
  ubahNoKk: z.object({ intent: z.literal('ubah-no-kk'), no_kk: noKk(), alasan: requiredText(200) }),
  ubahData: z.object({
    intent: z.literal('ubah-data'),
    versi: versi(),
    alamat: optionalText(200),
    kelas_sosial: code('keluarga_sejahtera'),
    tgl_cetak_kk: optionalDate(),
  }),
};

const OtherOpSchema = z.discriminatedUnion(
  'intent',
  [OP.tambahAnggota, OP.keluarkan, OP.ubahShdk, OP.gantiKepala, OP.pindahWilayah, OP.ubahNoKk, OP.ubahData],
  { error: 'pilihanTidakValid' },
);

/** The schema of one operation form, chosen by its `intent` (the split form carries one SHDK per member). */
export function keluargaOpSchema(intent: unknown) {
  return intent === 'pecah' ? SplitSchema : OtherOpSchema;
}
export type KeluargaOp = z.infer<typeof OtherOpSchema> | z.infer<typeof SplitSchema>;

/** The family list's query string: bad values are ignored rather than failing the page. */
export const KeluargaListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  halaman: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

/** The "Cari nomor KK" form: a KK number looked up from the POST body, never from the URL. */
export const KkLookupSchema = z.object({ no_kk: lookupNumber('nomorKkCariFormat') });

/** A name or NIK typed to find a resident (new KK, add member, households). */
export const CariSchema = z.object({
  cari: z.string().trim().max(100).optional().catch(undefined),
  penduduk: z.coerce.number().int().positive().optional().catch(undefined),
});
