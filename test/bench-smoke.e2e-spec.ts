import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PG_ADMIN_URL, ROOT, TEMPLATE_DB_ENV, TEST_REDIS_URL } from './support/env';

const run = promisify(execFile);

/**
 * The bench scripts (bench/*.mjs) at toy volumes: each must run to the end and print its figures.
 * No timing is asserted here — the figures are read from the full runs (README, Performance).
 */
describe('bench scripts, smoke versions', () => {
  // each script starts its own api (and workers) on a copy of the template database
  jest.setTimeout(180_000);

  const bench = async (script: string) => {
    const server = new URL(PG_ADMIN_URL);
    server.pathname = '';
    const { stdout } = await run(process.execPath, [`bench/${script}`, '--smoke'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        BENCH_PG_SERVER: server.toString().replace(/\/$/, ''),
        BENCH_REDIS_URL: TEST_REDIS_URL,
        BENCH_TEMPLATE_DB: process.env[TEMPLATE_DB_ENV],
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  };

  it('measures the api against the bare node:http + pg baseline, and prints the query plans', async () => {
    const out = await bench('api-overhead.mjs');
    expect(out).toMatch(/same body from both: \d+ items/);
    expect(out).toMatch(/api \(Nest \+ Fastify, production\)\s+\d+ req\/s\s+p50\s+\d+ ms\s+p99\s+\d+ ms\s+errors 0/);
    expect(out).toMatch(/baseline \(node:http \+ pg\)\s+\d+ req\/s/);
    expect(out).toMatch(/throughput ratio api \/ baseline: median \d+\.\d+/);
    expect(out).toMatch(/EXPLAIN project page:\n\s+Limit/);
  });

  it('renders the funding PDF and streams the funding CSV against PostgreSQL’s own COPY, with memory figures', async () => {
    const out = await bench('funding.mjs');
    expect(out).toMatch(/funding report \(\d+ projects, \d+ payments\): done in [\d.]+ s; worker peak RSS \d+ MB/);
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
});
