import type { Actor, Role } from '@app/core/auth/actor';
import { MEETING_LIFECYCLE, MINUTES_LIFECYCLE } from './governance.constants';
import {
  bodyActions,
  governancePolicy,
  mayReadMinutes,
  meetingActions,
  minutesActions,
  seatActions,
  seesEmailOf,
} from './governance.policy';

const as = (roles: Role[], memberId: string | null = null): Actor => ({
  id: 'u',
  displayName: 'x',
  roles,
  departmentCodes: [],
  memberId,
});

const officer = as(['mission_officer']);
const delegate = as(['regional_delegate']);
const admin = as(['admin']);
const referent = as(['departmental_referent']);
const auditor = as(['auditor']);
const member = as(['commission_member'], 'm1');

describe('governance policy', () => {
  it('lets the mission officer and the delegate manage the commission, no one else', () => {
    for (const a of [officer, delegate]) expect(governancePolicy.allows(a, 'manage')).toBe(true);
    for (const a of [admin, referent, auditor, member]) expect(governancePolicy.allows(a, 'manage')).toBe(false);
    expect(() => governancePolicy.assert(member, 'manage')).toThrow(/Seuls la mission/);
  });

  it('reads every body for the team, referents and auditors; members read their own only', () => {
    for (const a of [officer, delegate, admin, referent, auditor])
      expect(governancePolicy.allows(a, 'readAllBodies')).toBe(true);
    expect(governancePolicy.allows(member, 'readAllBodies')).toBe(false);
  });

  it('shows the members list to every role but a plain member, e-mails to the team and the member itself', () => {
    expect(governancePolicy.allows(member, 'readMembers')).toBe(false);
    expect(governancePolicy.allows(as(['commission_member', 'auditor']), 'readMembers')).toBe(true);
    expect(governancePolicy.allows(as([]), 'readMembers')).toBe(false);
    expect(seesEmailOf(admin, 'm2')).toBe(true);
    expect(seesEmailOf(referent, 'm2')).toBe(false);
    expect(seesEmailOf(member, 'm1')).toBe(true);
    expect(seesEmailOf(member, 'm2')).toBe(false);
  });

  it('lets members read published minutes only', () => {
    expect(mayReadMinutes(member, 'published')).toBe(true);
    expect(mayReadMinutes(member, 'approved')).toBe(false);
    expect(mayReadMinutes(auditor, 'draft')).toBe(true);
  });
});

describe('lifecycles', () => {
  it('walks meetings planned → held → closed and minutes draft → approved → published, for managers', () => {
    expect(MEETING_LIFECYCLE.next('planned')).toEqual(['held']);
    expect(MEETING_LIFECYCLE.next('held')).toEqual(['closed']);
    expect(MEETING_LIFECYCLE.next('closed')).toEqual([]);
    expect(MINUTES_LIFECYCLE.next('draft')).toEqual(['approved']);
    expect(MINUTES_LIFECYCLE.next('approved')).toEqual(['published']);
    expect(MINUTES_LIFECYCLE.next('published')).toEqual([]);
    expect(MEETING_LIFECYCLE.rolesMovingTo('planned').sort()).toEqual(['mission_officer', 'regional_delegate']);
    expect(MINUTES_LIFECYCLE.check('draft', 'approved', ['admin']).ok).toBe(false);
  });
});

describe('what the caller may do next', () => {
  it('offers meeting moves and records to managers while the meeting is open', () => {
    expect(meetingActions(officer, { status: 'planned', quorumReached: null, convenedAt: null })).toEqual({
      allowedTransitions: ['held'],
      canRecordAttendance: true,
      canRecordDecision: false,
      canConvene: true,
    });
    expect(meetingActions(delegate, { status: 'held', quorumReached: true, convenedAt: null })).toEqual({
      allowedTransitions: ['closed'],
      canRecordAttendance: true,
      canRecordDecision: true,
      canConvene: false,
    });
    expect(meetingActions(officer, { status: 'closed', quorumReached: true, convenedAt: null })).toEqual({
      allowedTransitions: [],
      canRecordAttendance: false,
      canRecordDecision: false,
      canConvene: false,
    });
    expect(meetingActions(member, { status: 'held', quorumReached: true, convenedAt: null })).toEqual({
      allowedTransitions: [],
      canRecordAttendance: false,
      canRecordDecision: false,
      canConvene: false,
    });
  });

  it('offers to convene a planned meeting once, to managers only', () => {
    const planned = { status: 'planned' as const, quorumReached: null };
    expect(meetingActions(officer, { ...planned, convenedAt: '2026-12-01T09:00:00.000Z' }).canConvene).toBe(false);
    expect(meetingActions(member, { ...planned, convenedAt: null }).canConvene).toBe(false);
  });

  it('offers minutes moves, and edits of a draft, to managers', () => {
    expect(minutesActions(officer, null)).toEqual({ allowedTransitions: [], canEdit: true });
    expect(minutesActions(officer, 'draft')).toEqual({ allowedTransitions: ['approved'], canEdit: true });
    expect(minutesActions(officer, 'approved')).toEqual({ allowedTransitions: ['published'], canEdit: false });
    expect(minutesActions(officer, 'published')).toEqual({ allowedTransitions: [], canEdit: false });
    expect(minutesActions(auditor, 'draft')).toEqual({ allowedTransitions: [], canEdit: false });
  });

  it('offers seat and body management to managers', () => {
    expect(bodyActions(officer)).toEqual({ canManageSeats: true, canAddPosition: true, canCreateMeeting: true });
    expect(bodyActions(referent)).toEqual({ canManageSeats: false, canAddPosition: false, canCreateMeeting: false });
    const held = { current: {}, mandates: [{ endsOn: null }] };
    const ended = { current: null, mandates: [{ endsOn: '2026-01-31' }] };
    const endsToday = { current: {}, mandates: [{ endsOn: '2026-02-01' }] };
    expect(seatActions(officer, held, '2026-02-01')).toEqual({ canEndMandate: true, canAddMandate: false });
    expect(seatActions(officer, ended, '2026-02-01')).toEqual({ canEndMandate: false, canAddMandate: true });
    expect(seatActions(officer, endsToday, '2026-02-01')).toEqual({ canEndMandate: true, canAddMandate: false });
    expect(seatActions(member, held, '2026-02-01')).toEqual({ canEndMandate: false, canAddMandate: false });
  });
});
