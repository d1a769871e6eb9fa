import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { PG_ADMIN_URL, ROOT, TEMPLATE_DB_ENV, TEST_REDIS_URL } from './support/env';

const run = promisify(execFile);

/**
 * The bench scripts (bench/*.mjs) at toy volumes: each must run to the end and print its figures.
 * No timing is asserted here — the figures are read from the full runs (README, Performance).
 */
describe('bench scripts, smoke versions', () => {
  // each script starts its own api (and workers) on a copy of the template database
  jest.setTimeout(180_000);

  // A Redis database of the scripts' own, emptied before each: workers of the other suites on the shared
  // index (or jobs they left) must not take the scripts' jobs, which name rows of another database.
  const redisUrl = new URL(TEST_REDIS_URL);
  redisUrl.pathname = '/15';

  const bench = async (script: string) => {
    const redis = new Redis(redisUrl.toString());
    await redis.flushdb();
    await redis.quit();
    const server = new URL(PG_ADMIN_URL);
    server.pathname = '';
    const { stdout } = await run(process.execPath, [`bench/${script}`, '--smoke'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        BENCH_PG_SERVER: server.toString().replace(/\/$/, ''),
        BENCH_REDIS_URL: redisUrl.toString(),
        BENCH_TEMPLATE_DB: process.env[TEMPLATE_DB_ENV],
      },
      maxBuffer: 16 * 1024 * 1024,
      // Ended before the test's own timeout, so that a stuck script fails with what it printed.
      timeout: 170_000,
    });
    return stdout;
  };

  it('measures the api against the bare node:http + pg baseline, and prints the query plans', async () => {
    const out = await bench('api-overhead.mjs');
    // the four routes, each answered with the same bytes by both servers, then measured
    for (const route of [/projects\S*/, /actions\S*/, /calls\/[\da-f-]+\/funding/, /equity\/funding\S*/])
      expect(out).toMatch(new RegExp(`same body from both on /api/${route.source}: \\w+`));
    expect(out).toMatch(/same body from both on \/api\/projects\S*: \d+ items/);
    expect(
      out.match(/api \(Nest \+ Fastify, production\)\s+\d+ req\/s\s+p50\s+\d+ ms\s+p99\s+\d+ ms\s+errors 0/g),
    ).toHaveLength(4);
    expect(out.match(/baseline \(node:http \+ pg\)\s+\d+ req\/s/g)).toHaveLength(4);
    expect(out.match(/throughput ratio api \/ baseline: median \d+\.\d+/g)).toHaveLength(4);
    expect(out).toMatch(/EXPLAIN project page:\n\s+Limit/);
  });

  it('renders the funding PDF and streams the funding CSV against PostgreSQL’s own COPY, with memory figures', async () => {
    const out = await bench('funding.mjs');
    expect(out).toMatch(/funding report \(\d+ projects, \d+ payments\): done in [\d.]+ s; worker peak RSS \d+ MB/);
    // Read from the worker's own log line for the report its rendering thread drew.
    expect(out).toMatch(/event-loop delay while drawing p99 [\d.]+ ms \(max [\d.]+ ms\); lost locks or leases: \d+/);
    // the api's CSV and the COPY of its statement count the same rows
    const rows = [
      ...out.matchAll(/(?:funding CSV|PostgreSQL COPY \(FORMAT csv\)): (\d+) rows, \d+ MB in [\d.]+ s = \d+ rows\/s/g),
    ];
    expect(rows.map((m) => m[1])).toEqual([rows[0][1], rows[0][1]]);
    expect(Number(rows[0][1])).toBeGreaterThan(0);
    expect(out).toMatch(/funding CSV against COPY: median ratio \d+\.\d+; api RSS \d+ → peak \d+ MB/);
  });

  it('verifies a chain of appended events, every one of them checked', async () => {
    const out = await bench('audit-verify.mjs');
    expect(out).toMatch(/seeded 500 chained events in [\d.]+ s/);
    expect(out).toMatch(
      /audit verify \(\d+ events\): ok, \d+ checked; [\d.]+ s, median [\d.]+ s; api RSS \d+ → peak \d+ MB/,
    );
    expect(out).toMatch(
      /audit verification job \(\d+ events\): ok, \d+ checked; request to result [\d.]+ s, of which the worker's walk [\d.]+ s/,
    );
  });

  it('times POST /api/reports on a big ledger: identical requests fold into one report, a payment makes another', async () => {
    const out = await bench('report-request.mjs');
    expect(out).toMatch(
      /POST \/api\/reports, funding of a \d+-payment call: \d+ identical requests, median [\d.]+ ms, slowest [\d.]+ ms; one report for all of them, a new one after a payment/,
    );
    expect(out).toMatch(/api RSS \d+ MB before, highest \d+ MB while answering \(growth -?\d+ MB\)/);
    expect(out).toMatch(/EXPLAIN data version:\n\s+Result/);
  });

  it('times the equity routes on funded projects of one year', async () => {
    const out = await bench('equity.mjs');
    expect(out).toMatch(/\/api\/equity\/funding\?indicator=taux_pauvrete_dep&year=2030: median \d+ ms, slowest \d+ ms/);
    expect(out).toMatch(/\/api\/equity\/publics\?year=2030: median \d+ ms/);
  });

  it('renders queued reports with one then two workers, without loss or duplicate', async () => {
    const out = await bench('jobs.mjs');
    expect(out.match(/no loss, no duplicate/g)).toHaveLength(2);
    expect(out).toMatch(/jobs\/s: 1 worker [\d.]+, 2 workers [\d.]+/);
  });

  it('seeds the national volume in miniature and reads every list and figure route at 8 connections', async () => {
    const out = await bench('scale.mjs');
    expect(out).toMatch(/volume: [\d,]+ projects, [\d,]+ payments, [\d,]+ actions, [\d,]+ meetings/);
    expect(out).toMatch(/p95 +[\d.]+ ms +\d+ req +0 err +\/api\/projects\?departmentCode=31&limit=50\n/);
    expect(out).toMatch(/\n(\d+) routes at 8 connections: \d+ with p95 < 100 ms; slowest p95 [\d.]+ ms/);
    expect(out).not.toMatch(/HTTP \d{3}/);
  });
});
