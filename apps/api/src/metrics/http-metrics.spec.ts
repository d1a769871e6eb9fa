import Fastify from 'fastify';
import { Histogram, Registry } from 'prom-client';
import { HTTP_LABELS, measureRequests, routeLabel, UNMATCHED_ROUTE } from './http-metrics';

describe('routeLabel', () => {
  it('is the route template, or one fixed label for a request that matched no route', () => {
    expect(routeLabel('/api/projects/:id')).toBe('/api/projects/:id');
    expect(routeLabel(undefined)).toBe(UNMATCHED_ROUTE);
  });
});

describe('measureRequests', () => {
  it('times each answer by method, route template and status, whatever the URL', async () => {
    const registry = new Registry();
    const histogram = new Histogram({ name: 'h', help: 'h', labelNames: HTTP_LABELS, registers: [registry] });
    const fastify = Fastify();
    measureRequests(fastify, histogram);
    fastify.get('/api/projects/:id', async (request, reply) =>
      (request.params as { id: string }).id === 'missing' ? reply.code(404).send() : { ok: true },
    );
    // A real server on a free port (fastify.inject loads an ES module that the unit project does not).
    const base = await fastify.listen({ port: 0, host: '127.0.0.1' });
    for (const url of ['/api/projects/1', '/api/projects/2?page=3', '/api/projects/missing', '/nowhere/4'])
      await (await fetch(`${base}${url}`)).arrayBuffer();
    await fastify.close();

    // A histogram's values carry the sample's name (`h_bucket`, `h_sum`, `h_count`); the type does not say it.
    const values = (await histogram.get()).values as { metricName: string; labels: object; value: number }[];
    const counts = values.filter((v) => v.metricName === 'h_count').map((v) => ({ ...v.labels, count: v.value }));
    expect(counts).toEqual([
      { method: 'GET', route: '/api/projects/:id', status_code: 200, count: 2 },
      { method: 'GET', route: '/api/projects/:id', status_code: 404, count: 1 },
      { method: 'GET', route: UNMATCHED_ROUTE, status_code: 404, count: 1 },
    ]);
  });
});
