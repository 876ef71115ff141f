import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Official Kemendagri 2025 region codes (Kepmendagri 300.2.2-2138/2025 as amended by 300.2.2-2430/2025),
 * copied into seed/wilayah/ with their SOURCE.md. Frozen: never edit a landed migration.
 */
const EDISI = '2025';

function seedFile(): string {
  for (const rel of ['../seed/wilayah/wilayah.csv', '../../seed/wilayah/wilayah.csv']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('seed/wilayah/wilayah.csv tidak ditemukan');
}

function tingkatOf(kode: string): string {
  const parts = kode.split('.');
  if (parts.length === 1) return 'provinsi';
  if (parts.length === 2) return Number(parts[1]) >= 71 ? 'kota' : 'kabupaten';
  if (parts.length === 3) return 'kecamatan';
  return parts[3]?.startsWith('1') ? 'kelurahan' : 'desa';
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('wilayah')
    .addColumn('kode', 'varchar(13)', (c) => c.primaryKey())
    .addColumn('nama', 'varchar(100)', (c) => c.notNull())
    .addColumn('tingkat', 'varchar(10)', (c) => c.notNull())
    .addColumn('induk', 'varchar(13)', (c) => c.references('wilayah.kode'))
    .addColumn('edisi', 'varchar(10)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wilayah_induk_idx').on('wilayah').columns(['induk', 'kode']).execute();

  const rows = parse(readFileSync(seedFile()), { columns: true, skip_empty_lines: true }) as {
    kode: string;
    nama: string;
  }[];
  const records = rows.map((r) => {
    const cut = r.kode.lastIndexOf('.');
    return {
      kode: r.kode,
      nama: r.nama,
      tingkat: tingkatOf(r.kode),
      induk: cut < 0 ? null : r.kode.slice(0, cut),
      edisi: EDISI,
    };
  });
  const batch = db.getExecutor().adapter instanceof PostgresAdapter ? 2000 : 1000;
  for (let i = 0; i < records.length; i += batch) {
    await db
      .insertInto('wilayah')
      .values(records.slice(i, i + batch))
      .execute();
  }
  const { count } = (await db
    .selectFrom('wilayah')
    .select(sql<number>`count(*)`.as('count'))
    .executeTakeFirstOrThrow()) as { count: number | string };
  if (Number(count) !== 91_599) throw new Error(`wilayah: ${count} baris dimuat, seharusnya 91599`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('wilayah').execute();
}
