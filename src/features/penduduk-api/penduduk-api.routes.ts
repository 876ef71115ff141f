import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.js';
import { maskNumber } from '#src/domain/nik.js';
import { familyTarget } from '#src/features/keluarga/keluarga-view.service.js';
import { placeTarget } from '#src/features/lingkungan/lingkungan.service.js';
import { FILTERABLE_CODES } from '#src/features/penduduk/penduduk-list.repository.js';
import type { PendudukListQuery } from '#src/features/penduduk/penduduk-list.schema.js';
import { searchPenduduk } from '#src/features/penduduk/penduduk-list.service.js';
import { pendudukTargets } from '#src/features/penduduk/penduduk-scope.js';
import { audit } from '#src/lib/audit/audit.js';
import { findGrant, type Target } from '#src/lib/auth/grants.js';
import { actorOf, grantsOf, intParam, param, query } from '#src/lib/http/request.js';
import { apiHandler, parseApi } from './api-input.js';
import { buildOpenApi } from './openapi.js';
import {
  KeluargaCariSchema,
  MAX_PER,
  PendudukBaruSchema,
  PendudukCariSchema,
  PendudukUbahSchema,
} from './penduduk-api.schema.js';
import { familyItem, memberItem, personItem, personRecord } from './penduduk-api.serialize.js';
import {
  assertActiveDesa,
  changeResident,
  desaUnits,
  enterResident,
  getFamilyRecord,
  getResidentRecord,
  searchFamilies,
} from './penduduk-api.service.js';

const DEFAULT_PER = 50;

/** The unit path of a record (dusun → RW → RT ids), so that dusun/RW/RT operators reach only their unit. */
export const unitTarget = (d: Deps, desaKode: string, lingkunganId: number | null): Promise<Target> =>
  placeTarget(d.db, desaKode, lingkunganId);

/** Whether the caller may see whole NIK / KK numbers of records at this target. */
const revealsNumbers = (req: FastifyRequest, target: Target) => findGrant(grantsOf(req), 'read:nik', target) !== null;

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** Registry JSON API: residents and families (events: peristiwa-api.routes.ts). */
export function pendudukApiRoutes(d: Deps) {
  let openApi: unknown;
  return {
    /** Public: the OpenAPI document of every /api/v1 route of this app (built once). */
    async openapi(req: FastifyRequest, reply: FastifyReply) {
      openApi ??= buildOpenApi(req.server.registeredRoutes);
      return reply.header('cache-control', 'public, max-age=300').send(openApi);
    },

    /** Permission targets: the same as the screens' (the record's desa and the path of its unit); 404 when absent. */
    personTarget: pendudukTargets(d.db).person,
    eventTarget: pendudukTargets(d.db).event,
    familyTarget: (req: FastifyRequest) => familyTarget(d.db, intParam(req, 'id')),

    search: apiHandler(async (req, reply) => {
      const kode = param(req, 'kode');
      await assertActiveDesa(d.db, kode);
      const input = parseApi(PendudukCariSchema, query(req), req.m);
      const filters: PendudukListQuery = {
        q: input.nik ?? input.q,
        lingkungan: undefined,
        umur_min: undefined,
        umur_maks: undefined,
        status_dasar: input.status_dasar,
        halaman: input.halaman,
        per: input.per ?? DEFAULT_PER,
      };
      for (const c of FILTERABLE_CODES) {
        const value = input[c];
        if (typeof value === 'number') filters[c] = value;
      }
      const [result, units] = await Promise.all([
        searchPenduduk(d.db, { desaKode: kode }, filters),
        desaUnits(d.db, kode),
      ]);
      const reveal = revealsNumbers(req, { kode });
      return noStore(reply).send({
        data: result.rows.map((r) => personItem(r, units(r.lingkungan_id), reveal)),
        total: result.total,
        halaman: result.page,
        per: result.pageSize,
      });
    }),

    create: apiHandler(async (req, reply) => {
      const kode = param(req, 'kode');
      await assertActiveDesa(d.db, kode);
      const input = parseApi(PendudukBaruSchema, req.body, req.m);
      const created = await enterResident(d.db, actorOf(req), kode, input);
      return reply.code(201).send({ id: created.id, nik: created.nik });
    }),

    /** The whole record; every read is audited. */
    show: apiHandler(async (req, reply) => {
      const id = intParam(req, 'id');
      const record = await getResidentRecord(d.db, id);
      const target = await unitTarget(d, record.row.desa_kode, record.row.lingkungan_id);
      await audit.recordRead(d.db, actorOf(req), {
        aksi: 'baca',
        entitas: 'penduduk',
        entitasId: id,
        desaKode: record.row.desa_kode,
      });
      return noStore(reply).send(
        personRecord(record.row, record.family, record.units, record.peringatan, revealsNumbers(req, target)),
      );
    }),

    update: apiHandler(async (req, reply) => {
      const id = intParam(req, 'id');
      const input = parseApi(PendudukUbahSchema, req.body, req.m);
      const versi = await changeResident(d.db, actorOf(req), id, input);
      return reply.send({ id, versi });
    }),

    families: apiHandler(async (req, reply) => {
      const kode = param(req, 'kode');
      await assertActiveDesa(d.db, kode);
      const input = parseApi(KeluargaCariSchema, query(req), req.m);
      const halaman = input.halaman ?? 1;
      const per = Math.min(input.per ?? DEFAULT_PER, MAX_PER);
      const result = await searchFamilies(d.db, kode, { noKk: input.no_kk, halaman, per });
      const reveal = revealsNumbers(req, { kode });
      return noStore(reply).send({
        data: result.rows.map((r) => familyItem(r, result.units(r.lingkungan_id), reveal)),
        total: result.total,
        halaman,
        per,
      });
    }),

    /** A family with its living members; audited like a person's record (it shows their numbers). */
    family: apiHandler(async (req, reply) => {
      const id = intParam(req, 'id');
      const { family, members, units } = await getFamilyRecord(d.db, id);
      const reveal = revealsNumbers(req, await unitTarget(d, family.desa_kode, family.lingkungan_id));
      await audit.recordRead(d.db, actorOf(req), {
        aksi: 'baca',
        entitas: 'keluarga',
        entitasId: id,
        desaKode: family.desa_kode,
      });
      return noStore(reply).send({
        id: family.id,
        desa_kode: family.desa_kode,
        no_kk: reveal ? family.no_kk : maskNumber(family.no_kk),
        alamat: family.alamat,
        ...units,
        kepala_id: family.kepala_id,
        kelas_sosial: family.kelas_sosial,
        tgl_daftar: family.tgl_daftar,
        ditutup_pada: family.ditutup_pada,
        anggota: members.map((m) => memberItem(m, reveal)),
      });
    }),
  };
}
