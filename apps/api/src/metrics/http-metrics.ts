import type { FastifyInstance } from 'fastify';
import type { Histogram } from 'prom-client';

/** The `route` label of a request that matched no route: one series, whatever URLs are probed. */
export const UNMATCHED_ROUTE = 'unmatched';

export const HTTP_LABELS = ['method', 'route', 'status_code'] as const;
export type HttpLabel = (typeof HTTP_LABELS)[number];

/** The route's template (`/api/projects/:id`), never the URL: ids and query strings would make a series each. */
export const routeLabel = (template: string | undefined): string => template ?? UNMATCHED_ROUTE;

/**
 * Times every answer into `histogram` once it is sent, by method, route template and status. Fastify
 * already measured the time (`reply.elapsedTime`, from the request's arrival) and knows the template:
 * the hook adds one label object and prom-client's lookup, nothing else, to each request.
 */
export function measureRequests(fastify: FastifyInstance, histogram: Histogram<HttpLabel>): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    histogram.observe(
      { method: request.method, route: routeLabel(request.routeOptions.url), status_code: reply.statusCode },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
