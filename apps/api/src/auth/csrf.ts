import type { FastifyInstance, FastifyRequest } from 'fastify';
// The error codes alone, not core's barrel: this module's spec runs without Nest.
import { CoreErrorCode } from '@app/core/errors/core.errors';
import { authenticatesByCookie } from './session-cookie';

/** The header the web app sends with every request (apps/web/src/api/client.ts). */
export const CSRF_HEADER = 'x-requested-with';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * A cross-site page can make a browser send the session cookie with a form or a `text/plain` POST
 * (SameSite=Strict stops it in today's browsers; this does not rely on it). Such "simple" requests
 * cannot carry a custom header nor a JSON content type without a CORS preflight, which this api never
 * grants. So a write authenticated by the cookie needs one of the two; bearer tokens are not sent by
 * browsers on their own and are left alone.
 */
export function isCrossSiteCapable(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method) || !authenticatesByCookie(request)) return false;
  return !request.headers[CSRF_HEADER] && !JSON_TYPE.test(request.headers['content-type'] ?? '');
}

/** Refuses, before the body is read, the cookie-authenticated writes a cross-site page could forge. */
export function refuseCrossSiteWrites(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!isCrossSiteCapable(request)) return;
    return reply.code(403).header('content-type', 'application/json; charset=utf-8').send({
      statusCode: 403,
      error: 'Forbidden',
      code: CoreErrorCode.CrossSiteRefused,
      message: `Requête refusée : une session de navigateur doit envoyer l’en-tête X-Requested-With ou un corps JSON (protection CSRF)`,
    });
  });
}
