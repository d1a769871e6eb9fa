import { AuditVerificationModule, AuditVerificationService } from '@app/audit';
import type { Actor } from '@app/core';
import { Medium, mediumModule } from './support/medium-module';

/**
 * The verification job's handler on a real database: its claim is a conditional UPDATE, so a second
 * delivery of the same run does nothing, and a run whose worker died (lease run out) is taken again.
 */
describe('audit verification runs', () => {
  let medium: Medium;
  let runs: AuditVerificationService;
  let auditor: Actor;

  beforeAll(async () => {
    medium = await mediumModule([AuditVerificationModule], { jobs: true });
    runs = medium.get(AuditVerificationService);
    auditor = await medium.actors.create(['auditor']);
  });

  const row = async (id: string) =>
    (
      await medium.db.manager.query(
        'SELECT status, attempts, finished_at AS "finishedAt" FROM audit_verification WHERE id = $1',
        [id],
      )
    )[0];

  it('runs once however often the job is delivered, and again only after its lease ran out', async () => {
    const { id } = await runs.request(auditor);
    await runs.run(id);
    const first = await row(id);
    expect(first).toMatchObject({ status: 'done', attempts: 1 });

    await runs.run(id); // a duplicate delivery: the run is finished, nothing changes
    expect(await row(id)).toEqual(first);
    expect(await runs.get(auditor, id)).toMatchObject({ status: 'done', ok: true });

    const { id: next } = await runs.request(auditor);
    expect(next).not.toBe(id);
    // A worker claimed it and died: running, its lease still on, then run out.
    await medium.db.manager.query(
      `UPDATE audit_verification SET status = 'running', attempts = 1, lease_until = now() + interval '1 hour' WHERE id = $1`,
      [next],
    );
    await runs.run(next);
    expect(await row(next)).toMatchObject({ status: 'running', attempts: 1 });
    expect(await runs.reconcile()).toBe(0);
    await medium.db.manager.query(
      `UPDATE audit_verification SET lease_until = now() - interval '1 second' WHERE id = $1`,
      [next],
    );
    expect(await runs.reconcile()).toBe(1);
    await runs.run(next);
    expect(await row(next)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('gives the metrics the newest finished run: when it ended, and whether the chain held', async () => {
    const { id } = await runs.request(auditor);
    await runs.run(id);
    const done = await runs.lastOutcome();
    expect(done).toEqual({ outcome: 'ok', finishedAt: expect.any(Date) });
    expect(Math.abs(done!.finishedAt.getTime() - Date.now())).toBeLessThan(60_000);

    const { id: failing } = await runs.request(auditor);
    expect(await runs.lastOutcome()).toEqual(done); // a pending run has no outcome yet
    await runs.fail(failing, new Error('Redis injoignable'));
    expect(await runs.lastOutcome()).toMatchObject({ outcome: 'failed' });
  });
});
