// The yardstick for bench/api-overhead.mjs: a bare node:http + pg server answering
// GET /api/projects?departmentCode=&limit=&offset= with the same work the api does, minus the framework.
//   - the same token check: HS256 signature and expiry verified with node:crypto, then the api's own
//     query for the user behind the token and whether it was revoked (one round trip), and the reader
//     roles;
//   - the same SQL for the page and the count (run in parallel), the same pool size (10);
//   - the same JSON: same fields, same order, money as numbers, dates as ISO strings, and the reader's
//     rights on each project from the api's own compiled policy (dist/, so run after `npm run build`).
// It does not validate other query parameters, log requests, set security headers or handle errors
// beyond a 401/403/500 — that is the framework's share the comparison measures.
// Usage: DATABASE_URL=… JWT_SECRET=… PORT=… node bench/baseline-server.mjs
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';
import { COUNT_SQL, CRITERIA_SQL, OPINIONS_SQL, PAGE_SQL, SCORES_SQL, USER_SQL } from './hot-queries.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const secret = process.env.JWT_SECRET;
const READERS = ['admin', 'regional_delegate', 'mission_officer', 'departmental_referent', 'auditor'];
// The rule itself is not the framework's share: the baseline computes it with the api's code.
const require = createRequire(import.meta.url);
const { projectRights } = require('../dist/libs/calls/src/calls.policy.js');
const { totalScore } = require('../dist/libs/calls/src/ranking.js');

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

const toDto = (p, reader, extras) => ({
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
  ...projectRights(reader, p),
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

async function projects(req, res, url) {
  const claims = claimsOf(req.headers.authorization);
  const user = claims && (await pool.query(USER_SQL, [claims.sub, claims.jti])).rows[0];
  if (!user || user.revoked || user.disabledAt) return send(res, 401, { statusCode: 401 });
  if (!user.roles.some((r) => READERS.includes(r))) return send(res, 403, { statusCode: 403 });
  const department = url.searchParams.get('departmentCode');
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const [page, count] = await Promise.all([
    pool.query(PAGE_SQL, [department, limit, offset]),
    pool.query(COUNT_SQL, [department]),
  ]);
  const reader = { id: user.id, roles: user.roles, departmentCodes: user.departmentCodes };
  const extras = await extrasOf(page.rows);
  send(res, 200, { items: page.rows.map((p) => toDto(p, reader, extras)), total: count.rows[0].n });
}

createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (req.method !== 'GET' || url.pathname !== '/api/projects') return send(res, 404, { statusCode: 404 });
  projects(req, res, url).catch((error) => {
    console.error(error);
    send(res, 500, { statusCode: 500 });
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline listening'));
