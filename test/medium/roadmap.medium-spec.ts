import { AuditService } from '@app/audit';
import type { Actor } from '@app/core';
import { GovernanceModule } from '@app/governance';
import {
  ActionsService,
  CreateActionDto,
  RoadmapErrorCode,
  RoadmapModule,
  RoadmapsService,
  type RoadmapAxisInputDto,
} from '@app/roadmap';
import type { Cast } from './support/actors';
import { Medium, mediumModule } from './support/medium-module';
import { expectVersionFollowsData } from './support/report-version';

/**
 * The yearly roadmap and its actions through the real RoadmapsService and ActionsService: the module
 * as the api imports it (audit, territory, reports and the job queue), the repositories' SQL on a
 * migrated database, the app's runtime role. Each test works on a year of its own.
 */
describe('roadmap', () => {
  let medium: Medium;
  let roadmaps: RoadmapsService;
  let actions: ActionsService;
  let { delegate, officer, referent31, referent34, auditor, admin, member } = {} as Cast;

  beforeAll(async () => {
    // Governance answers which decision may validate a roadmap (through DecisionLinks), as in the api.
    medium = await mediumModule([RoadmapModule, GovernanceModule], { jobs: true });
    roadmaps = medium.get(RoadmapsService);
    actions = medium.get(ActionsService);
    ({ delegate, officer, referent31, referent34, auditor, admin, member } = await medium.actors.cast());
  });

  let lastYear = 2040;
  const AXES: RoadmapAxisInputDto[] = [
    { code: 'A1', label: 'Agir sur les déterminants sociaux' },
    { code: 'A2', label: 'Aller vers les publics éloignés' },
  ];
  /** A draft roadmap of a year no other test uses. */
  const newRoadmap = async (axes = AXES) => roadmaps.create(officer, { year: ++lastYear, axes });

  const actionIn = (departmentCodes: string[], fields: Partial<CreateActionDto> = {}): CreateActionDto => ({
    axisCode: 'A1',
    title: `Action ${departmentCodes.join('-') || 'régionale'}`,
    pilot: 'ARS Occitanie',
    departmentCodes,
    ...fields,
  });

  /** An adopted decision of the plenary about this roadmap, to validate it with (a body, its meeting, the decision). */
  const decision = async (roadmapId: string): Promise<string> => {
    const [body] = await medium.db.manager.query(
      `INSERT INTO body (kind, name) VALUES ('plenary', 'Commission de test') RETURNING id`,
    );
    const [meeting] = await medium.db.manager.query(
      `INSERT INTO meeting (body_id, starts_at) VALUES ($1, now()) RETURNING id`,
      [body.id],
    );
    const [made] = await medium.db.manager.query(
      `INSERT INTO decision (meeting_id, title, votes_for, votes_against, abstentions, subject_type, subject_id)
       VALUES ($1, 'Validation de la feuille de route', 12, 0, 1, 'roadmap', $2) RETURNING id`,
      [meeting.id, roadmapId],
    );
    return made.id;
  };

  const count = async (sql: string, params: unknown[]): Promise<number> => {
    const [{ n }] = await medium.db.manager.query(`SELECT count(*)::int AS n FROM ${sql}`, params);
    return n;
  };

  describe('the yearly roadmap', () => {
    it('is created by the mission with its axes, in draft, and the creation is audited', async () => {
      const created = await newRoadmap();

      expect(created).toMatchObject({ year: lastYear, status: 'draft', version: 1, validatedByDecisionId: null });
      expect(created.axes.map((a) => a.code)).toEqual(['A1', 'A2']);
      const [event] = await medium.auditEvents('roadmap', created.id);
      expect(event).toMatchObject({ action: 'roadmap.create', actorId: officer.id });
      // The trail keeps the roadmap, not what its creator could do with it.
      expect(event.after).toEqual({
        id: created.id,
        year: lastYear,
        status: 'draft',
        validatedByDecisionId: null,
        version: 1,
        axes: created.axes,
      });
    });

    it('is created once per year, with distinct axis codes', async () => {
      const { year } = await newRoadmap();

      await expect(roadmaps.create(officer, { year, axes: AXES })).rejects.toMatchObject({
        kind: 'conflict',
        code: RoadmapErrorCode.RoadmapExists,
      });
      await expect(
        roadmaps.create(officer, { year: ++lastYear, axes: [AXES[0], { ...AXES[1], code: 'A1' }] }),
      ).rejects.toMatchObject({ kind: 'invalid', code: RoadmapErrorCode.RoadmapAxisRepeated });
    });

    it('is prepared by the mission only', async () => {
      const years: number[] = [];
      for (const actor of [referent31, auditor, admin, member]) {
        years.push(++lastYear);
        await expect(roadmaps.create(actor, { year: lastYear, axes: AXES })).rejects.toMatchObject({
          kind: 'forbidden',
        });
      }
      expect(await count('roadmap WHERE year = ANY ($1::int[])', [years])).toBe(0);
    });

    it('is read by every role but commission members; an unknown year is not found', async () => {
      const { year } = await newRoadmap();

      for (const actor of [delegate, officer, referent31, auditor, admin])
        await expect(roadmaps.get(actor, year)).resolves.toMatchObject({ year });
      await expect(roadmaps.get(member, year)).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(roadmaps.progress(member, year)).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(roadmaps.get(officer, 1999)).rejects.toMatchObject({
        kind: 'not_found',
        code: RoadmapErrorCode.RoadmapNotFound,
      });
    });

    it('lists the years that have one, the latest first, to pick from (not for commission members)', async () => {
      const older = await newRoadmap();
      const newer = await newRoadmap();

      const { items, total } = await roadmaps.years(referent31);

      expect(total).toBe(items.length);
      const years = items.map((y) => y.year);
      expect(years).toEqual([...years].sort((a, b) => b - a));
      expect(items).toEqual(
        expect.arrayContaining([
          { year: newer.year, status: 'draft' },
          { year: older.year, status: 'draft' },
        ]),
      );
      await expect(roadmaps.years(member)).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it('tells each caller what it may do with it', async () => {
      const { year } = await newRoadmap();
      const abilities = async (actor: Actor) => {
        const { allowedTransitions, canSetAxes, canAddAction } = await roadmaps.get(actor, year);
        return { allowedTransitions, canSetAxes, canAddAction };
      };

      expect(await abilities(officer)).toEqual({
        allowedTransitions: ['submitted'],
        canSetAxes: true,
        canAddAction: true,
      });
      expect(await abilities(delegate)).toEqual(await abilities(officer));
      for (const actor of [referent31, auditor, admin])
        expect(await abilities(actor)).toEqual({ allowedTransitions: [], canSetAxes: false, canAddAction: false });

      await roadmaps.transition(officer, year, { to: 'submitted' });
      expect((await roadmaps.get(officer, year)).allowedTransitions).toEqual(['draft']);
      expect((await roadmaps.get(delegate, year)).allowedTransitions).toEqual(['validated', 'draft']);
    });
  });

  describe('its lifecycle: draft → submitted → validated by a decision of the commission', () => {
    it('is submitted by the mission, and the move is audited', async () => {
      const { id, year } = await newRoadmap();

      const submitted = await roadmaps.transition(officer, year, { to: 'submitted' });

      expect(submitted).toMatchObject({ status: 'submitted', version: 2 });
      expect((await medium.auditEvents('roadmap', id))[1]).toEqual({
        action: 'roadmap.transition',
        actorId: officer.id,
        before: { status: 'draft' },
        after: { status: 'submitted', decisionId: null },
      });
    });

    it('is validated by the delegate naming the decision, then its axes are frozen', async () => {
      const { id, year } = await newRoadmap();
      await roadmaps.transition(officer, year, { to: 'submitted' });
      const decisionId = await decision(id);

      const validated = await roadmaps.transition(delegate, year, { to: 'validated', decisionId });

      expect(validated).toMatchObject({
        status: 'validated',
        validatedByDecisionId: decisionId,
        allowedTransitions: [],
        canSetAxes: false,
        canAddAction: true,
      });
      await expect(roadmaps.setAxes(officer, year, { axes: AXES })).rejects.toMatchObject({
        kind: 'conflict',
        code: RoadmapErrorCode.RoadmapFrozen,
      });
    });

    it('needs the decision to validate', async () => {
      const { year } = await newRoadmap();
      await roadmaps.transition(officer, year, { to: 'submitted' });

      await expect(roadmaps.transition(delegate, year, { to: 'validated' })).rejects.toMatchObject({
        kind: 'invalid',
        code: RoadmapErrorCode.RoadmapDecisionRequired,
      });
      expect((await roadmaps.get(officer, year)).status).toBe('submitted');
    });

    it('refuses a move the table does not have (409), naming the moves allowed', async () => {
      const { id, year } = await newRoadmap();

      await expect(
        roadmaps.transition(delegate, year, { to: 'validated', decisionId: await decision(id) }),
      ).rejects.toMatchObject({
        kind: 'conflict',
        code: RoadmapErrorCode.RoadmapTransitionForbidden,
        details: { from: 'draft', to: 'validated', allowedTransitions: ['submitted'] },
      });
      expect((await medium.auditEvents('roadmap', id)).map((e) => e.action)).toEqual(['roadmap.create']);
    });

    it('refuses a role that never makes the move before reading the roadmap (403, even for a year without one)', async () => {
      const { id, year } = await newRoadmap();
      await roadmaps.transition(officer, year, { to: 'submitted' });

      await expect(
        roadmaps.transition(officer, year, { to: 'validated', decisionId: await decision(id) }),
      ).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(roadmaps.transition(referent31, year, { to: 'draft' })).rejects.toMatchObject({
        kind: 'forbidden',
      });
      await expect(roadmaps.transition(auditor, 1999, { to: 'submitted' })).rejects.toMatchObject({
        kind: 'forbidden',
      });
      expect((await roadmaps.get(officer, year)).status).toBe('submitted');
    });

    it('goes back to draft from submitted, by the mission', async () => {
      const { year } = await newRoadmap();
      await roadmaps.transition(officer, year, { to: 'submitted' });

      await expect(roadmaps.transition(officer, year, { to: 'draft' })).resolves.toMatchObject({ status: 'draft' });
    });
  });

  describe('its axes', () => {
    it('are replaced by the mission, the change audited with before and after', async () => {
      const { id, year } = await newRoadmap();
      const axes = [
        { code: 'A1', label: 'Déterminants sociaux, renommé' },
        { code: 'A3', label: 'Nouvel axe' },
      ];

      const updated = await roadmaps.setAxes(officer, year, { axes });

      expect(updated.axes.map((a) => [a.code, a.label])).toEqual([
        ['A1', 'Déterminants sociaux, renommé'],
        ['A3', 'Nouvel axe'],
      ]);
      const [, event] = await medium.auditEvents('roadmap', id);
      expect(event).toMatchObject({ action: 'roadmap.set_axes', before: expect.any(Array), after: updated.axes });
    });

    it('are the mission’s only', async () => {
      const { year } = await newRoadmap();

      await expect(roadmaps.setAxes(referent31, year, { axes: AXES })).rejects.toMatchObject({ kind: 'forbidden' });
    });
  });

  describe('actions', () => {
    it('are added by the mission on an axis of the year, with sorted departments and indicators, audited', async () => {
      const { year } = await newRoadmap();

      const action = await actions.addAction(
        officer,
        year,
        actionIn(['34', '31'], { indicators: [{ label: 'Familles accompagnées', baseline: 0, target: 120 }] }),
      );

      expect(action).toMatchObject({
        year,
        axisCode: 'A1',
        departmentCodes: ['31', '34'],
        regionWide: false,
        status: 'planned',
        progressPercent: 0,
        version: 1,
      });
      expect(action.indicators).toEqual([expect.objectContaining({ label: 'Familles accompagnées', target: 120 })]);
      expect(await medium.auditEvents('action', action.id)).toEqual([
        expect.objectContaining({
          action: 'action.create',
          actorId: officer.id,
          after: expect.objectContaining({ year }),
        }),
      ]);
    });

    it('refuses an axis the year does not have, an end before the start, a referent', async () => {
      const { year } = await newRoadmap();

      await expect(actions.addAction(officer, year, actionIn(['31'], { axisCode: 'Z9' }))).rejects.toMatchObject({
        kind: 'invalid',
        code: RoadmapErrorCode.RoadmapUnknownAxis,
      });
      await expect(
        actions.addAction(officer, year, actionIn(['31'], { startsOn: '2041-06-01', endsOn: '2041-01-01' })),
      ).rejects.toMatchObject({ kind: 'invalid', code: RoadmapErrorCode.ActionDates });
      await expect(actions.addAction(referent31, year, actionIn(['31']))).rejects.toMatchObject({ kind: 'forbidden' });
      expect((await actions.listActions(officer, { year, limit: 10, offset: 0 })).total).toBe(0);
    });

    it('tell each caller whether it may update them and set their links', async () => {
      const { year } = await newRoadmap();
      const of31 = await actions.addAction(officer, year, actionIn(['31']));
      const regional = await actions.addAction(officer, year, actionIn([]));
      const abilities = async (actor: Actor, id: string) => {
        const { canUpdate, canSetLinks } = await actions.getAction(actor, id);
        return { canUpdate, canSetLinks };
      };

      expect(await abilities(officer, of31.id)).toEqual({ canUpdate: true, canSetLinks: true });
      expect(await abilities(delegate, regional.id)).toEqual({ canUpdate: true, canSetLinks: true });
      expect(await abilities(referent31, of31.id)).toEqual({ canUpdate: true, canSetLinks: false });
      // A region-wide action is the mission's; another department's is read only.
      expect(await abilities(referent31, regional.id)).toEqual({ canUpdate: false, canSetLinks: false });
      expect(await abilities(referent34, of31.id)).toEqual({ canUpdate: false, canSetLinks: false });
      for (const actor of [auditor, admin]) {
        expect(await abilities(actor, of31.id)).toEqual({ canUpdate: false, canSetLinks: false });
      }
      await expect(actions.getAction(member, of31.id)).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it('are listed by year and by department, a department seeing its own only', async () => {
      const { year } = await newRoadmap();
      const of31 = await actions.addAction(officer, year, actionIn(['31'], { title: 'B' }));
      const of31and34 = await actions.addAction(officer, year, actionIn(['31', '34'], { title: 'A' }));
      await actions.addAction(officer, year, actionIn(['34'], { title: 'C' }));

      const in31 = await actions.listActions(referent31, { year, departmentCode: '31', limit: 10, offset: 0 });

      expect(in31.total).toBe(2);
      expect(in31.items.map((a) => a.id)).toEqual([of31and34.id, of31.id]);
      expect((await actions.listActions(officer, { year, limit: 10, offset: 0 })).total).toBe(3);
    });

    it('are listed overdue first when asked to, then those without update for 90 days, finished ones last', async () => {
      const { year } = await newRoadmap();
      const done = await actions.addAction(officer, year, actionIn(['31'], { title: 'D terminée' }));
      await actions.updateAction(officer, done.id, { version: 1, status: 'done', progressPercent: 100 });
      await medium.db.manager.query(`UPDATE action_update SET at = now() - interval '10 days' WHERE action_id = $1`, [
        done.id,
      ]); // updated before the others: only its being finished puts it last
      await medium.db.manager.query(`UPDATE action SET created_at = now() - interval '20 days' WHERE id = $1`, [
        done.id,
      ]);
      const recent = await actions.addAction(officer, year, actionIn(['31'], { title: 'A récente' }));
      const overdue = await actions.addAction(
        officer,
        year,
        actionIn(['31'], { title: 'B en retard', endsOn: '2020-01-01' }),
      );
      const stale = await actions.addAction(officer, year, actionIn(['31'], { title: 'C sans nouvelles' }));
      await medium.db.manager.query(`UPDATE action SET created_at = now() - interval '120 days' WHERE id = $1`, [
        stale.id,
      ]);

      const page = await actions.listActions(referent31, { year, attentionFirst: true, limit: 10, offset: 0 });

      expect(page.items.map((a) => [a.id, a.overdue, a.stale])).toEqual([
        [overdue.id, true, false],
        [stale.id, false, true],
        [recent.id, false, false],
        [done.id, false, false],
      ]);
      expect((await actions.staleActions(officer, year)).items.map((a) => a.id)).toEqual([stale.id]);
    });
  });

  describe('an update of an action', () => {
    it('by a referent of its department, at the version read, is kept in the history and audited', async () => {
      const { year } = await newRoadmap();
      const created = await actions.addAction(
        officer,
        year,
        actionIn(['31'], { indicators: [{ label: 'Ateliers', target: 10 }] }),
      );
      const [indicator] = created.indicators;

      const updated = await actions.updateAction(referent31, created.id, {
        version: 1,
        status: 'in_progress',
        progressPercent: 40,
        comment: 'Premiers ateliers tenus',
        indicators: [{ id: indicator.id, value: 4 }],
      });

      expect(updated).toMatchObject({ status: 'in_progress', progressPercent: 40, version: 2 });
      expect(updated.indicators[0]).toMatchObject({ latestValue: 4 });
      const history = await actions.updates(officer, created.id, { limit: 10, offset: 0 });
      expect(history.items).toEqual([
        expect.objectContaining({
          actorId: referent31.id,
          comment: 'Premiers ateliers tenus',
          changes: {
            status: { from: 'planned', to: 'in_progress' },
            progressPercent: { from: 0, to: 40 },
            'indicator:Ateliers': { from: null, to: 4 },
          },
        }),
      ]);
      expect((await medium.auditEvents('action', created.id))[1]).toMatchObject({
        action: 'action.update',
        actorId: referent31.id,
        before: { status: 'planned', progressPercent: 0, version: 1 },
        after: expect.objectContaining({ status: 'in_progress', progressPercent: 40, version: 2 }),
      });
    });

    it('at a stale version is refused (409) and writes nothing', async () => {
      const { year } = await newRoadmap();
      const created = await actions.addAction(officer, year, actionIn(['31']));
      await actions.updateAction(referent31, created.id, { version: 1, progressPercent: 10 });

      await expect(
        actions.updateAction(officer, created.id, { version: 1, progressPercent: 90 }),
      ).rejects.toMatchObject({ kind: 'conflict', code: RoadmapErrorCode.ActionStaleVersion });

      expect(await actions.getAction(officer, created.id)).toMatchObject({ progressPercent: 10, version: 2 });
      expect((await actions.updates(officer, created.id, { limit: 10, offset: 0 })).total).toBe(1);
      expect((await medium.auditEvents('action', created.id)).map((e) => e.action)).toEqual([
        'action.create',
        'action.update',
      ]);
    });

    it('writes nothing when its audit event cannot be written (one transaction)', async () => {
      const { year } = await newRoadmap();
      const created = await actions.addAction(officer, year, actionIn(['31']));
      jest.spyOn(medium.get(AuditService), 'record').mockRejectedValueOnce(new Error('audit trail unavailable'));

      await expect(actions.updateAction(officer, created.id, { version: 1, progressPercent: 50 })).rejects.toThrow(
        'audit trail unavailable',
      );

      expect(await actions.getAction(officer, created.id)).toMatchObject({ progressPercent: 0, version: 1 });
      expect(await count('action_update WHERE action_id = $1', [created.id])).toBe(0);
    });

    it("is refused to another department's referent, and a region-wide action to every referent", async () => {
      const { year } = await newRoadmap();
      const of31 = await actions.addAction(officer, year, actionIn(['31']));
      const regional = await actions.addAction(officer, year, actionIn([]));

      await expect(actions.updateAction(referent34, of31.id, { version: 1, progressPercent: 5 })).rejects.toMatchObject(
        { kind: 'forbidden' },
      );
      await expect(
        actions.updateAction(referent31, regional.id, { version: 1, progressPercent: 5 }),
      ).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(
        actions.updateAction(delegate, regional.id, { version: 1, progressPercent: 5 }),
      ).resolves.toMatchObject({ version: 2 });
    });

    it('is refused to the roles that update no action before the action is read (403, not 404)', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';

      for (const actor of [auditor, admin, member]) {
        await expect(actions.updateAction(actor, unknown, { version: 1, progressPercent: 5 })).rejects.toMatchObject({
          kind: 'forbidden',
        });
      }
      await expect(actions.updateAction(officer, unknown, { version: 1 })).rejects.toMatchObject({
        kind: 'not_found',
        code: RoadmapErrorCode.ActionNotFound,
      });
    });

    it('refuses an indicator of another action', async () => {
      const { year } = await newRoadmap();
      const other = await actions.addAction(officer, year, actionIn(['31'], { indicators: [{ label: 'Autre' }] }));
      const created = await actions.addAction(officer, year, actionIn(['31']));

      await expect(
        actions.updateAction(officer, created.id, {
          version: 1,
          indicators: [{ id: other.indicators[0].id, value: 1 }],
        }),
      ).rejects.toMatchObject({ kind: 'invalid', code: RoadmapErrorCode.ActionUnknownIndicator });
    });
  });

  describe('the CSV round trip', () => {
    it('applies each row of an edited export on its own: the referent’s rows pass, the others are refused', async () => {
      const { year } = await newRoadmap();
      const of31 = await actions.addAction(officer, year, actionIn(['31'], { title: 'A' }));
      const of34 = await actions.addAction(officer, year, actionIn(['34'], { title: 'B' }));
      const csv = await actions.exportCsv(officer, { year, limit: 10, offset: 0 });
      const edited = csv.replace(/;Prévue;0;/g, ';En cours;25;');

      const result = await actions.importCsv(referent31, edited);

      expect(result).toMatchObject({ applied: 1, rejected: 1 });
      expect(result.results).toEqual([
        { line: 2, actionId: of31.id, ok: true, version: 2 },
        {
          line: 3,
          actionId: of34.id,
          ok: false,
          error: 'Cette action ne concerne pas vos départements',
          code: 'access.forbidden',
        },
      ]);
      expect(await actions.getAction(officer, of34.id)).toMatchObject({ status: 'planned', version: 1 });
    });
  });

  describe('links', () => {
    it('are set by the mission, audited, and read by every internal role', async () => {
      const { year } = await newRoadmap();
      const action = await actions.addAction(officer, year, actionIn(['31']));
      const [contract] = await medium.db.manager.query(
        `INSERT INTO local_health_contract (name, department_code, status) VALUES ('CLS lié', '31', 'signed') RETURNING id`,
      );

      const links = await actions.setLinks(officer, action.id, { projectIds: [], contractIds: [contract.id] });

      expect(links).toEqual({ actionId: action.id, projectIds: [], contractIds: [contract.id] });
      expect(await actions.linksOf(auditor, action.id)).toEqual(links);
      expect((await medium.auditEvents('action', action.id))[1]).toMatchObject({
        action: 'action.set_links',
        before: { projectIds: [], contractIds: [] },
        after: links,
      });
      await expect(actions.setLinks(referent31, action.id, { projectIds: [], contractIds: [] })).rejects.toMatchObject({
        kind: 'forbidden',
      });
    });
  });

  describe('a contract’s action sheet', () => {
    it('stays in the contract’s department, and in the writer’s', async () => {
      const [contract] = await medium.db.manager.query(
        `INSERT INTO local_health_contract (name, department_code, status) VALUES ('CLS fiche', '31', 'signed') RETURNING id`,
      );
      const owner = { id: contract.id as string, departmentCode: '31' };

      await expect(
        actions.addContractActionSheet(officer, owner, { title: 'Fiche', pilot: 'Mairie', departmentCodes: ['34'] }),
      ).rejects.toMatchObject({ kind: 'invalid', code: RoadmapErrorCode.ActionContractDepartment });
      await expect(
        actions.addContractActionSheet(referent34, owner, { title: 'Fiche', pilot: 'Mairie', departmentCodes: ['31'] }),
      ).rejects.toMatchObject({ kind: 'forbidden' });
      const sheet = await actions.addContractActionSheet(officer, owner, {
        title: 'Fiche',
        pilot: 'Mairie',
        departmentCodes: ['31'],
      });
      expect(sheet).toMatchObject({ contractId: contract.id, year: null, axisCode: null, canUpdate: true });
      expect((await medium.auditEvents('action', sheet.id))[0].after).toMatchObject({ contractId: contract.id });
    });
  });

  describe('progress', () => {
    it('rolls actions up per axis and per department, a region-wide action counting everywhere', async () => {
      const { year } = await newRoadmap();
      const a = await actions.addAction(officer, year, actionIn(['31']));
      const b = await actions.addAction(officer, year, actionIn([], { axisCode: 'A2' }));
      await actions.updateAction(officer, a.id, { version: 1, status: 'done', progressPercent: 100 });
      await actions.updateAction(officer, b.id, { version: 1, status: 'in_progress', progressPercent: 50 });

      const progress = await roadmaps.progress(referent34, year);

      expect(progress.byAxis).toEqual([
        expect.objectContaining({ key: 'A1', actions: 1, progressPercent: 100 }),
        expect.objectContaining({ key: 'A2', actions: 1, progressPercent: 50 }),
      ]);
      const department = (code: string) => progress.byDepartment.find((d) => d.key === code)!;
      expect(department('31')).toMatchObject({ actions: 2, progressPercent: 75 });
      expect(department('34')).toMatchObject({ actions: 1, progressPercent: 50 });
    });
  });
  describe('the roadmap report’s data version', () => {
    it('changes with whatever the year’s report prints, time turning an action stale included', async () => {
      const { year } = await newRoadmap();
      const action = await actions.addAction(officer, year, actionIn(['31']));
      const sql = (text: string, values: unknown[]) => medium.db.manager.query(text, values);

      try {
        await expectVersionFollowsData(
          medium,
          'roadmap',
          { year },
          {
            'an action added': () => actions.addAction(officer, year, actionIn([], { axisCode: 'A2' })),
            'an action’s progress updated': () =>
              actions.updateAction(referent31, action.id, { version: 1, progressPercent: 30 }),
            'an action’s departments changed': () =>
              sql('INSERT INTO action_department (action_id, department_code) VALUES ($1, $2)', [action.id, '34']),
            'an indicator added': () =>
              sql('INSERT INTO indicator (action_id, position, label, baseline) VALUES ($1, 1, $2, 10)', [
                action.id,
                'Personnes accompagnées',
              ]),
            'an axis relabelled': () =>
              sql(
                'UPDATE roadmap_axis SET label = $2 WHERE code = $3 AND roadmap_id = (SELECT id FROM roadmap WHERE year = $1)',
                [year, 'Axe renommé', 'A2'],
              ),
            'a department renamed': () => sql("UPDATE department SET name = name || ' (test)' WHERE code = $1", ['46']),
            'time alone turning the actions stale': async () =>
              jest.useFakeTimers({
                now: Date.now() + 91 * 86_400_000,
                advanceTimers: true,
                doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
              }),
          },
        );
      } finally {
        jest.useRealTimers();
        await sql("UPDATE department SET name = replace(name, ' (test)', '') WHERE code = $1", ['46']);
      }
    });
  });
});
