import { parseArgs } from 'node:util';
import { loadEnv } from '#src/env.js';
import { openMigratedDatabase } from '#src/lib/db/open.js';
import { type CliIo, runCommand, USAGE } from './commands.js';

/** `npx balai <command>`: migrate, demo, desa activate, user create, token create, export penduduk. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      username: { type: 'string' },
      user: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string' },
      lingkungan: { type: 'string' },
      desa: { type: 'string' },
      nama: { type: 'string' },
      days: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'must-change': { type: 'boolean' },
      'all-desa': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      type: { type: 'string' },
      nik: { type: 'string' },
      field: { type: 'string', multiple: true },
      subjek: { type: 'string', multiple: true },
      as: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
  if (values.help || positionals.length === 0) {
    io.out(USAGE);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const env = loadEnv();
  // imports and exports run with a larger young generation (bin/balai.js) and a smaller SQLite page cache, within
  // the same memory (decision 013)
  const batch = positionals[0] === 'import' || positionals[0] === 'export';
  const { db, close, applied } = await openMigratedDatabase(env, batch ? { sqliteCacheMiB: 32 } : {});
  try {
    if (applied.length > 0) io.err(`Migrasi diterapkan: ${applied.join(', ')}\n`);
    return await runCommand(db, positionals, values, io);
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`balai: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
