import { AuditService } from '@app/audit';
import { TerritoryService } from '@app/territory';
import {
  AwaitingActionService,
  CallEditService,
  CallsErrorCode,
  CallsModule,
  CallsService,
  type CreateCallDto,
  type CreateProjectDto,
  FollowUpService,
  FundingService,
  InstructionService,
  type ProjectDetailDto,
  ProjectEditService,
  ProjectsService,
  type ProjectStatus,
} from '@app/calls';
import type { Cast } from './support/actors';
import { expectVersionFollowsData } from './support/report-version';
import { Medium, mediumModule } from './support/medium-module';

/**
 * Calls for interest, applications, their instruction and their funding through the real services:
 * the calls module as the api imports it (audit, territory, reports and the job queue), the
 * repositories' SQL on a migrated database, the app's runtime role. Each test makes its own call.
 */
describe('calls', () => {
  let medium: Medium;
  let calls: CallsService;
  let callEdits: CallEditService;
  let projects: ProjectsService;
  let edits: ProjectEditService;
  let instruction: InstructionService;
  let funding: FundingService;
  let followUp: FollowUpService;
  let awaiting: AwaitingActionService;
  let territory: TerritoryService;
  let { delegate, officer, referent31, referent34, auditor, admin, member } = {} as Cast;

  beforeAll(async () => {
    medium = await mediumModule([CallsModule], { jobs: true });
    calls = medium.get(CallsService);
    callEdits = medium.get(CallEditService);
    projects = medium.get(ProjectsService);
    edits = medium.get(ProjectEditService);
    instruction = medium.get(InstructionService);
    funding = medium.get(FundingService);
    followUp = medium.get(FollowUpService);
    awaiting = medium.get(AwaitingActionService);
    territory = medium.get(TerritoryService);
    ({ delegate, officer, referent31, referent34, auditor, admin, member } = await medium.actors.cast());
  });

  const UNKNOWN = '00000000-0000-4000-8000-000000000000';
  let made = 0;

  const callIn = (fields: Partial<CreateCallDto> = {}): CreateCallDto => ({
    title: `AMI de test ${++made}`,
    year: 2026,
    fundingSource: 'FIR',
    envelopeCents: 10_000_000,
    opensOn: '2026-01-15',
    closesOn: '2099-12-31',
    axes: [
      { code: 'A1', label: 'Santé environnementale', envelopeCents: 4_000_000 },
      { code: 'A2', label: 'Santé mentale' },
    ],
    ...fields,
  });

  const projectIn = (callId: string, fields: Partial<CreateProjectDto> = {}): CreateProjectDto => ({
    callId,
    axisCode: 'A1',
    title: `Projet de test ${++made}`,
    holder: { name: 'Association de test', kind: 'association' },
    departmentCodes: ['31'],
    targetPublics: ['young_people'],
    levers: [1],
    requestedCents: 1_000_000,
    ...fields,
  });

  const newCall = async (fields: Partial<CreateCallDto> = {}) => (await calls.create(officer, callIn(fields))).id;

  /** A project moved along `path` by the officer (the delegate for the decisions), with a comment where one is needed. */
  const projectAt = async (callId: string, path: ProjectStatus[], fields: Partial<CreateProjectDto> = {}) => {
    let project: ProjectDetailDto = await projects.create(officer, projectIn(callId, fields));
    for (const to of path) {
      const by = to === 'selected' || to === 'rejected' ? delegate : officer;
      project = await projects.transition(by, project.id, { to, comment: 'motif de test' });
    }
    return project;
  };
  const UNDER_REVIEW: ProjectStatus[] = ['submitted', 'under_review'];
  const SELECTED: ProjectStatus[] = [...UNDER_REVIEW, 'selected'];

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    (await medium.db.manager.query(sql, params))[0].n;
  const actionsOf = async (entityType: string, id: string) =>
    (await medium.auditEvents(entityType, id)).map((e) => e.action);

  describe('calls', () => {
    it('creates a call with its axes, tells its creator what it may do, and audits the call alone', async () => {
      const created = await calls.create(
        officer,
        callIn({ criteria: [{ code: 'C1', label: 'Pertinence', weight: 2 }] }),
      );

      expect(created).toMatchObject({
        status: 'open',
        version: 1,
        axes: [
          { code: 'A1', envelopeCents: 4_000_000 },
          { code: 'A2', envelopeCents: null },
        ],
        criteria: [{ code: 'C1', weight: 2 }],
        allowedTransitions: ['closed'],
        canSetCriteria: true,
        canAddProject: true,
        canExportLedger: true,
      });
      const [event] = await medium.auditEvents('call', created.id);
      expect(event).toMatchObject({ action: 'call.create', actorId: officer.id });
      expect(event.after).toMatchObject({ id: created.id, title: created.title });
      expect(event.after).not.toHaveProperty('allowedTransitions');
      expect(event.after).not.toHaveProperty('canSetCriteria');
    });

    it('shows each reader its own rights, and refuses commission members', async () => {
      const id = await newCall();

      expect(await calls.get(delegate, id)).toMatchObject({ allowedTransitions: ['closed'], canAddProject: true });
      expect(await calls.get(auditor, id)).toMatchObject({
        allowedTransitions: [],
        canSetCriteria: false,
        canAddProject: false,
        canExportLedger: true,
      });
      expect(await calls.get(referent31, id)).toMatchObject({ allowedTransitions: [], canExportLedger: false });
      const listed = await calls.list(auditor, { limit: 200, offset: 0 });
      expect(listed.items.find((c) => c.id === id)).toMatchObject({ allowedTransitions: [] });
      await expect(calls.get(member, id)).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(calls.list(member, { limit: 10, offset: 0 })).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(calls.get(officer, UNKNOWN)).rejects.toMatchObject({ kind: 'not_found', code: 'call.not_found' });
    });

    it('leaves calls to the regional team and refuses inconsistent ones, writing nothing', async () => {
      for (const someone of [auditor, referent31, admin, member]) {
        await expect(calls.create(someone, callIn())).rejects.toMatchObject({ kind: 'forbidden' });
      }
      const refusals: [Partial<CreateCallDto>, string][] = [
        [{ closesOn: '2026-01-01' }, CallsErrorCode.CallDates],
        [
          {
            axes: [
              { code: 'A1', label: 'un' },
              { code: 'A1', label: 'deux' },
            ],
          },
          CallsErrorCode.CallAxisRepeated,
        ],
        [{ envelopeCents: 1_000_000 }, CallsErrorCode.CallAxesOverEnvelope],
        [
          {
            criteria: [
              { code: 'C1', label: 'un', weight: 1 },
              { code: 'C1', label: 'deux', weight: 1 },
            ],
          },
          CallsErrorCode.CallCriterionRepeated,
        ],
      ];
      for (const [fields, code] of refusals) {
        const input = callIn(fields);
        await expect(calls.create(officer, input)).rejects.toMatchObject({ kind: 'invalid', code });
        expect(await count('SELECT count(*)::int AS n FROM call WHERE title = $1', [input.title])).toBe(0);
      }
    });

    it('closes, reopens (the delegate, with a comment) and decides a call, names the allowed moves when refused, and audits each move', async () => {
      const id = await newCall();

      expect(await calls.transition(officer, id, 'closed')).toMatchObject({
        status: 'closed',
        version: 2,
        allowedTransitions: ['decided'],
      });
      await expect(calls.transition(officer, id, 'open', 'Oubli')).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(calls.transition(delegate, id, 'open', '  ')).rejects.toMatchObject({
        kind: 'invalid',
        code: CallsErrorCode.CallCommentRequired,
      });
      expect(await calls.transition(delegate, id, 'open', 'Dossiers arrivés par courrier')).toMatchObject({
        status: 'open',
        commentRequiredFor: [],
      });
      await calls.transition(officer, id, 'closed');
      const decided = await calls.transition(officer, id, 'decided');
      expect(decided).toMatchObject({ status: 'decided', allowedTransitions: [] });

      await expect(calls.transition(officer, id, 'open')).rejects.toMatchObject({
        kind: 'conflict',
        code: CallsErrorCode.CallTransitionForbidden,
        details: { from: 'decided', to: 'open', allowedTransitions: [] },
      });
      const events = await medium.auditEvents('call', id);
      expect(events.map((e) => e.action)).toEqual(['call.create', ...Array(4).fill('call.transition')]);
      expect(events[1]).toMatchObject({ before: { status: 'open' }, after: { status: 'closed' } });
      expect(events[2]).toMatchObject({
        before: { status: 'closed' },
        after: { status: 'open', comment: 'Dossiers arrivés par courrier' },
      });
    });

    it('refuses a move to a role that never moves calls before reading the call', async () => {
      await expect(calls.transition(auditor, UNKNOWN, 'closed')).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(calls.transition(referent31, UNKNOWN, 'open')).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(calls.transition(officer, UNKNOWN, 'closed')).rejects.toMatchObject({ kind: 'not_found' });
    });
  });

  describe('call edit', () => {
    it('never leaves a call over-committed when its envelope shrinks while a grant is made', async () => {
      for (let round = 0; round < 3; round++) {
        const callId = await newCall({ envelopeCents: 1_000_000, axes: [{ code: 'A1', label: 'Axe' }] });
        const project = await projectAt(callId, SELECTED, { requestedCents: 800_000 });
        const [granted, edited] = await Promise.allSettled([
          funding.grant(delegate, project.id, { amountCents: 800_000 }),
          callEdits.update(officer, callId, { version: 1, envelopeCents: 500_000 }),
        ]);
        // The call row is locked by both: one waits for the other, then is checked against what it left.
        expect([granted.status, edited.status].sort()).toEqual(['fulfilled', 'rejected']);
        const refusal = [granted, edited].find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect([CallsErrorCode.GrantEnvelopeExceeded, CallsErrorCode.CallEnvelopeBelowCommitted]).toContain(
          refusal.reason.code,
        );
        const figures = await calls.fundingOf(auditor, callId);
        expect(figures.committedCents).toBeLessThanOrEqual(figures.envelopeCents);
      }
    });

    it('changes nothing and audits nothing at a stale version', async () => {
      const id = await newCall();
      await callEdits.update(officer, id, { version: 1, title: 'Premier' });
      await expect(callEdits.update(delegate, id, { version: 1, title: 'Second' })).rejects.toMatchObject({
        kind: 'conflict',
        code: CallsErrorCode.CallStaleVersion,
      });
      expect(await calls.get(auditor, id)).toMatchObject({ title: 'Premier', version: 2 });
      expect(await actionsOf('call', id)).toEqual(['call.create', 'call.update']);
    });
  });

  describe('projects', () => {
    it('creates an application with its rights for the officer, audited without them', async () => {
      const callId = await newCall();
      const created = await projects.create(
        officer,
        projectIn(callId, {
          departmentCodes: ['34', '31'],
          budgetLines: [{ label: 'Animation', amountCents: 500_000 }],
        }),
      );

      expect(created).toMatchObject({
        status: 'draft',
        version: 1,
        departmentCodes: ['31', '34'],
        budgetLines: [{ label: 'Animation', amountCents: 500_000 }],
        allowedTransitions: ['submitted', 'withdrawn'],
        commentRequiredFor: [],
        canDecide: false,
        canGiveOpinion: false,
        canGrant: false,
        grant: null,
      });
      const [event] = await medium.auditEvents('project', created.id);
      expect(event).toMatchObject({ action: 'project.create', actorId: officer.id });
      expect(event.after).not.toHaveProperty('allowedTransitions');
      expect(await projects.get(officer, created.id)).toEqual(created);
    });

    it('refuses applications from outside the team and to an unknown call or axis', async () => {
      const callId = await newCall();
      for (const someone of [auditor, referent31, admin, member]) {
        await expect(projects.create(someone, projectIn(callId))).rejects.toMatchObject({ kind: 'forbidden' });
      }
      await expect(projects.create(officer, projectIn(UNKNOWN))).rejects.toMatchObject({
        kind: 'invalid',
        code: CallsErrorCode.CallUnknown,
      });
      await expect(projects.create(officer, projectIn(callId, { axisCode: 'Z9' }))).rejects.toMatchObject({
        kind: 'invalid',
        code: CallsErrorCode.CallUnknownAxis,
      });
      expect(await count('SELECT count(*)::int AS n FROM project WHERE call_id = $1', [callId])).toBe(0);
    });

    it('gives each reader the moves it may make, which need a comment, and what else it may do', async () => {
      const callId = await newCall();
      const { id } = await projectAt(callId, UNDER_REVIEW);

      expect(await projects.get(delegate, id)).toMatchObject({
        allowedTransitions: ['selected', 'rejected', 'returned_for_changes', 'withdrawn'],
        commentRequiredFor: ['rejected', 'returned_for_changes'],
        canDecide: true,
        canScore: false,
        canReview: true,
      });
      expect(await projects.get(officer, id)).toMatchObject({
        allowedTransitions: ['returned_for_changes', 'withdrawn'],
        commentRequiredFor: ['returned_for_changes'],
        canDecide: false,
        canScore: true,
      });
      expect(await projects.get(referent31, id)).toMatchObject({
        allowedTransitions: [],
        canGiveOpinion: true,
        opinionDepartmentCodes: ['31'],
        canReview: true,
      });
      expect(await projects.get(referent34, id)).toMatchObject({
        allowedTransitions: [],
        canGiveOpinion: false,
        opinionDepartmentCodes: [],
        canReview: false,
      });
      expect(await projects.get(auditor, id)).toMatchObject({ allowedTransitions: [], canReview: false });
      await expect(projects.get(member, id)).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it('lists with each row’s rights, by department (a referent’s own with mine)', async () => {
      const callId = await newCall();
      const in31 = await projectAt(callId, []);
      const in34 = await projectAt(callId, [], { departmentCodes: ['34'] });
      const inBoth = await projectAt(callId, [], { departmentCodes: ['31', '34'] });
      const ids = (page: { items: { id: string }[] }) => page.items.map((p) => p.id).sort();

      const mine = await projects.list(referent34, { callId, mine: true, limit: 50, offset: 0 });
      expect(ids(mine)).toEqual([in34.id, inBoth.id].sort());
      expect(mine.total).toBe(2);
      const of31 = await projects.list(officer, { callId, departmentCode: '31', limit: 50, offset: 0 });
      expect(ids(of31)).toEqual([in31.id, inBoth.id].sort());
      expect(of31.items[0]).toMatchObject({ allowedTransitions: ['submitted', 'withdrawn'] });
      const all = await projects.list(auditor, { callId, limit: 50, offset: 0 });
      expect(all.total).toBe(3);
      expect(all.items.every((p) => p.allowedTransitions.length === 0)).toBe(true);
    });

    it('follows the lifecycle, records each move with its comment, and refuses what the table refuses', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, UNDER_REVIEW);

      await expect(projects.transition(officer, project.id, { to: 'returned_for_changes' })).rejects.toMatchObject({
        kind: 'invalid',
        code: CallsErrorCode.ProjectCommentRequired,
      });
      await expect(projects.transition(officer, project.id, { to: 'submitted' })).rejects.toMatchObject({
        kind: 'conflict',
        code: CallsErrorCode.ProjectTransitionForbidden,
        details: { from: 'under_review', to: 'submitted', allowedTransitions: expect.arrayContaining(['selected']) },
      });
      const rejected = await projects.transition(delegate, project.id, { to: 'rejected', comment: 'Hors périmètre' });

      expect(rejected).toMatchObject({ status: 'rejected', allowedTransitions: [] });
      expect(rejected.history.map((h) => [h.from, h.to, h.comment])).toEqual([
        ['draft', 'submitted', 'motif de test'],
        ['submitted', 'under_review', 'motif de test'],
        ['under_review', 'rejected', 'Hors périmètre'],
      ]);
      const events = await medium.auditEvents('project', project.id);
      expect(events.map((e) => e.action)).toEqual(['project.create', ...Array(3).fill('project.transition')]);
      expect(events[3]).toMatchObject({
        actorId: delegate.id,
        before: { status: 'under_review', version: 3 },
        after: { status: 'rejected', version: 4, comment: 'Hors périmètre' },
      });
    });

    it('refuses a role that never makes the move before reading the project, so its state is not told', async () => {
      const callId = await newCall();
      const selected = await projectAt(callId, SELECTED);

      await expect(projects.transition(officer, selected.id, { to: 'selected' })).rejects.toMatchObject({
        kind: 'forbidden',
        message: 'Your role cannot move a project to selected',
      });
      await expect(projects.transition(referent31, UNKNOWN, { to: 'withdrawn' })).rejects.toMatchObject({
        kind: 'forbidden',
      });
      await expect(projects.transition(auditor, selected.id, { to: 'withdrawn' })).rejects.toMatchObject({
        kind: 'forbidden',
      });
      await expect(projects.transition(officer, selected.id, { to: 'withdrawn' })).rejects.toMatchObject({
        kind: 'conflict',
        details: { allowedTransitions: ['agreement_signed'] },
      });
    });

    it('refuses a move at a stale version and changes nothing', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, ['submitted']);

      await expect(
        projects.transition(officer, project.id, { to: 'under_review', version: project.version - 1 }),
      ).rejects.toMatchObject({ kind: 'conflict', code: CallsErrorCode.ProjectStaleVersion });
      expect(await projects.get(officer, project.id)).toMatchObject({ status: 'submitted', version: project.version });
    });

    it('writes no move when its audit event cannot be written (one transaction)', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, []);
      jest.spyOn(medium.get(AuditService), 'record').mockRejectedValueOnce(new Error('audit trail unavailable'));

      await expect(projects.transition(officer, project.id, { to: 'submitted' })).rejects.toThrow(
        'audit trail unavailable',
      );

      expect(await projects.get(officer, project.id)).toMatchObject({ status: 'draft', history: [] });
    });

    it('moves many projects at once, one result each', async () => {
      const callId = await newCall();
      const draft = await projectAt(callId, []);
      const submitted = await projectAt(callId, ['submitted']);

      const answer = await projects.bulkTransition(officer, {
        projectIds: [submitted.id, draft.id, UNKNOWN],
        to: 'under_review',
      });

      expect(answer).toMatchObject({ succeeded: 1, failed: 2 });
      expect(answer.results).toEqual([
        { projectId: submitted.id, ok: true, status: 'under_review' },
        expect.objectContaining({
          projectId: draft.id,
          ok: false,
          error: expect.objectContaining({ statusCode: 409 }),
        }),
        expect.objectContaining({ projectId: UNKNOWN, ok: false, error: expect.objectContaining({ statusCode: 404 }) }),
      ]);
      await expect(
        projects.bulkTransition(referent31, { projectIds: [submitted.id], to: 'withdrawn' }),
      ).rejects.toMatchObject({ kind: 'forbidden' });
    });
  });

  describe('application edit', () => {
    const RETURNED: ProjectStatus[] = [...UNDER_REVIEW, 'returned_for_changes'];
    const SIRET = '73282932000074';

    it('edits a project returned for changes at its version, audits the difference, then it is deposited again', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, RETURNED, {
        budgetLines: [{ label: 'Animation', amountCents: 600_000 }],
      });
      expect(project).toMatchObject({ canEdit: true, allowedTransitions: expect.arrayContaining(['submitted']) });

      const edited = await edits.update(delegate, project.id, {
        version: project.version,
        title: 'Projet corrigé',
        holder: { name: 'Association corrigée', kind: 'association', siret: SIRET },
        departmentCodes: ['34', '31'],
        departmentShares: [
          { departmentCode: '31', shareBp: 7000 },
          { departmentCode: '34', shareBp: 3000 },
        ],
        communeCodes: ['31555'],
        levers: [3, 1],
        requestedCents: 1_200_000,
        budgetLines: [
          { label: 'Animation', amountCents: 700_000 },
          { label: 'Communication', amountCents: 500_000 },
        ],
      });

      expect(edited).toMatchObject({
        status: 'returned_for_changes',
        version: project.version + 1,
        title: 'Projet corrigé',
        summary: project.summary,
        holder: { name: 'Association corrigée', siret: SIRET },
        departmentCodes: ['31', '34'],
        departmentShares: [
          { departmentCode: '31', shareBp: 7000 },
          { departmentCode: '34', shareBp: 3000 },
        ],
        communeCodes: ['31555'],
        levers: [1, 3],
        targetPublics: project.targetPublics,
        requestedCents: 1_200_000,
        budgetLines: [{ label: 'Animation' }, { label: 'Communication' }],
      });
      const event = (await medium.auditEvents('project', project.id)).at(-1)!;
      expect(event).toMatchObject({
        action: 'project.update',
        actorId: delegate.id,
        before: { title: project.title, departmentCodes: ['31'], departmentShares: [], requestedCents: 1_000_000 },
        after: { title: 'Projet corrigé', departmentCodes: ['31', '34'], requestedCents: 1_200_000 },
      });
      expect(event.after).toMatchObject({ departmentShares: edited.departmentShares, communeCodes: ['31555'] });
      expect(event.after).not.toHaveProperty('canEdit');

      const resubmitted = await projects.transition(officer, project.id, { to: 'submitted', version: edited.version });
      expect(resubmitted).toMatchObject({ status: 'submitted', canEdit: false });
    });

    it('splits the funding figures by the declared shares', async () => {
      const callId = await newCall();
      const draft = await projectAt(callId, [], { departmentCodes: ['31', '34'] });
      await edits.update(officer, draft.id, {
        version: draft.version,
        departmentShares: [
          { departmentCode: '31', shareBp: 2500 },
          { departmentCode: '34', shareBp: 7500 },
        ],
      });
      for (const to of SELECTED) await projects.transition(to === 'selected' ? delegate : officer, draft.id, { to });
      await funding.grant(delegate, draft.id, { amountCents: 1_000_000 });

      const { byDepartment } = await calls.fundingOf(auditor, callId);
      expect(byDepartment.map((d) => [d.code, d.committedCents])).toEqual([
        ['31', 250_000],
        ['34', 750_000],
      ]);
    });

    it('keeps the shares while the departments stay, and shares equally again when they change or null is sent', async () => {
      const callId = await newCall();
      const draft = await projectAt(callId, [], { departmentCodes: ['31', '34'] });
      const shares = [
        { departmentCode: '31', shareBp: 6000 },
        { departmentCode: '34', shareBp: 4000 },
      ];
      let project = await edits.update(officer, draft.id, { version: draft.version, departmentShares: shares });
      project = await edits.update(officer, draft.id, { version: project.version, title: 'Autre titre' });
      expect(project.departmentShares).toEqual(shares);

      project = await edits.update(officer, draft.id, { version: project.version, departmentShares: null });
      expect(project.departmentShares).toEqual([]);
      project = await edits.update(officer, draft.id, { version: project.version, departmentShares: shares });
      project = await edits.update(officer, draft.id, {
        version: project.version,
        departmentCodes: ['31', '34', '09'],
      });
      expect(project).toMatchObject({ departmentCodes: ['09', '31', '34'], departmentShares: [] });
    });

    it('refuses shares that do not add up to 100 % or name a department not of the project, changing nothing', async () => {
      const callId = await newCall();
      const draft = await projectAt(callId, [], { departmentCodes: ['31', '34'] });
      const tries = [
        [
          { departmentCode: '31', shareBp: 6000 },
          { departmentCode: '34', shareBp: 3000 },
        ],
        [
          { departmentCode: '31', shareBp: 6000 },
          { departmentCode: '09', shareBp: 4000 },
        ],
        [{ departmentCode: '31', shareBp: 10_000 }],
      ];
      for (const departmentShares of tries) {
        await expect(
          edits.update(officer, draft.id, { version: draft.version, title: 'Jamais', departmentShares }),
        ).rejects.toMatchObject({ kind: 'invalid', code: CallsErrorCode.ProjectDepartmentShares });
      }
      await expect(
        edits.update(officer, draft.id, { version: draft.version, departmentCodes: ['31', '99'] }),
      ).rejects.toMatchObject({ kind: 'invalid' });

      expect(await projects.get(officer, draft.id)).toMatchObject({ title: draft.title, version: draft.version });
      expect(await actionsOf('project', draft.id)).toEqual(['project.create']);
    });

    it('refuses a stale version, and a project in instruction or decided', async () => {
      const callId = await newCall();
      const draft = await projectAt(callId, []);
      const edited = await edits.update(officer, draft.id, { version: draft.version, title: 'Premier' });

      await expect(edits.update(officer, draft.id, { version: draft.version, title: 'Second' })).rejects.toMatchObject({
        kind: 'conflict',
        code: CallsErrorCode.ProjectStaleVersion,
      });
      for (const path of [UNDER_REVIEW, SELECTED]) {
        const moved = await projectAt(callId, path);
        expect(moved.canEdit).toBe(false);
        await expect(
          edits.update(officer, moved.id, { version: moved.version, title: 'Trop tard' }),
        ).rejects.toMatchObject({
          kind: 'conflict',
          code: CallsErrorCode.ProjectNotEditable,
        });
      }
      expect(await projects.get(officer, draft.id)).toMatchObject({ title: 'Premier', version: edited.version });
    });

    it('leaves the edit to those who enter applications: referents and auditors are refused before anything is read', async () => {
      const callId = await newCall();
      const draft = await projectAt(callId, []);

      for (const reader of [referent31, auditor, admin]) {
        expect((await projects.get(reader, draft.id)).canEdit).toBe(false);
        await expect(edits.update(reader, draft.id, { version: draft.version, title: 'Non' })).rejects.toMatchObject({
          kind: 'forbidden',
        });
      }
      await expect(edits.update(referent31, UNKNOWN, { version: 1, title: 'Non' })).rejects.toMatchObject({
        kind: 'forbidden',
      });
      await expect(edits.update(officer, UNKNOWN, { version: 1, title: 'Non' })).rejects.toMatchObject({
        kind: 'not_found',
      });
    });
  });

  describe('departmental opinions', () => {
    it('takes the opinion of a referent of the department, on a project of that department, while it is instructed', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, ['submitted'], { departmentCodes: ['31'] });

      const opinion = await projects.giveOpinion(referent31, project.id, {
        departmentCode: '31',
        opinion: 'favorable',
        comment: 'Projet attendu sur le territoire',
      });

      expect(opinion).toMatchObject({ projectId: project.id, departmentCode: '31', authorId: referent31.id });
      expect((await projects.get(officer, project.id)).opinions).toEqual([opinion]);
      expect(await medium.auditEvents('project', project.id)).toContainEqual(
        expect.objectContaining({ action: 'project.opinion', actorId: referent31.id }),
      );
    });

    it('refuses other referents, other departments, the team, and closed projects', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, ['submitted'], { departmentCodes: ['31'] });
      const opinion = (departmentCode: string) => ({ departmentCode, opinion: 'reserved' as const, comment: 'Avis' });

      await expect(projects.giveOpinion(referent34, project.id, opinion('34'))).rejects.toMatchObject({
        kind: 'forbidden',
        message: 'Department 34 is not a department of this project',
      });
      await expect(projects.giveOpinion(referent34, project.id, opinion('31'))).rejects.toMatchObject({
        kind: 'forbidden',
        message: 'Only a referent of department 31 gives its opinion',
      });
      for (const someone of [officer, delegate, auditor]) {
        await expect(projects.giveOpinion(someone, project.id, opinion('31'))).rejects.toMatchObject({
          kind: 'forbidden',
        });
      }
      const withdrawn = await projects.transition(officer, project.id, { to: 'withdrawn' });
      expect(await projects.get(referent31, withdrawn.id)).toMatchObject({ canGiveOpinion: false });
      await expect(projects.giveOpinion(referent31, project.id, opinion('31'))).rejects.toMatchObject({
        kind: 'conflict',
        code: CallsErrorCode.ProjectOpinionClosed,
      });
      expect(await count('SELECT count(*)::int AS n FROM opinion WHERE project_id = $1', [project.id])).toBe(0);
    });
  });

  describe('instruction', () => {
    it('scores by mission officers while the project is instructed, and freezes the criteria once scored', async () => {
      const callId = await newCall({ criteria: [{ code: 'C1', label: 'Pertinence', weight: 1 }] });
      const project = await projectAt(callId, UNDER_REVIEW);

      await expect(
        instruction.score(delegate, project.id, { scores: [{ criterion: 'C1', score: 3 }] }),
      ).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(
        instruction.score(officer, project.id, { scores: [{ criterion: 'ZZ', score: 3 }] }),
      ).rejects.toMatchObject({ kind: 'invalid', code: CallsErrorCode.ProjectUnknownCriterion });
      const scored = await instruction.score(officer, project.id, { scores: [{ criterion: 'C1', score: 4 }] });
      expect(scored).toMatchObject({ total: 4, complete: true });
      expect(await actionsOf('project', project.id)).toContain('project.score');

      await expect(
        instruction.setCriteria(officer, callId, [{ code: 'C2', label: 'Autre', weight: 1 }]),
      ).rejects.toMatchObject({ kind: 'conflict', code: CallsErrorCode.CallScoringStarted });
      await projects.transition(delegate, project.id, { to: 'selected' });
      expect(await projects.get(officer, project.id)).toMatchObject({ canScore: false });
      await expect(
        instruction.score(officer, project.id, { scores: [{ criterion: 'C1', score: 1 }] }),
      ).rejects.toMatchObject({ kind: 'conflict', code: CallsErrorCode.ProjectScoringClosed });
    });

    it('gives each reviewer’s scores with the criterion labels, and the weighted means', async () => {
      const callId = await newCall({
        criteria: [
          { code: 'C1', label: 'Pertinence', weight: 2 },
          { code: 'C2', label: 'Faisabilité', weight: 1 },
        ],
      });
      const project = await projectAt(callId, UNDER_REVIEW);
      const second = await medium.actors.missionOfficer({ displayName: 'Évaluatrice B' });
      await instruction.score(officer, project.id, { scores: [{ criterion: 'C1', score: 4 }] });
      const scored = await instruction.score(second, project.id, {
        scores: [
          { criterion: 'C1', score: 2 },
          { criterion: 'C2', score: 5 },
        ],
      });

      expect(scored.criteria).toEqual([
        { criterion: 'C1', label: 'Pertinence', weight: 2, mean: 3, reviewers: 2 },
        { criterion: 'C2', label: 'Faisabilité', weight: 1, mean: 5, reviewers: 1 },
      ]);
      expect(scored.total).toBe(3.67);
      expect(scored.reviews).toHaveLength(2);
      expect(scored.reviews).toContainEqual({
        reviewerId: second.id,
        reviewerName: 'Évaluatrice B',
        scores: [
          { criterion: 'C1', score: 2 },
          { criterion: 'C2', score: 5 },
        ],
        total: 3,
      });
      expect(scored.reviews).toContainEqual(
        expect.objectContaining({
          reviewerId: officer.id,
          scores: [
            { criterion: 'C1', score: 4 },
            { criterion: 'C2', score: null },
          ],
          total: 4,
        }),
      );
    });

    it('tells the delegate what a decision changes: envelopes now and after, score and rank', async () => {
      const callId = await newCall({ criteria: [{ code: 'C1', label: 'Pertinence', weight: 1 }] });
      const granted = await projectAt(callId, SELECTED, { requestedCents: 500_000 });
      await funding.grant(delegate, granted.id, { amountCents: 500_000 });
      const second = await projectAt(callId, UNDER_REVIEW, { requestedCents: 1_000_000 });
      const first = await projectAt(callId, UNDER_REVIEW, { requestedCents: 2_000_000 });
      const unscored = await projectAt(callId, UNDER_REVIEW, { requestedCents: 1_000_000 });
      const otherAxis = await projectAt(callId, UNDER_REVIEW, { axisCode: 'A2', requestedCents: 300_000 });
      await instruction.score(officer, second.id, { scores: [{ criterion: 'C1', score: 3 }] });
      await instruction.score(officer, first.id, { scores: [{ criterion: 'C1', score: 5 }] });

      expect((await projects.get(delegate, second.id)).decisionContext).toEqual({
        callEnvelopeCents: 10_000_000,
        callRemainingCents: 9_500_000,
        callRemainingAfterCents: 8_500_000,
        amountCents: 1_000_000,
        axisCode: 'A1',
        axisLabel: 'Santé environnementale',
        axisEnvelopeCents: 4_000_000,
        axisRemainingCents: 3_500_000,
        axisRemainingAfterCents: 2_500_000,
        weightedScore: 3,
        rank: 2,
        rankedCount: 4,
        withinEnvelope: true,
      });
      expect((await projects.get(auditor, first.id)).decisionContext).toMatchObject({ rank: 1, weightedScore: 5 });
      // The list carries the same weighted scores as the decision context, null when unscored.
      const listed = (await projects.list(auditor, { callId, limit: 50, offset: 0 })).items;
      const scoreOf = (id: string) => listed.find((p) => p.id === id)?.weightedScore;
      expect([scoreOf(second.id), scoreOf(first.id), scoreOf(unscored.id)]).toEqual([3, 5, null]);
      // Ranked after the others of its axis, it would pass what remains of the axis's envelope.
      expect((await projects.get(delegate, unscored.id)).decisionContext).toMatchObject({
        rank: 3,
        weightedScore: null,
        withinEnvelope: false,
      });
      expect((await projects.get(delegate, otherAxis.id)).decisionContext).toMatchObject({
        axisLabel: 'Santé mentale',
        axisEnvelopeCents: null,
        axisRemainingCents: null,
        axisRemainingAfterCents: null,
        callRemainingAfterCents: 9_200_000,
        rank: 4,
        withinEnvelope: true,
      });
      // Already granted: out of the ranking, and granting changes nothing more.
      expect((await projects.get(delegate, granted.id)).decisionContext).toMatchObject({
        amountCents: 0,
        callRemainingAfterCents: 9_500_000,
        axisRemainingAfterCents: 3_500_000,
        rank: null,
        withinEnvelope: null,
      });
    });

    it('lists each department’s latest opinion and the weighted score, best score first on demand', async () => {
      const callId = await newCall({ criteria: [{ code: 'C1', label: 'Pertinence', weight: 1 }] });
      const low = await projectAt(callId, UNDER_REVIEW, { departmentCodes: ['31', '34'] });
      const high = await projectAt(callId, UNDER_REVIEW);
      const unscored = await projectAt(callId, UNDER_REVIEW);
      await instruction.score(officer, low.id, { scores: [{ criterion: 'C1', score: 2 }] });
      await instruction.score(officer, high.id, { scores: [{ criterion: 'C1', score: 5 }] });
      await projects.giveOpinion(referent31, low.id, {
        departmentCode: '31',
        opinion: 'reserved',
        comment: 'À préciser',
      });
      await projects.giveOpinion(referent31, low.id, {
        departmentCode: '31',
        opinion: 'favorable',
        comment: 'Précisé',
      });

      const byScore = await projects.list(delegate, { callId, sort: 'score', limit: 10, offset: 0 });
      expect(byScore.items.map((p) => [p.id, p.weightedScore])).toEqual([
        [high.id, 5],
        [low.id, 2],
        [unscored.id, null],
      ]);
      expect(byScore.items[1].opinionsByDepartment).toEqual([
        { departmentCode: '31', opinion: 'favorable' },
        { departmentCode: '34', opinion: null },
      ]);
      const recent = await projects.list(delegate, { callId, limit: 10, offset: 0 });
      expect(recent.items.map((p) => p.id)).toEqual([unscored.id, high.id, low.id]);
    });

    it('sets criteria for the team only, audited with before and after', async () => {
      const callId = await newCall();

      await expect(
        instruction.setCriteria(auditor, callId, [{ code: 'C1', label: 'Pertinence', weight: 1 }]),
      ).rejects.toMatchObject({ kind: 'forbidden' });
      await instruction.setCriteria(officer, callId, [{ code: 'C1', label: 'Pertinence', weight: 2 }]);

      expect((await calls.get(auditor, callId)).criteria).toEqual([{ code: 'C1', label: 'Pertinence', weight: 2 }]);
      expect(await medium.auditEvents('call', callId)).toContainEqual(
        expect.objectContaining({
          action: 'call.set_criteria',
          before: [],
          after: [expect.objectContaining({ code: 'C1' })],
        }),
      );
    });

    it('keeps notes and labels to the team and the referents of the project’s departments', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, ['submitted'], { departmentCodes: ['31'] });

      const note = await instruction.addNote(referent31, project.id, { text: 'À voir avec le porteur' });
      expect((await instruction.notes(officer, project.id)).items).toEqual([note]);
      for (const someone of [referent34, auditor, admin]) {
        await expect(instruction.notes(someone, project.id)).rejects.toMatchObject({ kind: 'forbidden' });
        await expect(instruction.setLabels(someone, project.id, { labels: ['x'] })).rejects.toMatchObject({
          kind: 'forbidden',
        });
      }
      await instruction.setLabels(delegate, project.id, { labels: [' prêt pour la commission '] });
      expect(await instruction.labels(auditor, project.id)).toEqual({
        projectId: project.id,
        labels: ['prêt pour la commission'],
      });
      expect(await actionsOf('project', project.id)).toEqual(
        expect.arrayContaining(['project.note', 'project.labels']),
      );
    });
  });

  describe('grants and payments', () => {
    it('commits money to a selected project by the delegate, and says who may do what next', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, SELECTED);
      expect(await projects.get(delegate, project.id)).toMatchObject({ canGrant: true });
      expect(await projects.get(officer, project.id)).toMatchObject({ canGrant: false });

      await expect(funding.grant(officer, project.id, { amountCents: 500_000 })).rejects.toMatchObject({
        kind: 'forbidden',
        message: 'Seul le délégué régional engage les crédits',
      });
      const grant = await funding.grant(delegate, project.id, { amountCents: 500_000 });

      expect(grant).toMatchObject({
        amountCents: 500_000,
        paidCents: 0,
        canAddPayment: true,
        canReduce: true,
        canCancel: true,
      });
      expect(await funding.getGrant(officer, grant.id)).toMatchObject({
        canAddPayment: true,
        canReduce: false,
        canCancel: false,
      });
      expect(await funding.getGrant(auditor, grant.id)).toMatchObject({ canAddPayment: false, canCancel: false });
      expect(await projects.get(delegate, project.id)).toMatchObject({ canGrant: false, grant: { id: grant.id } });
      await expect(funding.grant(delegate, project.id, { amountCents: 1 })).rejects.toMatchObject({
        code: CallsErrorCode.GrantExists,
      });
      const [event] = await medium.auditEvents('grant', grant.id);
      expect(event).toMatchObject({ action: 'grant.create', actorId: delegate.id });
      expect(event.after).not.toHaveProperty('canAddPayment');
    });

    it('refuses a project not selected and what would pass the call’s or the axis’s envelope', async () => {
      const callId = await newCall({ envelopeCents: 5_000_000 });
      const underReview = await projectAt(callId, UNDER_REVIEW);
      const onAxis = await projectAt(callId, SELECTED);
      const offAxis = await projectAt(callId, SELECTED, { axisCode: 'A2' });

      await expect(funding.grant(delegate, underReview.id, { amountCents: 1 })).rejects.toMatchObject({
        code: CallsErrorCode.GrantProjectNotSelected,
      });
      await expect(funding.grant(delegate, onAxis.id, { amountCents: 4_000_001 })).rejects.toMatchObject({
        kind: 'conflict',
        code: CallsErrorCode.GrantAxisEnvelopeExceeded,
        details: { remainingCents: 4_000_000 },
      });
      await funding.grant(delegate, onAxis.id, { amountCents: 4_000_000 });
      await expect(funding.grant(delegate, offAxis.id, { amountCents: 1_000_001 })).rejects.toMatchObject({
        code: CallsErrorCode.GrantEnvelopeExceeded,
        details: { remainingCents: 1_000_000 },
      });
      expect(await calls.fundingOf(auditor, callId)).toMatchObject({
        committedCents: 4_000_000,
        remainingCents: 1_000_000,
      });
    });

    it('pays up to the grant, by the team, and not on a cancelled grant', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, SELECTED);
      const grant = await funding.grant(delegate, project.id, { amountCents: 300_000 });

      await expect(
        funding.pay(auditor, grant.id, { amountCents: 100, kind: 'advance', paidOn: '2026-02-01' }),
      ).rejects.toMatchObject({ kind: 'forbidden' });
      const payment = await funding.pay(officer, grant.id, {
        amountCents: 200_000,
        kind: 'advance',
        paidOn: '2026-02-01',
      });
      expect(await medium.auditEvents('payment', payment.id)).toEqual([
        expect.objectContaining({ action: 'payment.create', actorId: officer.id }),
      ]);
      await expect(
        funding.pay(officer, grant.id, { amountCents: 100_001, kind: 'balance', paidOn: '2026-03-01' }),
      ).rejects.toMatchObject({
        kind: 'conflict',
        code: CallsErrorCode.PaymentGrantExceeded,
        details: { remainingCents: 100_000 },
      });

      const cancelled = await funding.cancel(delegate, grant.id, { version: 1, reason: 'Projet abandonné' });
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        version: 2,
        canAddPayment: false,
        canReduce: false,
        canCancel: false,
      });
      await expect(
        funding.pay(officer, grant.id, { amountCents: 1, kind: 'balance', paidOn: '2026-03-01' }),
      ).rejects.toMatchObject({ code: CallsErrorCode.GrantCancelled });
      expect(await calls.fundingOf(officer, callId)).toMatchObject({ committedCents: 200_000, paidCents: 200_000 });
    });

    it('reduces a grant at the version read, never below what was paid', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, SELECTED);
      const grant = await funding.grant(delegate, project.id, { amountCents: 300_000 });
      await funding.pay(officer, grant.id, { amountCents: 100_000, kind: 'advance', paidOn: '2026-02-01' });

      await expect(
        funding.reduce(officer, grant.id, { amountCents: 200_000, version: 1, reason: 'r' }),
      ).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(
        funding.reduce(delegate, grant.id, { amountCents: 50_000, version: 1, reason: 'r' }),
      ).rejects.toMatchObject({ code: CallsErrorCode.GrantBelowPaid });
      await expect(
        funding.reduce(delegate, grant.id, { amountCents: 300_000, version: 1, reason: 'r' }),
      ).rejects.toMatchObject({ code: CallsErrorCode.GrantNotAReduction });
      const reduced = await funding.reduce(delegate, grant.id, {
        amountCents: 200_000,
        version: 1,
        reason: 'Budget revu',
      });
      expect(reduced).toMatchObject({ amountCents: 200_000, version: 2 });
      await expect(
        funding.reduce(delegate, grant.id, { amountCents: 150_000, version: 1, reason: 'r' }),
      ).rejects.toMatchObject({ kind: 'conflict', code: CallsErrorCode.GrantStaleVersion });
      expect((await medium.auditEvents('grant', grant.id))[1]).toMatchObject({
        action: 'grant.reduce',
        before: { amountCents: 300_000, version: 1 },
        after: { amountCents: 200_000, version: 2, reason: 'Budget revu' },
      });
    });

    it('follows a grant up: the team plans it, everyone who reads funding sees it', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, SELECTED);
      const grant = await funding.grant(delegate, project.id, { amountCents: 300_000 });

      await expect(
        followUp.setSchedule(officer, grant.id, {
          tranches: [{ label: 'Tout', dueOn: '2026-06-01', amountCents: 300_001 }],
        }),
      ).rejects.toMatchObject({ kind: 'invalid', code: CallsErrorCode.GrantScheduleOverGrant });
      await expect(followUp.setCoFunders(auditor, grant.id, { coFunders: [] })).rejects.toMatchObject({
        kind: 'forbidden',
      });
      const planned = await followUp.setSchedule(officer, grant.id, {
        tranches: [{ label: 'Avance', dueOn: '2026-06-01', amountCents: 100_000 }],
      });

      expect(planned).toMatchObject({ grantId: grant.id, schedule: [{ label: 'Avance' }], canEdit: true });
      expect(await followUp.get(auditor, grant.id)).toMatchObject({ schedule: [{ label: 'Avance' }], canEdit: false });
      const event = (await medium.auditEvents('grant', grant.id)).find((e) => e.action === 'grant.set_schedule');
      expect(event).toMatchObject({ before: { schedule: [] }, after: { schedule: [{ label: 'Avance' }] } });
      expect(event?.after).not.toHaveProperty('canEdit');
    });

    it('holds a tranche’s ceiling whatever the order of concurrent payments, moves and plan changes', async () => {
      const callId = await newCall();
      const grant = await funding.grant(delegate, (await projectAt(callId, SELECTED)).id, { amountCents: 100_000 });
      const [tranche] = (
        await followUp.setSchedule(officer, grant.id, {
          tranches: [{ label: 'Avance', dueOn: '2026-06-01', amountCents: 20_000 }],
        })
      ).schedule;
      const untied = async () =>
        (await funding.pay(officer, grant.id, { amountCents: 15_000, kind: 'advance', paidOn: '2026-02-01' })).id;
      const [a, b] = [await untied(), await untied()];

      const moves = await Promise.allSettled([
        funding.setPaymentTranche(officer, grant.id, a, { trancheId: tranche.id }),
        funding.setPaymentTranche(delegate, grant.id, b, { trancheId: tranche.id }),
        followUp.setSchedule(officer, grant.id, {
          tranches: [{ id: tranche.id, label: 'Avance', dueOn: '2026-06-01', amountCents: 14_000 }],
        }),
      ]);
      const [settled] = (await followUp.get(auditor, grant.id)).schedule;
      expect(settled.paidCents).toBeLessThanOrEqual(settled.amountCents);
      expect(moves.filter((m) => m.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
      for (const refused of moves.filter((m) => m.status === 'rejected')) {
        expect([CallsErrorCode.PaymentTrancheExceeded, CallsErrorCode.GrantTrancheBelowPaid]).toContain(
          (refused as PromiseRejectedResult).reason.code,
        );
      }
      await expect(
        funding.setAgreement(auditor, grant.id, {
          version: 1,
          legalCommitmentNumber: null,
          conventionNumber: null,
          agreementSignedOn: null,
        }),
      ).rejects.toMatchObject({ kind: 'forbidden' });
      await funding.cancel(delegate, grant.id, { version: 1, reason: 'Projet abandonné' });
      await expect(
        funding.setAgreement(officer, grant.id, {
          version: 2,
          legalCommitmentNumber: '2100012345',
          conventionNumber: null,
          agreementSignedOn: null,
        }),
      ).rejects.toMatchObject({ code: CallsErrorCode.GrantCancelled });
    });

    it('gives each department’s population and what was committed per inhabitant, to the cent', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, SELECTED, { departmentCodes: ['31', '34'] });
      await funding.grant(delegate, project.id, { amountCents: 1_000_001 });

      const populations = new Map((await territory.departments()).map((d) => [d.code, d.population]));
      const { byDepartment } = await calls.fundingOf(auditor, callId);
      expect(byDepartment.map((d) => d.code)).toEqual(['31', '34']);
      for (const d of byDepartment) {
        expect(d.population).toBe(populations.get(d.code));
        expect(d.committedPerInhabitantCents).toBe(Math.round(d.committedCents / d.population));
      }
    });

    it('exports the ledger as PostgreSQL writes it: text quoted and neutralised, euros with a decimal comma, CRLF', async () => {
      const title = `AMI "ledger"; ${++made}`;
      const callId = await newCall({ title });
      const project = await projectAt(callId, SELECTED, {
        title: '=HYPERLINK("http://x","y")',
        holder: { name: "+33 6 'tel'", kind: 'association' },
        departmentCodes: ['34', '31'],
      });
      const grant = await funding.grant(delegate, project.id, {
        amountCents: 1_234_567,
        legalCommitmentNumber: '2100000042',
      });
      const late = await funding.pay(officer, grant.id, {
        amountCents: 250,
        kind: 'installment',
        paidOn: '2026-03-01',
      });
      const early = await funding.pay(officer, grant.id, { amountCents: 5, kind: 'advance', paidOn: '2026-02-01' });

      let text = '';
      for await (const chunk of await funding.exportCsv(auditor, callId)) text += String(chunk);

      const shared = `2026;"${title.replace(/"/g, '""')}";A1;${project.id};"'=HYPERLINK(""http://x"",""y"")";"'+33 6 'tel'";31,34;${grant.id};2100000042;`;
      expect(text.split('\r\n').slice(1)).toEqual([
        `${shared}versement;${early.id};Avance;2026-02-01;5;0,05`,
        `${shared}versement;${late.id};Acompte;2026-03-01;250;2,50`,
        `${shared}reste_a_verser;;;;1234312;12343,12`,
        '',
      ]);
      expect(text.startsWith('\uFEFFannee_appel;')).toBe(true);
    });

    it('opens the ledger to its exporters only', async () => {
      const callId = await newCall();

      await expect(funding.exportCsv(referent31, callId)).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(funding.assertLedgerReader(auditor, UNKNOWN)).rejects.toMatchObject({ kind: 'not_found' });
      await expect(funding.assertLedgerReader(auditor, callId)).resolves.toBeUndefined();
      await expect(calls.exportXlsx(member, callId)).rejects.toMatchObject({ kind: 'forbidden' });
    });
  });

  describe('what awaits the regional team', () => {
    const opinion = (referent: typeof referent31, projectId: string, departmentCode: string) =>
      projects.giveOpinion(referent, projectId, { departmentCode, opinion: 'favorable', comment: 'Avis de test' });

    it('lists the decisions ready, the projects to grant, the agreements to sign and the overdue reports', async () => {
      const callId = await newCall();
      const ready = await projectAt(callId, UNDER_REVIEW, { departmentCodes: ['31', '34'] });
      const halfway = await projectAt(callId, UNDER_REVIEW, { departmentCodes: ['31', '34'] });
      await opinion(referent31, ready.id, '31');
      await opinion(referent34, ready.id, '34');
      await opinion(referent31, halfway.id, '31');
      const toGrant = await projectAt(callId, SELECTED);
      const unsigned = await funding.grant(delegate, (await projectAt(callId, SELECTED)).id, { amountCents: 100_000 });
      const signed = await funding.grant(delegate, (await projectAt(callId, SELECTED)).id, {
        amountCents: 100_000,
        agreementSignedOn: '2026-02-01',
      });
      await followUp.setReports(officer, signed.id, {
        reports: [
          { kind: 'progress', dueOn: '2026-01-31' },
          { kind: 'final', dueOn: '2099-12-31' },
        ],
      });

      const waiting = await awaiting.of(delegate);
      const ids = (items: { id: string }[]) => items.map((p) => p.id);
      expect(ids(waiting.readyForDecision)).toContain(ready.id);
      expect(ids(waiting.readyForDecision)).not.toContain(halfway.id);
      expect(waiting.readyForDecision.find((p) => p.id === ready.id)).toMatchObject({
        canDecide: true,
        opinionsByDepartment: [
          { departmentCode: '31', opinion: 'favorable' },
          { departmentCode: '34', opinion: 'favorable' },
        ],
      });
      expect(ids(waiting.toGrant)).toContain(toGrant.id);
      expect(ids(waiting.toGrant)).not.toContain(unsigned.projectId);
      expect(waiting.agreementsToSign.map((g) => g.grantId)).toContain(unsigned.id);
      expect(waiting.agreementsToSign.map((g) => g.grantId)).not.toContain(signed.id);
      expect(waiting.agreementsToSign.find((g) => g.grantId === unsigned.id)).toMatchObject({
        projectId: unsigned.projectId,
        amountCents: 100_000,
        grantedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      const overdue = waiting.overdueReports.filter((r) => r.grantId === signed.id);
      expect(overdue).toEqual([expect.objectContaining({ kind: 'progress', dueOn: '2026-01-31' })]);
    });

    it('is the screen of those who run the money: not the auditor’s nor a referent’s', async () => {
      await expect(awaiting.of(officer)).resolves.toHaveProperty('readyForDecision');
      for (const reader of [auditor, referent31, member])
        await expect(awaiting.of(reader)).rejects.toMatchObject({ kind: 'forbidden' });
    });
  });
  describe('funding report data version', () => {
    it('changes with whatever the funding report prints, without reading the ledger', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, SELECTED);
      const other = await projectAt(callId, SELECTED, { departmentCodes: ['34'] });
      const grant = await funding.grant(delegate, project.id, { amountCents: 300_000 });
      await funding.pay(officer, grant.id, { amountCents: 50_000, kind: 'advance', paidOn: '2026-02-01' });
      const sql = (text: string, params: unknown[]) => medium.db.manager.query(text, params);

      await expectVersionFollowsData(
        medium,
        'funding',
        { callId },
        {
          'a payment added': () =>
            funding.pay(officer, grant.id, { amountCents: 10_000, kind: 'installment', paidOn: '2026-03-01' }),
          'a payment’s amount corrected': () =>
            sql('UPDATE payment SET amount_cents = amount_cents + 1 WHERE grant_id = $1 AND kind = $2', [
              grant.id,
              'installment',
            ]),
          'a payment removed': () =>
            sql('DELETE FROM payment WHERE grant_id = $1 AND kind = $2', [grant.id, 'installment']),
          'another project granted': () => funding.grant(delegate, other.id, { amountCents: 100_000 }),
          'a grant reduced': () =>
            funding.reduce(delegate, grant.id, { amountCents: 250_000, version: 1, reason: 'Budget revu' }),
          'a granted project renamed': () =>
            sql('UPDATE project SET title = title || $2 WHERE id = $1', [project.id, ' (bis)']),
          'a granted project’s departments changed': () =>
            sql('INSERT INTO project_department (project_id, department_code) VALUES ($1, $2)', [project.id, '09']),
          'the call retitled': async () =>
            callEdits.update(officer, callId, {
              version: (await calls.getUnchecked(callId)).version,
              title: 'AMI renommé',
            }),
          'an axis relabelled': () =>
            sql('UPDATE call_axis SET label = $2 WHERE call_id = $1 AND code = $3', [callId, 'Axe renommé', 'A2']),
        },
      );
    });

    it('stays put when another call’s ledger changes, and follows the departments’ names', async () => {
      const callId = await newCall();
      const project = await projectAt(callId, SELECTED);
      await funding.grant(delegate, project.id, { amountCents: 300_000 });
      const elsewhere = await newCall();
      const otherGrant = await funding.grant(delegate, (await projectAt(elsewhere, SELECTED)).id, {
        amountCents: 1000,
      });
      const version = () => calls.fundingVersion([callId]);
      const before = await version();

      await funding.pay(officer, otherGrant.id, { amountCents: 500, kind: 'advance', paidOn: '2026-02-01' });
      expect(await version()).toBe(before);

      const [{ name }] = await medium.db.manager.query("SELECT name FROM department WHERE code = '31'");
      try {
        await medium.db.manager.query("UPDATE department SET name = 'Haute-Garonne (test)' WHERE code = '31'");
        expect(await version()).not.toBe(before);
      } finally {
        await medium.db.manager.query("UPDATE department SET name = $1 WHERE code = '31'", [name]);
      }
      expect(await version()).toBe(before);
    });
  });
});
