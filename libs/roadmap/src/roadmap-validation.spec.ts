import type { DecisionFacts } from '@app/core/decisions/decision-links';
import { validationRefusal } from './roadmap-validation';

const ROADMAP = 'b3c1f7f2-1111-4111-8111-111111111111';
const adopted: DecisionFacts = {
  id: 'd',
  title: 'Validation de la feuille de route',
  meetingId: 'm',
  meetingStartsAt: '2026-06-18T12:00:00.000Z',
  bodyKind: 'plenary',
  bodyName: 'Assemblée plénière',
  votesFor: 13,
  votesAgainst: 0,
  abstentions: 2,
  adopted: true,
  subjectType: 'roadmap',
  subjectId: ROADMAP,
};

describe('which decision validates a roadmap', () => {
  it('is an adopted decision of the plenary about this roadmap', () => {
    expect(validationRefusal(adopted, ROADMAP)).toBeNull();
  });

  it.each([
    ['no decision', null, 'invalid', 'roadmap.decision_unknown'],
    [
      'a decision without subject',
      { ...adopted, subjectType: null, subjectId: null },
      'conflict',
      'roadmap.decision_other_subject',
    ],
    ['another roadmap’s', { ...adopted, subjectId: 'other' }, 'conflict', 'roadmap.decision_other_subject'],
    [
      'a call’s selection list',
      { ...adopted, subjectType: 'call_selection' as const },
      'conflict',
      'roadmap.decision_other_subject',
    ],
    [
      'a working group’s',
      { ...adopted, bodyKind: 'working_group' as const },
      'conflict',
      'roadmap.decision_not_plenary',
    ],
    [
      'a rejected vote',
      { ...adopted, votesFor: 5, votesAgainst: 8, adopted: false },
      'conflict',
      'roadmap.decision_not_adopted',
    ],
  ])('refuses %s', (_case, decision, kind, code) => {
    expect(validationRefusal(decision, ROADMAP)).toMatchObject({ kind, code });
  });
});
