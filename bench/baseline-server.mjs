// The yardstick for bench/api-overhead.mjs: a bare node:http + pg server answering the api's hot reads
// with the same work the api does, minus the framework.
//   - the same token check: HS256 signature and expiry verified with node:crypto, then the api's own
//     query for the user behind the token and whether it was revoked (one round trip), and the reader
//     roles;
//   - GET /api/projects: the same SQL for the page and the count (run in parallel), the same pool size
//     (10), the same JSON (same fields, order, types), the reader's rights from the api's compiled policy;
//   - GET /api/actions, /api/calls/:id/funding, /api/equity/funding: the api's own services and
//     repositories (dist/), constructed by hand, their SQL run on a bare pg pool: the same statements
//     (those TypeORM builds for its entities copied in hot-queries.mjs), the same rules, the same JSON.
// It does not validate the query string, log requests, set security headers, run Nest's guards, pipes
// and interceptors, nor go through TypeORM's query runner — that is the framework's share the
// comparison measures. Run after `npm run build`.
// Usage: DATABASE_URL=… JWT_SECRET=… PORT=… node bench/baseline-server.mjs
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';
import {
  AXES_SQL,
  CALL_IDS_OF_YEAR_SQL,
  CALL_SQL,
  COUNT_SQL,
  CRITERIA_SQL,
  DEPARTMENTS_SQL,
  OPINIONS_SQL,
  PAGE_SQL,
  SCORES_SQL,
  USER_SQL,
} from './hot-queries.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const secret = process.env.JWT_SECRET;
const READERS = ['admin', 'regional_delegate', 'mission_officer', 'departmental_referent', 'auditor'];
// The rule itself is not the framework's share: the baseline computes it with the api's code.
const require = createRequire(import.meta.url);
const { projectRights } = require('../dist/libs/calls/src/calls.policy.js');
const { totalScore } = require('../dist/libs/calls/src/ranking.js');
const dist = (path) => require(`../dist/libs/${path}.js`);

// The api's services over a bare pool: repositories' raw statements go straight to pg; the few that
// TypeORM builds from entities are the statements it sends (hot-queries.mjs) with the rows mapped by hand.
const rows = (sql, params) => pool.query(sql, params).then((r) => r.rows);
const dataSource = { query: rows, manager: { query: rows } };
const centsOrNull = (v) => (v === null ? null : Number(v));
const callsRepository = Object.assign(new (dist('calls/src/calls.repository').CallsRepository)(dataSource), {
  find: async (id) =>
    (await rows(CALL_SQL, [id])).map((r) => ({
      id: r.CallEntity_id,
      envelopeCents: Number(r.CallEntity_envelope_cents),
    }))[0] ?? null,
  axes: async (id) =>
    (await rows(AXES_SQL, [id])).map((r) => ({
      callId: r.CallAxisEntity_call_id,
      code: r.CallAxisEntity_code,
      label: r.CallAxisEntity_label,
      envelopeCents: centsOrNull(r.CallAxisEntity_envelope_cents),
      position: r.CallAxisEntity_position,
    })),
  idsOfYear: async (year) => (await rows(CALL_IDS_OF_YEAR_SQL, [year])).map((r) => r.CallEntity_id),
});
const territoryRepository = Object.assign(
  new (dist('territory/src/territory.repository').TerritoryRepository)(dataSource),
  {
    departments: async () =>
      (await rows(DEPARTMENTS_SQL, [])).map((r) => ({
        code: r.DepartmentEntity_code,
        regionCode: r.DepartmentEntity_region_code,
        name: r.DepartmentEntity_name,
        population: r.DepartmentEntity_population,
      })),
  },
);
const territory = new (dist('territory/src/territory.service').TerritoryService)(territoryRepository);
const actions = new (dist('roadmap/src/actions.service').ActionsService)(
  new (dist('roadmap/src/actions.repository').ActionsRepository)(dataSource),
);
const calls = new (dist('calls/src/calls.service').CallsService)(
  callsRepository,
  new (dist('calls/src/funding.repository').FundingRepository)(dataSource),
  territory,
);
const indicators = new (dist('equity/src/indicators.service').IndicatorsService)(
  new (dist('equity/src/indicators.repository').IndicatorsRepository)(dataSource),
  territory,
);
const equity = new (dist('equity/src/equity.service').EquityService)(indicators, calls, null, territory);

function claimsOf(header) {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : null;
  const parts = token?.split('.');
  if (!parts || parts.length !== 3) return null;
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
  return claims.exp * 1000 > Date.now() ? claims : null;
}

const toDto = (p, actor, extras) => ({
  id: p.id,
  callId: p.callId,
  axisCode: p.axisCode,
  title: p.title,
  summary: p.summary,
  holder: { name: p.holderName, kind: p.holderKind, siret: p.holderSiret },
  departmentCodes: p.departmentCodes,
  targetPublics: p.targetPublics,
  levers: p.levers,
  requestedCents: Number(p.requestedCents),
  participation: p.participation,
  status: p.status,
  version: p.version,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
  ...projectRights(actor, p),
  opinionsByDepartment: p.departmentCodes.map((departmentCode) => ({
    departmentCode,
    opinion: extras.opinions.find((o) => o.projectId === p.id && o.departmentCode === departmentCode)?.opinion ?? null,
  })),
  weightedScore: totalScore(
    extras.criteria
      .filter((c) => c.callId === p.callId)
      .map((c) => ({
        weight: c.weight,
        scores: extras.scores.filter((s) => s.projectId === p.id && s.criterionCode === c.code).map((s) => s.score),
      })),
  ),
});

/** The opinions and scores of a page's projects, in parallel as the api reads them. */
async function extrasOf(rows) {
  const ids = rows.map((p) => p.id);
  const callIds = [...new Set(rows.map((p) => p.callId))];
  const [opinions, criteria, scores] = await Promise.all([
    ids.length ? pool.query(OPINIONS_SQL, [ids]) : { rows: [] },
    callIds.length ? pool.query(CRITERIA_SQL, [callIds]) : { rows: [] },
    ids.length ? pool.query(SCORES_SQL, [ids]) : { rows: [] },
  ]);
  return { opinions: opinions.rows, criteria: criteria.rows, scores: scores.rows };
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** The signed-in reader, or the refusal already sent. */
async function reader(req, res) {
  const claims = claimsOf(req.headers.authorization);
  const user = claims && (await pool.query(USER_SQL, [claims.sub, claims.jti])).rows[0];
  if (!user || user.revoked || user.disabledAt) return send(res, 401, { statusCode: 401 });
  if (!user.roles.some((r) => READERS.includes(r))) return send(res, 403, { statusCode: 403 });
  return { id: user.id, displayName: user.displayName, roles: user.roles, departmentCodes: user.departmentCodes };
}

async function projects(actor, url) {
  const department = url.searchParams.get('departmentCode');
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const [page, count] = await Promise.all([
    pool.query(PAGE_SQL, [department, limit, offset]),
    pool.query(COUNT_SQL, [department]),
  ]);
  const extras = await extrasOf(page.rows);
  return { items: page.rows.map((p) => toDto(p, actor, extras)), total: count.rows[0].n };
}

const ROUTES = [
  [/^\/api\/projects$/, projects],
  [
    /^\/api\/actions$/,
    (actor, url) =>
      actions.listActions(actor, { departmentCode: url.searchParams.get('departmentCode'), limit: 50, offset: 0 }),
  ],
  [/^\/api\/calls\/([0-9a-f-]{36})\/funding$/, (actor, _url, [, id]) => calls.fundingOf(actor, id)],
  [
    /^\/api\/equity\/funding$/,
    (actor, url) =>
      equity.funding(actor, {
        indicator: url.searchParams.get('indicator'),
        year: Number(url.searchParams.get('year')),
      }),
  ],
];

async function answer(req, res, url) {
  const route = req.method === 'GET' && ROUTES.find(([path]) => path.test(url.pathname));
  if (!route) return send(res, 404, { statusCode: 404 });
  const actor = await reader(req, res);
  if (actor) send(res, 200, await route[1](actor, url, url.pathname.match(route[0])));
}

createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  answer(req, res, url).catch((error) => {
    console.error(error);
    send(res, 500, { statusCode: 500 });
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline listening'));
