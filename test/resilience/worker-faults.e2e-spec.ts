import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { BULK_RATE_LIMITS } from '../support/env';
import { DEMO, login, until } from '../support/http';
import { Stack } from '../support/stack';
import { filesOf, newCalls, requestFundingReports, statusesOf, withoutExactlyOneFile } from './reports';

/**
 * Faults on the worker side: the worker killed (SIGKILL) or stopped (SIGTERM) in the middle of a
 * burst, and the same job delivered many times at once. BullMQ delivers at least once; the report
 * row in PostgreSQL decides who renders, so each report ends with one file, rendered once.
 */
describe('resilience: worker killed, stopped, or given the same job 100 times', () => {
  let stack: Stack;
  let delegate: string;

  const allDone = (ids: string[], timeoutMs = 120_000) =>
    until(
      () => statusesOf(stack, ids),
      (s) => s.done === ids.length,
      timeoutMs,
      500,
    );
  const rows = async (ids: string[]) =>
    (
      await stack.db.query(
        'SELECT id, status, attempts, file_sha256 AS "fileSha256" FROM report WHERE id = ANY($1::uuid[])',
        [ids],
      )
    ).rows as { id: string; status: string; attempts: number; fileSha256: string }[];
  /** Reports whose file on disk is not the one whose hash the row records. */
  const mismatchedFiles = async (ids: string[]) =>
    (await rows(ids))
      .filter((r) => sha256(readFileSync(`${stack.env.STORAGE_DIR}/reports/${r.id}.pdf`)) !== r.fileSha256)
      .map((r) => r.id);
  const doneEvents = async (ids: string[]) =>
    Number(
      (
        await stack.db.query(
          `SELECT count(*) AS n FROM audit_event WHERE action = 'report.done' AND entity_id = ANY($1::text[])`,
          [ids],
        )
      ).rows[0].n,
    );
  const runningCount = async (ids: string[]) => (await statusesOf(stack, ids)).running ?? 0;
  /** Reports a worker holds: running, with a lease still to run. A stopped worker must hold none. */
  const held = async () =>
    Number(
      (await stack.db.query(`SELECT count(*) AS n FROM report WHERE status = 'running' AND lease_until > now()`))
        .rows[0].n,
    );

  beforeAll(async () => {
    stack = await Stack.start('res-worker', { env: { WORKER_CONCURRENCY: '4', ...BULK_RATE_LIMITS } });
    delegate = await login(stack, DEMO.delegate);
  });
  afterAll(() => stack.stop());

  it('SIGKILL during a burst of 200 reports: all end done after a restart, each with exactly one file', async () => {
    const ids = await requestFundingReports(stack, delegate, await newCalls(stack, 200));
    await until(
      () => statusesOf(stack, ids),
      (s) => (s.done ?? 0) >= 10 && (s.running ?? 0) > 0,
      60_000,
      20,
    );
    await stack.stopWorker('SIGKILL');
    const interrupted = await runningCount(ids);
    await stack.startWorker();

    // Minutes on a loaded 2-core machine: each report is a PDF with two embedded fonts.
    await allDone(ids, 540_000);
    expect(interrupted).toBeGreaterThan(0);
    expect(withoutExactlyOneFile(stack, ids)).toEqual([]);
    expect(await mismatchedFiles(ids)).toEqual([]);
    expect(await doneEvents(ids)).toBe(200);
  }, 600_000);

  it('the same report job enqueued 100 times concurrently: rendered once, one file, one completion', async () => {
    await stack.stopWorker();
    const [id] = await requestFundingReports(stack, delegate, await newCalls(stack, 1));
    const queue = new Queue('jobs', { connection: { url: stack.env.REDIS_URL } as never });
    try {
      // Half with the report's job id (what the api and the reconciler send), half with their own id,
      // as a job re-queued after the first delivery was removed from Redis would have.
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          queue.add('report.render', { reportId: id }, { jobId: i % 2 ? id : `${id}-again-${i}` }),
        ),
      );
    } finally {
      await queue.close();
    }
    await stack.startWorker({ WORKER_CONCURRENCY: '8' });

    await allDone([id], 60_000);
    await until(
      () => stack.redis.llen('bull:jobs:wait'),
      (n) => n === 0,
      30_000,
    );
    expect(await rows([id])).toEqual([expect.objectContaining({ status: 'done', attempts: 1 })]);
    expect(filesOf(stack, id)).toEqual([`${id}.pdf`]);
    expect(await mismatchedFiles([id])).toEqual([]);
    expect(await doneEvents([id])).toBe(1);
  }, 90_000);

  it('SIGTERM during jobs: in-flight reports finish, the worker exits within its grace period, the rest follow', async () => {
    const ids = await requestFundingReports(stack, delegate, await newCalls(stack, 40));
    await until(
      () => runningCount(ids),
      (n) => n > 0,
      30_000,
      20,
    );
    const logFile = stack.workerLog!;
    const exit = await stack.stopWorker('SIGTERM');

    expect(exit).toEqual({ forced: false, signal: 'SIGTERM', code: null });
    expect(readFileSync(logFile, 'utf8')).toMatch(/Worker stopped \(SIGTERM\): no job in flight/);
    expect(await held()).toBe(0);
    await stack.startWorker();
    await allDone(ids);
    expect(withoutExactlyOneFile(stack, ids)).toEqual([]);
  }, 180_000);

  it('SIGTERM during a job longer than the grace period: the report is given back at once and rendered by the next worker', async () => {
    await stack.stopWorker();
    const [id] = await requestFundingReports(stack, delegate, await newCalls(stack, 1));
    // The job outlasts the grace period: its data read waits on a lock this test holds on the payments.
    const locker = await stack.db.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE payment IN ACCESS EXCLUSIVE MODE');
      await stack.startWorker({ WORKER_SHUTDOWN_GRACE_SECONDS: '1' });
      await until(
        () => runningCount([id]),
        (n) => n === 1,
        30_000,
        20,
      );
      const logFile = stack.workerLog!;
      const stoppedAt = Date.now();
      const exit = await stack.stopWorker('SIGTERM');

      expect(exit).toMatchObject({ forced: false, code: 1 });
      expect(Date.now() - stoppedAt).toBeLessThan(5_000);
      expect(readFileSync(logFile, 'utf8')).toMatch(/after its 1 s grace period: 1 report\(s\) given back/);
      expect(await rows([id])).toEqual([expect.objectContaining({ status: 'running', attempts: 1 })]);
      expect(await held()).toBe(0);
    } finally {
      await locker.query('ROLLBACK');
      locker.release();
    }
    await stack.startWorker();
    await allDone([id], 60_000);
    expect(withoutExactlyOneFile(stack, [id])).toEqual([]);
    expect(await mismatchedFiles([id])).toEqual([]);
  }, 120_000);
});

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
