import { loadEnv } from '#src/env.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { isRole } from '#src/lib/auth/roles.js';
import type { Db } from '#src/lib/db/connect.js';
import { isHttpError } from '#src/lib/errors.js';
import { localise, messagesFor } from '#src/lib/i18n/messages.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
}

export const USAGE = `Pemakaian: npx balai <perintah>

  migrate                                   terapkan migrasi basis data
  demo [--all-desa]                         Kabupaten Rembang + 23 desa Kaliori (--all-desa: 294 desa/kelurahan) dengan
                                            penduduk contoh + satu akun per peran (kata sandi acak dicetak sekali)
  desa activate KODE                        aktifkan satu desa/kelurahan atau semua desa satu kecamatan (boleh diulang)
  user create --username U --role PERAN --scope KODE [--lingkungan ID] [--nama NAMA] [--must-change] --password-stdin
                                            buat akun; kata sandi dibaca dari stdin
  token create --user U [--days N]          buat token API; hanya token yang dicetak (sekali)
  export penduduk --desa KODE OUT.xlsx      penduduk hidup yang ber-KK dalam format impor OpenSID (NIK/KK lengkap);
                                            KODE desa, atau kecamatan/kabupaten (satu lembar per desa aktif)
  import penduduk --desa KODE FILE [--dry-run] [--json]
                                            impor berkas Excel format OpenSID ke satu desa: diperiksa dulu, lalu
                                            disimpan sekaligus (--dry-run: hanya periksa; --json: satu objek JSON)
  export rumah-tangga --desa KODE OUT.xlsx  rumah tangga satu desa dalam format impor RTM OpenSID (NIK lengkap)
  import rumah-tangga --desa KODE FILE [--dry-run] [--json]
                                            bentuk rumah tangga dari penduduk terdaftar (berkas RTM OpenSID)
  surat issue --desa KODE --type SLUG --nik NIK [--field NAMA=NILAI …] [--subjek BLOK=NIK …] --as USERNAME
              [--out SURAT.pdf] [--json]    buat surat sebagai pengguna itu; bila ia langkah terakhir (mis. kepala
                                            desa), surat diberi nomor, ditandatangani dan ber-QR
  mandiri aktifkan --nik NIK [--json]       aktifkan akun layanan mandiri warga hidup (atau buat PIN baru); PIN
                                            dicetak sekali dan wajib diganti saat pertama masuk
  konten pindai [--json]                    periksa semua artikel terbit (tautan tersembunyi, tautan massal ke situs
                                            asing, kata judi); yang ditandai ditahan untuk ditinjau admin

Basis data: DATABASE_URL (kosong = ./data/balai.db).
`;

type Values = Record<string, string | boolean | string[] | undefined>;

const cliActor = () => systemActor(`cli:${process.env.USER ?? process.env.LOGNAME ?? 'shell'}`);

/** Service errors as Indonesian text for the terminal. */
function explain(error: unknown): string {
  if (!isHttpError(error)) throw error;
  const m = messagesFor('id');
  const fields = Object.entries(error.fields).map(([k, v]) => `  ${k}: ${localise(v, m)}`);
  return [localise(error.key, m, error.params), ...fields].join('\n');
}

/**
 * One command. Each command's modules are loaded when it runs (not all of them at start): `import penduduk` does
 * not load the PDF, image and web modules, which saves ~50 MB of memory and a second of start-up.
 */
export async function runCommand(db: Db, positionals: string[], values: Values, io: CliIo): Promise<number> {
  const [command, sub, arg] = positionals;
  try {
    switch (`${command} ${sub ?? ''}`.trim()) {
      case 'migrate':
        io.out('Basis data sudah pada skema terbaru.\n');
        return 0;
      case 'demo': {
        const allDesa = values['all-desa'] === true;
        const result = await (await import('#src/features/demo/demo.service.js')).loadDemo(db, {
          allDesa,
          web: loadEnv(),
          progress: (line) => io.err(`${line}\n`),
        });
        io.out((await import('./demo-report.js')).demoReport(result, allDesa));
        return 0;
      }
      case 'desa activate': {
        if (!arg) return usage(io, 'KODE wajib, mis. npx balai desa activate 33.17.09');
        const result = await (await import('#src/features/desa/desa.service.js')).activateDesa(db, cliActor(), arg);
        io.out(`${result.diaktifkan.length} desa/kelurahan diaktifkan, ${result.sudahAktif.length} sudah aktif.\n`);
        return 0;
      }
      case 'user create':
        return await createUserCommand(db, values, io);
      case 'token create': {
        const user = values.user;
        if (typeof user !== 'string') return usage(io, '--user wajib');
        const days = values.days === undefined ? null : Number(values.days);
        if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650))
          return usage(io, '--days harus bilangan 1–3650');
        io.out(
          `${await (await import('#src/features/auth/token.service.js')).createApiToken(db, cliActor(), user, days)}\n`,
        );
        return 0;
      }
      case 'export penduduk': {
        const result = await (await import('./export-command.js')).exportPendudukCommand(
          db,
          cliActor(),
          values.desa,
          arg,
        );
        if (typeof result !== 'string') return usage(io, result.usage);
        io.out(result);
        return 0;
      }
      case 'import penduduk': {
        if (typeof values.desa !== 'string' || !arg)
          return usage(io, '--desa KODE dan FILE wajib, mis. npx balai import penduduk --desa 33.17.09.2001 data.xlsx');
        return await (await import('./import-command.js')).importCommand(
          db,
          cliActor(),
          { desa: values.desa, file: arg, dryRun: values['dry-run'] === true, json: values.json === true },
          io,
        );
      }
      case 'export rumah-tangga': {
        const result = await (await import('./export-rtm-command.js')).exportRumahTanggaCommand(
          db,
          cliActor(),
          values.desa,
          arg,
        );
        if (typeof result !== 'string') return usage(io, result.usage);
        io.out(result);
        return 0;
      }
      case 'import rumah-tangga': {
        if (typeof values.desa !== 'string' || !arg)
          return usage(
            io,
            '--desa KODE dan FILE wajib, mis. npx balai import rumah-tangga --desa 33.17.09.2001 rtm.xlsx',
          );
        const opts = { desa: values.desa, file: arg, dryRun: values['dry-run'] === true, json: values.json === true };
        return await (await import('./import-command.js')).importCommand(
          db,
          cliActor(),
          { ...opts, jenis: 'rumah_tangga' },
          io,
        );
      }
      case 'mandiri aktifkan': {
        const nik = typeof values.nik === 'string' ? values.nik : undefined;
        try {
          return await (await import('./mandiri-command.js')).mandiriAktifkanCommand(
            db,
            cliActor(),
            { nik, json: values.json === true },
            io,
          );
        } catch (error) {
          io.err(`${explain(error)}\n`);
          return 1;
        }
      }
      case 'konten pindai':
        return await (await import('./konten-command.js')).kontenPindaiCommand(db, { json: values.json === true }, io);
      case 'surat issue': {
        const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
        const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : undefined);
        return await (await import('./surat-command.js')).suratIssueCommand(
          db,
          {
            desa: str('desa'),
            type: str('type'),
            nik: str('nik'),
            field: list('field'),
            subjek: list('subjek'),
            as: str('as'),
            out: str('out'),
            json: values.json === true,
          },
          io,
        );
      }
      default:
        return usage(io, `perintah tidak dikenal: ${positionals.join(' ')}`);
    }
  } catch (error) {
    io.err(`${explain(error)}\n`);
    return 1;
  }
}

function usage(io: CliIo, message: string): number {
  io.err(`${message}\n\n${USAGE}`);
  return 2;
}

async function createUserCommand(db: Db, values: Values, io: CliIo): Promise<number> {
  const { username, role, scope } = values;
  if (typeof username !== 'string' || typeof role !== 'string' || typeof scope !== 'string') {
    return usage(io, '--username, --role dan --scope wajib');
  }
  if (!isRole(role)) return usage(io, `peran tidak dikenal: ${role}`);
  if (!values['password-stdin'])
    return usage(io, 'kata sandi dibaca dari stdin: tambahkan --password-stdin (tidak ada kata sandi bawaan)');
  const password = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
  const lingkungan = typeof values.lingkungan === 'string' ? Number(values.lingkungan) : null;
  const id = await (await import('#src/features/pengguna/pengguna.service.js')).createUser(
    db,
    cliActor(),
    {
      username: username.toLowerCase(),
      nama: typeof values.nama === 'string' ? values.nama : username,
      email: null,
      sandi: password,
      harusGantiSandi: values['must-change'] === true,
      assignment: { peran: role, lingkup_kode: scope, lingkungan_id: lingkungan },
    },
    null,
  );
  // the first kabupaten admin made from the shell also fixes the installation's kabupaten, as setup does
  if (role === 'admin-kabupaten') {
    const instalasi = await import('#src/features/instalasi/instalasi.service.js');
    if (!(await instalasi.getInstallationKabupaten(db))) await instalasi.setInstallationKabupaten(db, scope);
  }
  io.out(`Akun ${username.toLowerCase()} dibuat (id ${id}) sebagai ${role} pada ${scope}.\n`);
  return 0;
}
