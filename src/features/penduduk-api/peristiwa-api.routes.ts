import type { Deps } from '#src/deps.js';
import { reverseEvent } from '#src/features/peristiwa/pembatalan.service.js';
import { actorOf, intParam, param } from '#src/lib/http/request.js';
import { apiHandler, parseApi } from './api-input.js';
import {
  BatalSchema,
  KodeKepergianSchema,
  LahirApiSchema,
  LEAVING_SCHEMAS,
  PindahMasukApiSchema,
} from './penduduk-api.schema.js';
import { assertActiveDesa } from './penduduk-api.service.js';
import { recordArrivalApi, recordBirthApi, recordLeavingApi } from './peristiwa-api.service.js';

/** Registry JSON API: population events (lahir, pindah masuk, mati/pindah keluar/hilang/pergi, reversal). */
export function peristiwaApiRoutes(d: Deps) {
  return {
    /** POST /api/v1/penduduk/:id/peristiwa — body `kode` picks the kind; its details as the office form. */
    leave: apiHandler(async (req, reply) => {
      const { kode } = parseApi(KodeKepergianSchema, req.body, req.m);
      const schema = LEAVING_SCHEMAS[kode as keyof typeof LEAVING_SCHEMAS];
      const details = parseApi(schema, req.body, req.m);
      const id = await recordLeavingApi(d.db, actorOf(req), intParam(req, 'id'), kode, details);
      return reply.code(201).send({ id });
    }),

    birth: apiHandler(async (req, reply) => {
      const kode = param(req, 'kode');
      await assertActiveDesa(d.db, kode);
      const input = parseApi(LahirApiSchema, req.body, req.m);
      const created = await recordBirthApi(d.db, actorOf(req), kode, input);
      return reply.code(201).send({ id: created.id, nik: created.nik });
    }),

    /** 201 for a recorded arrival; 202 when the person lives in another desa and that desa must confirm. */
    arrival: apiHandler(async (req, reply) => {
      const kode = param(req, 'kode');
      await assertActiveDesa(d.db, kode);
      const input = parseApi(PindahMasukApiSchema, req.body, req.m);
      const result = await recordArrivalApi(d.db, actorOf(req), kode, input);
      if (result.kind === 'menunggu') {
        return reply.code(202).send({ status: 'menunggu', pindah_id: result.transferId });
      }
      return reply.code(201).send({ id: result.id });
    }),

    /** A reversing entry (the event stays in the history). */
    reverse: apiHandler(async (req, reply) => {
      const { alasan } = parseApi(BatalSchema, req.body, req.m);
      const id = await reverseEvent(d.db, actorOf(req), intParam(req, 'id'), alasan);
      return reply.code(201).send({ id });
    }),
  };
}
