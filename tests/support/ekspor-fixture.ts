import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { createFamilyWithHead } from '#src/features/keluarga/keluarga.service.js';
import { ensureLingkungan } from '#src/features/lingkungan/lingkungan-ensure.js';
import type { PendudukInput } from '#src/features/penduduk/penduduk.schema.js';
import { insertPerson } from '#src/features/penduduk/penduduk.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { makeNik, person } from './builders.js';

const actor = systemActor('test');

/**
 * A small desa for the OpenSID export: two families with real KK numbers (one in a dusun without RW/RT), one
 * with a temporary KK number, a child with only a temporary NIK, a dead member, someone without a KK, and texts
 * a spreadsheet would take for formulas.
 */
export async function buildEksporDesa(
  db: Db,
  desaKode: string,
  kkPrefix: string,
  /** only what the register's own rules allow (no formula as a name, no temporary KK number): for a round trip */
  { valid = false } = {},
) {
  const tx = <T>(fn: (trx: Db) => Promise<T>) => db.transaction().execute(fn);
  const rt = await tx((trx) => ensureLingkungan(trx, actor, desaKode, { dusun: 'Krajan', rw: '1', rt: '2' }));
  const ngemplak = await tx((trx) => ensureLingkungan(trx, actor, desaKode, { dusun: 'Ngemplak', rw: '-', rt: '-' }));
  const headNik = makeNik('1970-01-01', 1);
  const wifeNik = makeNik('1975-05-05', 2);
  const family = (noKk: string | null, alamat: string | null, lingkunganId: number, head: Partial<PendudukInput>) =>
    tx((trx) =>
      createFamilyWithHead(
        trx,
        actor,
        desaKode,
        { noKk, alamat, kelasSosial: null, lingkunganId },
        { lingkunganId, person: person({ nama: 'Kepala', status_kawin: 2, ...head }) },
      ),
    );
  const member = (keluargaId: number, lingkunganId: number, kkLevel: number, p: Partial<PendudukInput>, status = 1) =>
    tx((trx) =>
      insertPerson(trx, actor, {
        desaKode,
        lingkunganId,
        person: person({ nama: 'Anggota', ...p }),
        keluarga: keluargaId ? { id: keluargaId, kkLevel } : null,
        statusDasar: status,
      }),
    );

  const f1 = await family(`${kkPrefix}0001`, '+62 812 3456', rt, {
    nama: 'Budi Santoso',
    nik: headNik,
    sex: 1,
    tempatlahir: 'Rembang',
    tanggallahir: '1970-01-01',
    agama_id: 1,
    pendidikan_kk_id: 5,
    pekerjaan_id: 9,
    golongan_darah_id: 3,
    akta_lahir: 'AL-123',
    akta_perkawinan: '12/1995',
    tanggalperkawinan: '1995-06-01',
    ktp_el: 2,
    status_rekam: 3,
    id_asuransi: 2,
    no_asuransi: '0001234',
    suku: 'Jawa',
    lat: -6.7012345,
    lng: 111.3456789,
  });
  await member(f1.keluargaId, rt, 3, {
    nama: 'Sri Wahyuni',
    nik: wifeNik,
    sex: 2,
    tanggallahir: '1975-05-05',
    hamil: 1,
  });
  const child = await member(f1.keluargaId, rt, 4, {
    nama: 'Anak Sementara',
    nik: null,
    sex: 1,
    tanggallahir: '2015-02-03',
    ayah_nik: headNik,
    nama_ayah: 'Budi Santoso',
    ibu_nik: wifeNik,
    nama_ibu: 'Sri Wahyuni',
  });
  await member(f1.keluargaId, rt, 6, { nama: 'Mbah Almarhum', sex: 1, tanggallahir: '1940-01-01' }, 2);

  const f2 = await family(`${kkPrefix}0002`, '@foo', ngemplak, { nama: 'Kepala Ngemplak', sex: 1 });
  if (!valid)
    await db.updateTable('penduduk').set({ nama: '=HYPERLINK("http://x")' }).where('id', '=', f2.kepalaId).execute();
  const odd = await member(f2.keluargaId, ngemplak, 4, { nama: 'Dewi', sex: 2, alamat_sekarang: '-1+1', suku: '-' });

  const f3 = valid ? null : await family(null, null, rt, { nama: 'Keluarga Sementara', sex: 2 });
  const loner = await member(0, rt, 0, { nama: 'Tanpa Kk', sex: 1 });
  return { rt, ngemplak, f1, f2, f3, childId: child.id, oddId: odd.id, lonerId: loner.id };
}

/** A writable that collects what is written, and the workbook it makes once finished. */
export function collect() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  return {
    stream,
    async workbook() {
      await done;
      return readWorkbook(Buffer.concat(chunks));
    },
  };
}

export async function readWorkbook(buffer: Buffer | Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows as plain arrays (column A first; empty cells null). */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(Array.from({ length: Math.max(values.length, 0) }, (_, i) => values[i] ?? null));
  });
  return rows;
}
