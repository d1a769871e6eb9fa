import fastifyHelmet, { FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { FastifyInstance } from 'fastify';

export const HELMET_OPTIONS: FastifyHelmetOptions = {
  // No inline script anywhere (the web app's and Swagger UI's scripts are files of this origin).
  // Styles: DSFR and React set inline styles, Swagger UI an inline <style>; icons and fonts are
  // partly inlined as data: URIs. The rest keeps helmet's defaults (no object, no framing, …).
  contentSecurityPolicy: {
    directives: {
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
    },
  },
};

/** The headers a bare Fastify answer carries, with or without the helmet plugin registered. */
async function probeHeaders(options?: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify();
  if (options) await probe.register(fastifyHelmet, options);
  probe.get('/', async () => 'probe');
  const { headers } = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
}

/**
 * Helmet's security headers on every answer, as `@fastify/helmet` sets them, computed once. The
 * plugin builds a new helmet middleware (parsing the CSP directives again) in two hooks of every
 * request, for headers that never change with this configuration: helmet itself computes them here,
 * on a probe instance, and each request copies them. Set on the raw response as helmet does, so that
 * streamed and hijacked answers carry them too.
 */
export async function addSecurityHeaders(
  fastify: FastifyInstance,
  options: FastifyHelmetOptions = HELMET_OPTIONS,
): Promise<void> {
  const [bare, helmeted] = await Promise.all([probeHeaders(), probeHeaders(options)]);
  const headers = Object.entries(helmeted).filter(([name]) => !(name in bare));
  fastify.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
