import type { FastifyInstance } from 'fastify';
import { IS_PUBLIC } from './auth/public.decorator';

/** One route as Fastify registered it: what the security checks enumerate. */
export interface RegisteredRoute {
  method: string;
  url: string;
  /** Marked @Public() in code; routes that Nest does not serve (OpenAPI UI) are never marked. */
  public: boolean;
}

/**
 * Records every route Fastify registers from now on — Nest's controllers and everything else
 * (the OpenAPI UI and its assets, HEAD twins of GET routes) — so that none escapes the checks.
 */
export function recordRoutes(fastify: FastifyInstance, routes: RegisteredRoute[]): void {
  fastify.addHook('onRoute', (options) => {
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    const config = options.config as Record<string, unknown> | undefined;
    for (const method of methods) routes.push({ method, url: options.url, public: config?.[IS_PUBLIC] === true });
  });
}
