import type { FastifyInstance } from 'fastify';
import { countQueriesIn, queriesCounted } from '@app/core';

/** COUNT_QUERIES (tests only): each request runs in its own counting scope, reported in `x-query-count`. */
export function countQueriesPerRequest(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (_request, _reply, done) => countQueriesIn(done));
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('x-query-count', String(queriesCounted() ?? 0));
  });
}
