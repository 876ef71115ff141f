import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Statistics come straight from the registry; processes cache a desa's figures and must know when they are
 * stale. Every change to a desa's residents, families, households, events or dusun/RW/RT bumps that desa's
 * change mark, written by triggers so that no write path can forget it.
 *
 * SQLite (one writer at a time): a counter per desa, bumped by row triggers.
 * PostgreSQL: statement triggers append one row per statement and desa to `statistik_ubah` (inserts never wait
 * for each other, so a counter row cannot make two desa transactions deadlock); a desa's mark is the sum of
 * its rows' weights, which only grows — compaction folds rows into one row of the same total weight.
 */
const TABLES = ['penduduk', 'keluarga', 'rumah_tangga', 'peristiwa', 'lingkungan'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!pg) {
    await db.schema
      .createTable('statistik_versi')
      .addColumn('desa_kode', 'varchar(13)', (c) => c.primaryKey())
      .addColumn('versi', 'integer', (c) => c.notNull())
      .execute();
    const bump = (ref: 'NEW' | 'OLD') =>
      `insert into statistik_versi (desa_kode, versi) values (${ref}.desa_kode, 1)
       on conflict (desa_kode) do update set versi = versi + 1;`;
    for (const t of TABLES) {
      await sql.raw(`create trigger statistik_${t}_ins after insert on ${t} begin ${bump('NEW')} end`).execute(db);
      await sql
        .raw(
          `create trigger statistik_${t}_upd after update on ${t} begin ${bump('NEW')}
           insert into statistik_versi (desa_kode, versi) select OLD.desa_kode, 1 where OLD.desa_kode <> NEW.desa_kode
           on conflict (desa_kode) do update set versi = versi + 1; end`,
        )
        .execute(db);
      await sql.raw(`create trigger statistik_${t}_del after delete on ${t} begin ${bump('OLD')} end`).execute(db);
    }
    return;
  }
  await sql`
    create table statistik_ubah (
      id bigint generated always as identity primary key,
      desa_kode varchar(13) not null,
      bobot bigint not null default 1
    )`.execute(db);
  await sql`create index statistik_ubah_desa_idx on statistik_ubah (desa_kode) include (bobot)`.execute(db);
  await sql`
    create function statistik_tandai() returns trigger language plpgsql as $$
    begin
      if TG_OP = 'INSERT' then
        insert into statistik_ubah (desa_kode) select distinct desa_kode from baru where desa_kode is not null;
      elsif TG_OP = 'UPDATE' then
        insert into statistik_ubah (desa_kode)
          select desa_kode from baru where desa_kode is not null
          union select desa_kode from lama where desa_kode is not null;
      else
        insert into statistik_ubah (desa_kode) select distinct desa_kode from lama where desa_kode is not null;
      end if;
      return null;
    end $$`.execute(db);
  for (const t of TABLES) {
    await sql
      .raw(
        `create trigger statistik_${t}_ins after insert on ${t} referencing new table as baru
         for each statement execute function statistik_tandai()`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger statistik_${t}_upd after update on ${t} referencing old table as lama new table as baru
         for each statement execute function statistik_tandai()`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger statistik_${t}_del after delete on ${t} referencing old table as lama
         for each statement execute function statistik_tandai()`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const t of TABLES)
    for (const op of ['ins', 'upd', 'del'])
      await sql.raw(`drop trigger if exists statistik_${t}_${op}${pg ? ` on ${t}` : ''}`).execute(db);
  if (pg) {
    await sql`drop table statistik_ubah`.execute(db);
    await sql`drop function if exists statistik_tandai()`.execute(db);
  } else await sql`drop table statistik_versi`.execute(db);
}
