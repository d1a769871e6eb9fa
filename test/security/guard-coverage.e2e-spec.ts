import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import request from 'supertest';
import { ROOT } from '../support/env';
import { api, HttpMethod } from '../support/http';
import { Stack } from '../support/stack';

/**
 * The routes that answer without a token — the only ones. Each HEAD route is Fastify's twin of the
 * GET route with the same path and is public exactly when that GET is.
 */
const PUBLIC_ROUTES = [
  'GET /health', // load balancer and monitoring probe (CONTRACT.md)
  'POST /api/auth/login',
  // ProConnect: whether the login page offers it, and the sign-in's two legs (404 when not configured).
  'GET /api/auth/sign-in-options',
  'GET /api/auth/proconnect/login',
  'GET /api/auth/proconnect/callback',
  // The OpenAPI UI, its assets and the document (CONTRACT.md), served by @nestjs/swagger outside Nest's guards.
  'GET /api/docs',
  'GET /api/docs/',
  'GET /api/docs/*',
  'GET /api/docs/index.html',
  'GET /api/docs/LICENSE',
  'GET /api/docs/swagger-ui-init.js',
  'GET /api/docs/docs/*',
  'GET /api/docs/docs/swagger-ui-init.js',
  'GET /api/docs-json',
  'GET /api/docs-yaml',
];

/**
 * Routes that Prometheus calls, without a session: public to the session guard in code, they check a
 * credential of their own (METRICS_TOKEN) and answer 401 without it, like every guarded route.
 */
const OWN_TOKEN_ROUTES = ['GET /metrics'];

/**
 * The web app (dist/web): its built files and the page fallback that answers index.html to a browser.
 * They hold no data — every figure the app shows comes from the guarded /api routes.
 */
const WEB_DIR = `${ROOT}/dist/web`;
const WEB_APP_ROUTES = [
  'GET /*',
  ...readdirSync(WEB_DIR, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(`${WEB_DIR}/${path}`).isFile())
    .map((path) => `GET /${path}`),
];

interface RegisteredRoute {
  method: string;
  url: string;
  public: boolean;
}

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const asGet = (r: RegisteredRoute) => key({ method: r.method === 'HEAD' ? 'GET' : r.method, url: r.url });
const listedPublic = (r: RegisteredRoute) => PUBLIC_ROUTES.includes(asGet(r)) || WEB_APP_ROUTES.includes(asGet(r));
const ownToken = (r: RegisteredRoute) => OWN_TOKEN_ROUTES.includes(asGet(r));
/** A concrete URL for a route pattern: any UUID for ids, a year, a file name for wildcards. */
const concrete = (url: string) =>
  url
    .replace(/:year\b/g, '2022')
    .replace(/:\w+/g, '6f1c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f')
    .replace(/\*$/, 'swagger-ui.css');

describe('guard coverage: every registered route needs a token unless it is listed as public', () => {
  let stack: Stack;
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    stack = await Stack.start('guard_coverage', { worker: false });
    // Every route Fastify registers, not only the documented ones: the api's own listing.
    const { stdout } = await promisify(execFile)(process.execPath, [`${ROOT}/dist/apps/api/src/main.js`, 'routes'], {
      env: { PATH: process.env.PATH ?? '', ...stack.env },
    });
    routes = JSON.parse(stdout) as RegisteredRoute[];
    console.log(`public routes (${PUBLIC_ROUTES.length}):\n  ${PUBLIC_ROUTES.join('\n  ')}`);
    console.log(`and the web app's ${WEB_APP_ROUTES.length - 1} built files and its page fallback (GET /*)`);
  });
  afterAll(() => stack.stop());

  it('lists every route, documented or not', async () => {
    const documented = (await api(stack).get('/api/docs-json')).body as { paths: Record<string, object> };
    const registered = new Set(routes.map((r) => r.url));
    for (const path of Object.keys(documented.paths)) expect(registered).toContain(path.replace(/\{(\w+)\}/g, ':$1'));
    expect(routes.length).toBeGreaterThan(Object.keys(documented.paths).length);
  });

  it('lists each public route of the code, and only routes that exist', () => {
    const publicInCode = routes.filter((r) => r.public && !listedPublic(r) && !ownToken(r)).map(key);
    expect(publicInCode).toEqual([]);
    const registered = new Set(routes.map(key));
    expect([...PUBLIC_ROUTES, ...OWN_TOKEN_ROUTES].filter((r) => !registered.has(r))).toEqual([]);
  });

  it('answers 401 without a token on every route but the public ones, which answer without one', async () => {
    const answers = [];
    for (const route of routes) {
      // Checked against the OpenAPI document (a HEAD answer has no body to check).
      const url = concrete(route.url);
      const method = route.method.toLowerCase();
      const res = await (method === 'head' ? request(stack.baseUrl).head(url) : api(stack)[method as HttpMethod](url));
      answers.push({ route: key(route), status: res.status });
    }
    const expected = answers.map(({ route, status }, i) => {
      if (!listedPublic(routes[i])) return { route, status: 401 };
      return { route, status: status !== 401 && status < 500 ? status : 'any status but 401 or 5xx' };
    });
    expect(answers).toEqual(expected);
  });

  it('refuses a bearer token and a cookie that are not tokens', async () => {
    for (const route of routes.filter((r) => !listedPublic(r) && r.method === 'GET')) {
      const url = concrete(route.url);
      expect({ url, status: (await api(stack, 'not-a-token').get(url)).status }).toEqual({ url, status: 401 });
      const viaCookie = await api(stack).get(url).set('cookie', 'iss_session=not-a-token');
      expect({ url, status: viaCookie.status }).toEqual({ url, status: 401 });
    }
  });
});
