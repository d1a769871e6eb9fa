import type { FastifyRequest } from 'fastify';
import type { RequestOrigin } from '@app/identity';
import { requestIdOf } from './request-id';

/**
 * The client's address as Fastify resolved it: the socket's, or X-Forwarded-For's only when the
 * connection comes from a proxy listed in TRUST_PROXY (see app.factory.ts).
 */
export function originOf(req: FastifyRequest): RequestOrigin {
  return { address: req.ip, requestId: requestIdOf(req.raw) };
}
