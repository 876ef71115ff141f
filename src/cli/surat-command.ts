import { loadEnv } from '#src/env.js';
import { loadGrantRows } from '#src/features/auth/auth.repository.js';
import { findUserByUsername } from '#src/features/pengguna/pengguna.repository.js';
import * as repo from '#src/features/surat/surat.repository.js';
import { buatSurat, type Pelaku, setujuiSurat } from '#src/features/surat/surat.service.js';
import { suratContext } from '#src/features/surat/surat-context.factory.js';
import { toGrants } from '#src/lib/auth/auth-state.js';
import { findGrant } from '#src/lib/auth/grants.js';
import type { Db } from '#src/lib/db/connect.js';
import { createFileStore, uploadsRoot } from '#src/lib/storage.js';
import type { CliIo } from './commands.js';
import { writeAtomically } from './write-atomic.js';

export interface SuratIssueArgs {
  desa?: string | undefined;
  type?: string | undefined;
  nik?: string | undefined;
  field?: string[] | undefined;
  subjek?: string[] | undefined;
  as?: string | undefined;
  out?: string | undefined;
  json: boolean;
}

export const SURAT_USAGE =
  '--desa KODE, --type SLUG, --nik NIK dan --as USERNAME wajib, mis. npx balai surat issue --desa 33.17.09.2001 --type surat-keterangan-domisili --nik 3317… --field keperluan="Melamar kerja" --as kades --out surat.pdf --json';

function pairs(items: readonly string[] | undefined, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items ?? []) {
    const at = item.indexOf('=');
    if (at <= 0) throw new Error(`${what} harus berbentuk NAMA=NILAI: ${item}`);
    out[item.slice(0, at).replace(/^form_/, '')] = item.slice(at + 1);
  }
  return out;
}

/** The user named by --as, with their roles, acting as in the web app (no shortcut around the chain). */
async function pelakuOf(db: Db, username: string): Promise<Pelaku | null> {
  const user = await findUserByUsername(db, username);
  if (user?.aktif !== 1) return null;
  const grants = toGrants(await loadGrantRows(db, user.id));
  return {
    actor: {
      penggunaId: user.id,
      username: user.username,
      peran: grants[0]?.peran ?? null,
      lingkup: grants[0]?.lingkupKode ?? null,
      requestId: null,
      ip: null,
    },
    grants,
    nama: user.nama,
  };
}

/**
 * `npx balai surat issue …`: draft and submit a letter as that user, then approve it for as many steps as the
 * user may (the kepala desa's approval issues it: numbered, signed, QR). Prints the id, number and the
 * verification address; writes the PDF (the signed letter, or the draft preview when not issued yet).
 */
export async function suratIssueCommand(db: Db, args: SuratIssueArgs, io: CliIo): Promise<number> {
  if (!args.desa || !args.type || !args.nik || !args.as) {
    io.err(`${SURAT_USAGE}\n`);
    return 2;
  }
  const env = loadEnv();
  const pelaku = await pelakuOf(db, args.as);
  if (!pelaku) {
    io.err(`Pengguna ${args.as} tidak ada atau tidak aktif.\n`);
    return 1;
  }
  const grant = findGrant(pelaku.grants, 'write:surat', { kode: args.desa });
  if (grant) pelaku.actor = { ...pelaku.actor, peran: grant.peran, lingkup: grant.lingkupKode };
  const ctx = suratContext(db, env, createFileStore(uploadsRoot(env.BALAI_DATA_DIR)));
  const subjek: Record<string, { nik: string; anggota?: string[] }> = { individu: { nik: args.nik } };
  // --subjek BLOK=NIK names a person block; for a family-member block, NIK,NIK,… names the members
  for (const [blok, nik] of Object.entries(pairs(args.subjek, '--subjek')))
    subjek[blok] = {
      nik,
      anggota: nik
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
    };
  const id = await buatSurat(
    ctx,
    pelaku,
    args.desa,
    { slug: args.type, subjek, isian: pairs(args.field, '--field') },
    { ajukan: true },
  );
  for (let i = 0; i < 3; i++) {
    const s = await repo.findSurat(db, id);
    if (s?.status !== 'diajukan') break;
    try {
      await setujuiSurat(ctx, pelaku, args.desa, id);
    } catch (error) {
      if ((error as { status?: number }).status === 403) break;
      throw error;
    }
  }
  const surat = await repo.findSurat(db, id);
  if (!surat) throw new Error('surat hilang');
  const verifyUrl = surat.token ? `${ctx.publicUrl}/v/${surat.token}` : null;
  if (args.out && surat.pdf_berkas) {
    const pdf = await ctx.files.read(surat.pdf_berkas);
    if (pdf)
      await writeAtomically(args.out, async (file) => {
        file.end(pdf);
      });
  }
  if (args.json) io.out(`${JSON.stringify({ id, nomor: surat.nomor, verify_url: verifyUrl, status: surat.status })}\n`);
  else
    io.out(
      surat.nomor
        ? `Surat ${surat.nomor} terbit (id ${id}).\nVerifikasi: ${verifyUrl}\n`
        : `Surat id ${id} menunggu persetujuan (${surat.langkah ?? surat.status}); belum bernomor.\n`,
    );
  return 0;
}
