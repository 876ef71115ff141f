import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Append-only audit trail. The application never updates or deletes rows; the database refuses it too
 * (a trigger on both PostgreSQL and SQLite).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) =>
      pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('waktu', pg ? 'timestamptz' : 'text', (c) => c.notNull())
    .addColumn('pengguna_id', 'integer')
    .addColumn('username', 'varchar(60)')
    .addColumn('peran', 'varchar(30)')
    .addColumn('lingkup', 'varchar(40)')
    .addColumn('aksi', 'varchar(60)', (c) => c.notNull())
    .addColumn('entitas', 'varchar(40)', (c) => c.notNull())
    .addColumn('entitas_id', 'varchar(60)')
    .addColumn('desa_kode', 'varchar(13)')
    .addColumn('request_id', 'varchar(60)')
    .addColumn('ip', 'varchar(64)')
    .addColumn('perubahan', pg ? 'jsonb' : 'text')
    .addColumn('alasan', 'varchar(500)')
    .execute();
  await db.schema.createIndex('audit_waktu_idx').on('audit_log').columns(['waktu', 'id']).execute();
  await db.schema.createIndex('audit_desa_idx').on('audit_log').columns(['desa_kode', 'waktu']).execute();
  await db.schema.createIndex('audit_pengguna_idx').on('audit_log').columns(['pengguna_id', 'waktu']).execute();
  await db.schema.createIndex('audit_entitas_idx').on('audit_log').columns(['entitas', 'entitas_id']).execute();

  if (pg) {
    await sql`
      create function audit_log_tolak_ubah() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log hanya boleh ditambah (append-only)';
      end $$`.execute(db);
    await sql`
      create trigger audit_log_append_only before update or delete or truncate on audit_log
      for each statement execute function audit_log_tolak_ubah()`.execute(db);
  } else {
    await sql`
      create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log hanya boleh ditambah (append-only)'); end`.execute(db);
    await sql`
      create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log hanya boleh ditambah (append-only)'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop function if exists audit_log_tolak_ubah()`.execute(db);
  }
}
