import { Logger } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AuditService } from '@app/audit';
import { type Actor, DomainError, FileStorage, JobQueue } from '@app/core';
import { IdentityModule } from '@app/identity';
import {
  type PdfReport,
  type ReportDefinition,
  ReportKindRegistry,
  ReportMaintenanceService,
  ReportRendererService,
  ReportsErrorCode,
  ReportsModule,
  ReportsService,
} from '@app/reports';
import { Medium, mediumModule } from './support/medium-module';

/**
 * The report pipeline through the real services: requests (checks, fingerprints, dedupe, audit),
 * reads with the subject's rights of the moment, rendering, failure and retention. Identity brings the
 * directory kind, registered as the domains register theirs; a test kind stands in for a subject some
 * callers may not read, under the roadmap's code (the roadmap lib is not loaded here).
 */
class YearParams {
  @IsInt({ message: 'must be a year such as 2022' })
  @Min(2000, { message: 'must be a year such as 2022' })
  @Max(2100, { message: 'must be a year such as 2022' })
  year: number;
}

/**
 * The subject's readers and data, changed by the tests as the subject's own lib would change them;
 * `steps`: how many slow steps the drawing reports as progress, `afterStep` what a test does after each.
 */
const subject = {
  readers: new Set<string>(),
  figures: [1, 2, 3],
  steps: 0,
  afterStep: async (): Promise<void> => undefined,
};
/** A step of drawing a long report: enough time passes for the throttle to count. */
const STEP_MS = 600;

const testKind: ReportDefinition<YearParams, { year: number; figures: number[] }> = {
  kind: 'roadmap',
  params: YearParams,
  async authorize(actor: Actor) {
    if (!subject.readers.has(actor.id!)) throw DomainError.forbidden('Vous ne lisez pas ce sujet');
  },
  // What the kind's repository computes in SQL, here the figures themselves: it changes with them.
  async dataVersion() {
    return subject.figures.join(',');
  },
  async collect(params) {
    return { year: params.year, figures: [...subject.figures] };
  },
  title: (params) => `Rapport de test ${params.year}`,
  scope: () => 'Région Occitanie',
  async render(pdf: PdfReport, data, _params, progress) {
    pdf.paragraph(`Chiffres : ${data.figures.join(', ')}`);
    for (let step = 1; step <= subject.steps; step++) {
      await new Promise((resolve) => setTimeout(resolve, STEP_MS));
      await progress(step, subject.steps);
      await subject.afterStep();
    }
  },
};

describe('reports', () => {
  let medium: Medium;
  let reports: ReportsService;
  let renderer: ReportRendererService;
  let maintenance: ReportMaintenanceService;
  let enqueue: jest.SpyInstance;
  let admin: Actor;
  let officer: Actor;
  let auditor: Actor;
  let member: Actor;

  beforeAll(async () => {
    medium = await mediumModule([ReportsModule, IdentityModule], { jobs: true });
    medium.get(ReportKindRegistry).register(testKind);
    reports = medium.get(ReportsService);
    renderer = medium.get(ReportRendererService);
    maintenance = medium.get(ReportMaintenanceService);
    admin = await medium.actors.admin();
    officer = await medium.actors.missionOfficer();
    auditor = await medium.actors.auditor();
    member = await medium.actors.commissionMember();
    subject.readers = new Set([officer.id!, auditor.id!]);
  });

  // The queue is Redis's: the calls are checked here, the jobs are the worker's (e2e).
  beforeEach(() => {
    enqueue = jest.spyOn(medium.get(JobQueue), 'enqueue').mockResolvedValue(undefined);
  });

  let year = 2000;
  /** A request no earlier test made: a year of its own. */
  const freshRequest = () => ({ kind: 'roadmap' as const, params: { year: ++year } });
  /** A report requested by someone who has since lost the right to read its subject. */
  const requestedByFormerReader = async () => {
    const reader = await medium.actors.regionalDelegate();
    subject.readers.add(reader.id!);
    const { id } = await reports.request(reader, freshRequest());
    subject.readers.delete(reader.id!);
    return { reader, id };
  };
  const reportRow = async (id: string) =>
    (
      await medium.db.manager.query(
        'SELECT status, attempts, file_key AS "fileKey", progress_percent AS "progressPercent" FROM report WHERE id = $1',
        [id],
      )
    )[0];
  const reportCount = async () => (await medium.db.manager.query('SELECT count(*)::int AS n FROM report'))[0].n;
  const readAll = async (stream: Readable) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  describe('requests', () => {
    it('records a request, audits it, and queues its rendering under the report’s id', async () => {
      const queued = await reports.request(member, { kind: 'directory' });

      expect(queued).toEqual({ id: expect.any(String), status: 'queued' });
      expect(enqueue).toHaveBeenCalledWith('report.render', { reportId: queued.id }, queued.id);
      expect(await medium.auditEvents('report', queued.id)).toEqual([
        {
          action: 'report.request',
          actorId: member.id,
          before: null,
          after: { kind: 'directory', params: {}, status: 'queued' },
        },
      ]);
    });

    it('answers the same request on unchanged data with the same report, and queues nothing', async () => {
      const request = freshRequest();
      const first = await reports.request(officer, request);
      enqueue.mockClear();

      const again = await reports.request(officer, { ...request, params: { ...request.params } });

      expect(again.id).toBe(first.id);
      expect(enqueue).not.toHaveBeenCalled();
      expect((await medium.auditEvents('report', first.id)).map((e) => e.action)).toEqual(['report.request']);
      expect((await reports.request(auditor, request)).id).not.toBe(first.id);
    });

    it('makes a new report when the subject’s data changed', async () => {
      const request = freshRequest();
      const first = await reports.request(officer, request);
      subject.figures.push(4);

      expect((await reports.request(officer, request)).id).not.toBe(first.id);
    });

    it('fingerprints a request from the kind’s data version, never from its data', async () => {
      const collect = jest.spyOn(testKind, 'collect');
      const version = jest.spyOn(testKind, 'dataVersion');
      try {
        await reports.request(officer, freshRequest());
        expect(version).toHaveBeenCalledTimes(1);
        expect(collect).not.toHaveBeenCalled();
      } finally {
        collect.mockRestore();
        version.mockRestore();
      }
    });

    it('checks params against the kind’s class, naming the field, before anything is written', async () => {
      const before = await reportCount();

      for (const [params, field, rule] of [
        [{ year: '2022' }, 'params.year', 'isInt'],
        [{ year: 1999 }, 'params.year', 'min'],
        [{}, 'params.year', 'isInt'],
        [{ year: 2022, bogus: 1 }, 'params.bogus', 'whitelistValidation'],
      ] as const) {
        await expect(reports.request(officer, { kind: 'roadmap', params })).rejects.toMatchObject({
          kind: 'invalid',
          code: ReportsErrorCode.ReportParams,
          message: expect.stringContaining(`${field}: `),
          details: { fields: expect.arrayContaining([{ field, constraints: expect.arrayContaining([rule]) }]) },
        });
      }
      await expect(reports.request(officer, { kind: 'directory', params: { year: 2022 } })).rejects.toMatchObject({
        code: ReportsErrorCode.ReportParams,
      });
      await expect(reports.request(officer, { kind: 'funding', params: {} })).rejects.toMatchObject({
        kind: 'invalid',
        code: ReportsErrorCode.ReportKindUnavailable,
      });
      expect(await reportCount()).toBe(before);
    });

    it('refuses whoever may not read the subject, before writing anything', async () => {
      const before = await reportCount();

      await expect(reports.request(member, freshRequest())).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(reports.request(admin, freshRequest())).rejects.toMatchObject({ kind: 'forbidden' });

      expect(await reportCount()).toBe(before);
    });

    it('records a request within the caller’s transaction: rolled back with it, report and event', async () => {
      const before = await reportCount();
      const audit = medium.get(AuditService);

      await expect(
        audit.write(officer, async (tx) => {
          await reports.requestWithin(tx, officer, freshRequest());
          throw new Error('the publication fails afterwards');
        }),
      ).rejects.toThrow('the publication fails afterwards');

      expect(await reportCount()).toBe(before);
      const queued = await audit.write(officer, async (tx) => ({
        result: await reports.requestWithin(tx, officer, freshRequest()),
        audit: [],
      }));
      expect(queued).toMatchObject({ status: 'queued', created: true });
      expect((await medium.auditEvents('report', queued.id)).map((e) => e.action)).toEqual(['report.request']);
    });
  });

  describe('reads', () => {
    it('lists the caller its own reports, newest first; the admin everyone’s', async () => {
      const older = await reports.request(auditor, freshRequest());
      const newer = await reports.request(auditor, freshRequest());

      const mine = await reports.list(auditor, { limit: 100, offset: 0 });
      expect(mine.items.map((r) => r.id).slice(0, 2)).toEqual([newer.id, older.id]);
      expect(mine.items.every((r) => r.requestedBy === auditor.id)).toBe(true);
      const everyone = await reports.list(admin, { limit: 1000, offset: 0 });
      expect(everyone.items.map((r) => r.id)).toEqual(expect.arrayContaining([newer.id, older.id]));
      expect(everyone.total).toBeGreaterThan(mine.total);
    });

    it('lets whoever reads the subject read the report; no move is a person’s', async () => {
      const { id } = await reports.request(officer, freshRequest());

      expect(await reports.get(auditor, id)).toMatchObject({
        id,
        kind: 'roadmap',
        status: 'queued',
        requestedBy: officer.id,
        allowedTransitions: [],
      });
      await expect(reports.get(member, id)).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(reports.get(admin, id)).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(reports.get(officer, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
        kind: 'not_found',
        code: ReportsErrorCode.ReportNotFound,
      });
    });

    it('takes the report away with the right to its subject, from its requester too', async () => {
      const { reader, id } = await requestedByFormerReader();

      await expect(reports.get(reader, id)).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it('answers 409 for the file before the report is done', async () => {
      const { id } = await reports.request(officer, freshRequest());

      await expect(reports.openFile(officer, id)).rejects.toMatchObject({
        kind: 'conflict',
        code: ReportsErrorCode.ReportNotReady,
      });
    });
  });

  describe('rendering', () => {
    it('renders a queued report once: done, the file the row hashes, audited as the system', async () => {
      const { id } = await reports.request(officer, freshRequest());

      await renderer.render(id);
      await renderer.render(id); // a second delivery of the job: nothing to do

      const done = await reports.get(officer, id);
      expect(done).toMatchObject({ status: 'done', dataSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const file = await reports.openFile(officer, id);
      const pdf = await readAll(file.stream);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(file.size).toBe(pdf.length);
      expect(done.fileSha256).toBe(createHash('sha256').update(pdf).digest('hex'));
      expect(await reportRow(id)).toMatchObject({ attempts: 1 });
      expect((await medium.auditEvents('report', id)).slice(1)).toEqual([
        {
          action: 'report.done',
          actorId: null,
          before: { status: 'running' },
          after: { status: 'done', fileSha256: done.fileSha256, dataSha256: done.dataSha256 },
        },
      ]);
    });

    it('records how far a long rendering is, at most once a second, and ends at 100', async () => {
      const { id } = await reports.request(officer, freshRequest());
      expect(await reports.get(officer, id)).toMatchObject({ status: 'queued', progressPercent: null });
      const seen: unknown[] = [];
      Object.assign(subject, { steps: 4, afterStep: async () => seen.push((await reportRow(id)).progressPercent) });

      try {
        await renderer.render(id);
      } finally {
        Object.assign(subject, { steps: 0, afterStep: async () => undefined });
      }

      // Steps at 0.6, 1.2, 1.8 and 2.4 s, each reporting: written at 1.2 s and 2.4 s only, the drawing
      // being 90 % of the way (the rest is closing the document).
      expect(seen).toEqual([0, 45, 45, 90]);
      expect(await reports.get(officer, id)).toMatchObject({ status: 'done', progressPercent: 100 });
    });

    it('renders the directory, whose kind identity registered', async () => {
      const { id } = await reports.request(member, { kind: 'directory', params: {} });
      await renderer.render(id);

      expect(await reports.get(member, id)).toMatchObject({ kind: 'directory', status: 'done' });
    });

    it('refuses stored params the kind no longer accepts, as invalid, and gives the claim back', async () => {
      const [{ id }] = await medium.db.manager.query(
        `INSERT INTO report (kind, params, requested_by, request_fingerprint) VALUES ('directory', '{"bogus": 1}', $1, 'x') RETURNING id`,
        [officer.id],
      );

      await expect(renderer.render(id)).rejects.toMatchObject({ kind: 'invalid', code: ReportsErrorCode.ReportParams });

      const [{ running }] = await medium.db.manager.query(
        `SELECT status = 'running' AND lease_until <= now() AS running FROM report WHERE id = $1`,
        [id],
      );
      expect(running).toBe(true);
    });

    it('tells its observer how each rendering of a claim ended, with the kind and the time it took', async () => {
      const seen: [string, string, number][] = [];
      renderer.observeJobs((kind, outcome, seconds) => seen.push([kind, outcome, seconds]));
      try {
        const { id } = await reports.request(officer, freshRequest());
        await renderer.render(id);
        await renderer.render(id); // nothing to claim: nothing to tell
        const [bogus] = await medium.db.manager.query(
          `INSERT INTO report (kind, params, requested_by, request_fingerprint) VALUES ('directory', '{"bogus": 1}', $1, 'y') RETURNING id`,
          [officer.id],
        );
        await expect(renderer.render(bogus.id)).rejects.toMatchObject({ kind: 'invalid' });
      } finally {
        renderer.observeJobs(() => undefined);
      }

      expect(seen.map(([kind, outcome]) => [kind, outcome])).toEqual([
        ['roadmap', 'done'],
        ['directory', 'failed'],
      ]);
      expect(seen.every(([, , seconds]) => seconds > 0 && seconds < 30)).toBe(true);
    });

    it('ends a report that cannot be rendered as failed, with a French message its requester still reads', async () => {
      const { reader, id } = await requestedByFormerReader();
      const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

      await renderer.fail(id, new Error('relation "payment" does not exist'));

      const failed = await reports.get(reader, id);
      expect(failed).toMatchObject({ status: 'failed', fileSha256: null });
      expect(failed.error).toBe(
        'Le rapport n’a pas pu être produit : erreur interne, réessayez ou contactez l’administrateur',
      );
      expect(await reports.get(admin, id)).toMatchObject({ status: 'failed' });
      await expect(reports.get(member, id)).rejects.toMatchObject({ kind: 'forbidden' });
      // The exception's own text goes to the worker's log only.
      expect(log).toHaveBeenCalledWith(expect.stringContaining(`Report ${id} failed: Error: relation "payment"`));
      expect((await medium.auditEvents('report', id)).at(-1)).toEqual({
        action: 'report.failed',
        actorId: null,
        before: null,
        after: { status: 'failed', error: failed.error },
      });
    });

    it('leaves a done report done when a late failure comes, and writes no event', async () => {
      const { id } = await reports.request(officer, freshRequest());
      await renderer.render(id);
      const events = (await medium.auditEvents('report', id)).length;
      jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

      await renderer.fail(id, new Error('late'));

      expect(await reportRow(id)).toMatchObject({ status: 'done' });
      expect(await medium.auditEvents('report', id)).toHaveLength(events);
    });
  });

  describe('maintenance', () => {
    it('deletes files past retention and keeps the row, expired, with its hashes', async () => {
      const { id } = await reports.request(officer, freshRequest());
      await renderer.render(id);
      const { fileKey } = await reportRow(id);
      await medium.db.manager.query(`UPDATE report SET finished_at = now() - interval '31 days' WHERE id = $1`, [id]);

      expect(await maintenance.expire()).toBeGreaterThanOrEqual(1);

      expect(await reports.get(officer, id)).toMatchObject({ status: 'expired', fileSha256: expect.any(String) });
      expect(await medium.module.get<FileStorage>(FileStorage).exists(fileKey)).toBe(false);
      expect((await medium.auditEvents('report', id)).at(-1)).toMatchObject({
        action: 'report.expired',
        actorId: null,
        after: { status: 'expired' },
      });
      expect(await maintenance.expire()).toBe(0);
    });

    it('queues again the reports queued for a while, which Redis may have lost', async () => {
      const { id } = await reports.request(officer, freshRequest());
      await medium.db.manager.query(`UPDATE report SET created_at = now() - interval '1 minute' WHERE id = $1`, [id]);
      enqueue.mockClear();

      await maintenance.reconcile();

      expect(enqueue).toHaveBeenCalledWith('report.render', { reportId: id }, id);
    });
  });
});
