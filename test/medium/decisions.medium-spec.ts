import { CallsModule, CallsService, ProjectsService, type ProjectStatus } from '@app/calls';
import { ContractsModule, ContractsService } from '@app/contracts';
import {
  BodiesService,
  type BodyKind,
  type CreateDecisionDto,
  GovernanceErrorCode,
  GovernanceModule,
  MeetingsService,
} from '@app/governance';
import { RoadmapErrorCode, RoadmapModule, RoadmapsService } from '@app/roadmap';
import type { Cast } from './support/actors';
import { Medium, mediumModule } from './support/medium-module';

/**
 * What the commission's decisions decide, across the libs that own their subjects (DecisionLinks):
 * governance records the decision, roadmap and calls check their subject exists, the roadmap accepts
 * only an adopted plenary decision about it, a selection list moves its projects. The modules as the
 * api imports them, on a migrated database.
 */
describe('decisions and their subjects', () => {
  let medium: Medium;
  let bodies: BodiesService;
  let meetings: MeetingsService;
  let roadmaps: RoadmapsService;
  let calls: CallsService;
  let projects: ProjectsService;
  let contracts: ContractsService;
  let { delegate, officer } = {} as Cast;

  beforeAll(async () => {
    medium = await mediumModule([GovernanceModule, RoadmapModule, CallsModule, ContractsModule], { jobs: true });
    bodies = medium.get(BodiesService);
    meetings = medium.get(MeetingsService);
    roadmaps = medium.get(RoadmapsService);
    calls = medium.get(CallsService);
    projects = medium.get(ProjectsService);
    contracts = medium.get(ContractsService);
    ({ delegate, officer } = await medium.actors.cast());
  });

  const UNKNOWN = '00000000-0000-4000-8000-000000000000';
  let made = 0;

  /** A meeting of a body of `kind` with three seats, two present: it has quorum and two voices. */
  async function heldMeeting(kind: BodyKind = 'plenary') {
    const body = await bodies.createBody(officer, { kind, name: `Instance ${++made}`, installedOn: '2024-01-01' });
    const sitting: string[] = [];
    for (const college of ['users', 'elected', 'health_actors'] as const) {
      const member = await bodies.createMember(officer, {
        displayName: `Membre ${++made}`,
        organization: 'x',
        college,
      });
      await bodies.addSeat(officer, body.id, { college, memberId: member.id, startsOn: '2024-01-01' });
      sitting.push(member.id);
    }
    const meeting = await meetings.create(officer, {
      bodyId: body.id,
      startsAt: '2025-06-18T14:00:00+02:00',
      agenda: [],
    });
    await meetings.recordAttendance(officer, meeting.id, [
      { memberId: sitting[0], status: 'present' },
      { memberId: sitting[1], status: 'represented' },
      { memberId: sitting[2], status: 'absent' },
    ]);
    return meeting;
  }

  let year = 2050;
  const submittedRoadmap = async () => {
    const roadmap = await roadmaps.create(officer, { year: ++year, axes: [{ code: 'A1', label: 'Axe' }] });
    await roadmaps.transition(officer, year, { to: 'submitted' });
    return roadmap;
  };
  const vote = (fields: Partial<CreateDecisionDto> = {}): CreateDecisionDto => ({
    title: `Délibération ${++made}`,
    votesFor: 2,
    votesAgainst: 0,
    abstentions: 0,
    ...fields,
  });
  const count = async (table: string, where: string, params: unknown[]): Promise<number> =>
    (await medium.db.manager.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n;

  describe('a decision’s subject and votes', () => {
    it('names a roadmap by its year or id, and keeps its id', async () => {
      const meeting = await heldMeeting();
      const roadmap = await submittedRoadmap();

      for (const subjectId of [String(roadmap.year), roadmap.id]) {
        const decision = await meetings.addDecision(officer, meeting.id, vote({ subjectType: 'roadmap', subjectId }));
        expect(decision).toMatchObject({ subjectType: 'roadmap', subjectId: roadmap.id });
      }
    });

    it('refuses a subject that does not exist (400), whatever its kind, and writes nothing', async () => {
      const meeting = await heldMeeting();
      const refused: [CreateDecisionDto['subjectType'], string][] = [
        ['roadmap', '1999'],
        ['roadmap', UNKNOWN],
        ['call_selection', UNKNOWN],
        ['call_selection', 'AMI 2026'],
        ['contract', UNKNOWN],
      ];
      for (const [subjectType, subjectId] of refused) {
        await expect(meetings.addDecision(officer, meeting.id, vote({ subjectType, subjectId }))).rejects.toMatchObject(
          {
            kind: 'invalid',
            code: GovernanceErrorCode.DecisionSubjectUnknown,
          },
        );
      }
      expect(await count('decision', 'meeting_id = $1', [meeting.id])).toBe(0);
    });

    it('names a call or a contract that exists', async () => {
      const meeting = await heldMeeting();
      const call = await calls.create(officer, {
        title: `AMI ${++made}`,
        year: 2026,
        fundingSource: 'FIR',
        envelopeCents: 1_000_000,
        opensOn: '2026-01-15',
        closesOn: '2099-12-31',
        axes: [{ code: 'A1', label: 'Axe' }],
      });
      const contract = await contracts.create(officer, {
        name: `CLS ${++made}`,
        departmentCode: '31',
        status: 'in_preparation',
        territories: [],
      });

      const selection = await meetings.addDecision(
        officer,
        meeting.id,
        vote({ subjectType: 'call_selection', subjectId: call.id }),
      );
      const approval = await meetings.addDecision(
        officer,
        meeting.id,
        vote({ subjectType: 'contract', subjectId: contract.id }),
      );
      expect([selection.subjectId, approval.subjectId]).toEqual([call.id, contract.id]);
    });

    it('refuses more voices than seats present or represented (400), and says the attendance is missing', async () => {
      const meeting = await heldMeeting();

      await expect(
        meetings.addDecision(officer, meeting.id, vote({ votesFor: 2, votesAgainst: 0, abstentions: 1 })),
      ).rejects.toMatchObject({
        kind: 'invalid',
        code: GovernanceErrorCode.DecisionVotesOverPresent,
        details: { cast: 3, seatsPresent: 2 },
      });
      expect(await count('decision', 'meeting_id = $1', [meeting.id])).toBe(0);
      expect(await meetings.addDecision(officer, meeting.id, vote({ votesFor: 1, abstentions: 1 }))).toMatchObject({
        adopted: true,
      });

      const planned = await meetings.create(officer, {
        bodyId: meeting.bodyId,
        startsAt: '2025-09-18T14:00:00+02:00',
        agenda: [],
      });
      await expect(meetings.addDecision(officer, planned.id, vote())).rejects.toMatchObject({
        kind: 'conflict',
        code: GovernanceErrorCode.MeetingNoQuorum,
        message: expect.stringMatching(/attendance sheet/),
      });
    });
  });

  describe('the roadmap’s validation', () => {
    it('takes an adopted plenary decision about this roadmap, listed as eligible', async () => {
      const meeting = await heldMeeting();
      const roadmap = await submittedRoadmap();
      const decision = await meetings.addDecision(
        officer,
        meeting.id,
        vote({ subjectType: 'roadmap', subjectId: roadmap.id }),
      );

      expect((await roadmaps.eligibleDecisions(delegate, year)).items).toEqual([
        expect.objectContaining({ id: decision.id, title: decision.title, votesFor: 2, meetingId: meeting.id }),
      ]);
      const validated = await roadmaps.transition(delegate, year, { to: 'validated', decisionId: decision.id });
      expect(validated).toMatchObject({ status: 'validated', validatedByDecisionId: decision.id });
      await expect(roadmaps.eligibleDecisions(officer, year)).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it('refuses a rejected vote, a working group’s decision, another subject’s, an unknown one; none is eligible', async () => {
      const plenary = await heldMeeting();
      const group = await heldMeeting('working_group');
      const roadmap = await submittedRoadmap();
      const other = await submittedRoadmap();
      const about = (id: string) => ({ subjectType: 'roadmap' as const, subjectId: id });
      const rejected = await meetings.addDecision(
        officer,
        plenary.id,
        vote({ ...about(roadmap.id), votesFor: 1, votesAgainst: 1 }),
      );
      const ofGroup = await meetings.addDecision(officer, group.id, vote(about(roadmap.id)));
      const ofOther = await meetings.addDecision(officer, plenary.id, vote(about(other.id)));
      const without = await meetings.addDecision(officer, plenary.id, vote());

      const refusals: [string, string, string][] = [
        [rejected.id, 'conflict', RoadmapErrorCode.RoadmapDecisionNotAdopted],
        [ofGroup.id, 'conflict', RoadmapErrorCode.RoadmapDecisionNotPlenary],
        [ofOther.id, 'conflict', RoadmapErrorCode.RoadmapDecisionOtherSubject],
        [without.id, 'conflict', RoadmapErrorCode.RoadmapDecisionOtherSubject],
        [UNKNOWN, 'invalid', RoadmapErrorCode.RoadmapDecisionUnknown],
      ];
      for (const [decisionId, kind, code] of refusals) {
        await expect(
          roadmaps.transition(delegate, roadmap.year, { to: 'validated', decisionId }),
        ).rejects.toMatchObject({ kind, code });
      }
      expect((await roadmaps.get(delegate, roadmap.year)).status).toBe('submitted');
      expect((await roadmaps.eligibleDecisions(delegate, roadmap.year)).items).toEqual([]);
    });
  });

  describe('a selection list', () => {
    const newCall = async () =>
      (
        await calls.create(officer, {
          title: `AMI ${++made}`,
          year: 2026,
          fundingSource: 'FIR',
          envelopeCents: 10_000_000,
          opensOn: '2026-01-15',
          closesOn: '2099-12-31',
          axes: [{ code: 'A1', label: 'Axe' }],
        })
      ).id;
    const projectAt = async (callId: string, path: ProjectStatus[]) => {
      let project = await projects.create(officer, {
        callId,
        axisCode: 'A1',
        title: `Projet ${++made}`,
        holder: { name: 'Association', kind: 'association' },
        departmentCodes: ['31'],
        targetPublics: ['young_people'],
        levers: [1],
        requestedCents: 100_000,
      });
      for (const to of path)
        project = await projects.transition(to === 'rejected' ? delegate : officer, project.id, {
          to,
          comment: 'motif',
        });
      return project.id;
    };
    const UNDER_REVIEW: ProjectStatus[] = ['submitted', 'under_review'];
    const statusOf = async (id: string) => (await projects.get(officer, id)).status;

    it('moves the projects it carries to selected with the decision, each move audited and in their history', async () => {
      const meeting = await heldMeeting();
      const callId = await newCall();
      const [p1, p2, left] = [
        await projectAt(callId, UNDER_REVIEW),
        await projectAt(callId, UNDER_REVIEW),
        await projectAt(callId, UNDER_REVIEW),
      ];

      const decision = await meetings.addDecision(
        officer,
        meeting.id,
        vote({
          title: 'Liste de sélection AMI',
          subjectType: 'call_selection',
          subjectId: callId,
          projectIds: [p1, p2],
        }),
      );

      expect([await statusOf(p1), await statusOf(p2), await statusOf(left)]).toEqual([
        'selected',
        'selected',
        'under_review',
      ]);
      expect((await medium.auditEvents('project', p1)).at(-1)).toMatchObject({
        action: 'project.transition',
        actorId: officer.id,
        before: { status: 'under_review' },
        after: { status: 'selected', decisionId: decision.id },
      });
      expect((await medium.auditEvents('decision', decision.id))[0].after).toMatchObject({ projectIds: [p1, p2] });
      expect((await projects.get(officer, p1)).history.at(-1)).toMatchObject({
        to: 'selected',
        comment: 'Liste de sélection votée par la commission : « Liste de sélection AMI »',
      });
    });

    it('refuses the whole list (400 naming each project) when one cannot move, and moves nothing', async () => {
      const meeting = await heldMeeting();
      const callId = await newCall();
      const ready = await projectAt(callId, UNDER_REVIEW);
      const submitted = await projectAt(callId, ['submitted']);
      const elsewhere = await projectAt(await newCall(), UNDER_REVIEW);

      await expect(
        meetings.addDecision(
          officer,
          meeting.id,
          vote({
            subjectType: 'call_selection',
            subjectId: callId,
            projectIds: [ready, submitted, elsewhere, UNKNOWN],
          }),
        ),
      ).rejects.toMatchObject({
        kind: 'invalid',
        code: 'project.selection_refused',
        details: {
          refused: expect.arrayContaining([
            { projectId: submitted, reason: 'not_under_review', status: 'submitted' },
            { projectId: elsewhere, reason: 'other_call' },
            { projectId: UNKNOWN, reason: 'unknown' },
          ]),
        },
      });
      expect([await statusOf(ready), await statusOf(submitted), await statusOf(elsewhere)]).toEqual([
        'under_review',
        'submitted',
        'under_review',
      ]);
      expect(await count('decision', 'meeting_id = $1', [meeting.id])).toBe(0);
    });

    it('carries projects only as a call’s selection list (400)', async () => {
      const meeting = await heldMeeting();
      const roadmap = await submittedRoadmap();
      await expect(
        meetings.addDecision(
          officer,
          meeting.id,
          vote({ subjectType: 'roadmap', subjectId: roadmap.id, projectIds: [UNKNOWN] }),
        ),
      ).rejects.toMatchObject({ kind: 'invalid', code: GovernanceErrorCode.DecisionSelectionOutsideCall });
    });
  });
});
