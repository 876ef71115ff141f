import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Deps } from '#src/deps.js';

export function healthRoutes(d: Deps) {
  return {
    /** 200 only when the database answers. */
    async health(req: FastifyRequest, reply: FastifyReply) {
      try {
        await sql`select 1`.execute(d.db);
        return reply.header('cache-control', 'no-store').send({ status: 'ok' });
      } catch (error) {
        req.log.error({ err: error }, 'basis data tidak menjawab');
        return reply.code(503).header('cache-control', 'no-store').send({ status: 'error' });
      }
    },
  };
}
