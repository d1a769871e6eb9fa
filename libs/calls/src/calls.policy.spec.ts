import type { Actor, Role } from '@app/core/auth/actor';
import {
  assertDepartmentOfProject,
  assertMayGiveOpinionFor,
  assertMayMoveProjectTo,
  assertMayScore,
  assertReviewer,
  acceptsApplications,
  acceptsGrants,
  callRights,
  callsPolicy,
  canGrant,
  grantRights,
  projectRights,
} from './calls.policy';

// The identity barrel loads Nest; its department scope is plain code.
jest.mock('@app/identity', () => jest.requireActual('../../identity/src/access/department-scope'));

const actor = (roles: Role[], departmentCodes: string[] = []): Actor => ({
  id: 'u1',
  displayName: 'u',
  roles,
  departmentCodes,
  memberId: null,
});
const delegate = actor(['regional_delegate']);
const officer = actor(['mission_officer']);
const referent31 = actor(['departmental_referent'], ['31']);
const auditor = actor(['auditor']);
const admin = actor(['admin']);
const member = actor(['commission_member']);

describe('calls policy', () => {
  it('lets everyone but commission members read, and only the regional team enter calls and applications', () => {
    for (const reader of [delegate, officer, referent31, auditor, admin])
      expect(callsPolicy.allows(reader, 'read')).toBe(true);
    expect(callsPolicy.allows(member, 'read')).toBe(false);
    expect(() => callsPolicy.assert(auditor, 'enter')).toThrow('Seule l’équipe régionale ISS saisit');
    expect(() => callsPolicy.assert(officer, 'commit')).toThrow('Seul le délégué régional engage les crédits');
    expect(callsPolicy.allows(referent31, 'exportLedger')).toBe(false);
    expect(callsPolicy.allows(auditor, 'exportLedger')).toBe(true);
  });

  it('refuses a project move to a role that never makes it, before the project is read', () => {
    expect(() => assertMayMoveProjectTo(officer, 'selected')).toThrow('Your role cannot move a project to selected');
    expect(() => assertMayMoveProjectTo(referent31, 'withdrawn')).toThrow();
    expect(() => assertMayMoveProjectTo(delegate, 'selected')).not.toThrow();
  });

  it('leaves the opinion of a department to its referents, on projects of that department', () => {
    expect(() => assertMayGiveOpinionFor(referent31, '34')).toThrow('Only a referent of department 34');
    expect(() => assertMayGiveOpinionFor(officer, '31')).toThrow();
    expect(() => assertMayGiveOpinionFor(referent31, '31')).not.toThrow();
    expect(() => assertDepartmentOfProject({ status: 'submitted', departmentCodes: ['34'] }, '31')).toThrow(
      'Department 31 is not a department of this project',
    );
  });

  it('scores by signed-in mission officers only', () => {
    expect(() => assertMayScore(delegate)).toThrow('Seuls les chargés de mission');
    expect(() => assertMayScore({ ...officer, id: null })).toThrow('Seuls les chargés de mission');
    expect(() => assertMayScore(officer)).not.toThrow();
  });

  it('takes reviewers from the team and the referents of the project’s departments', () => {
    expect(() => assertReviewer(referent31, { departmentCodes: ['34'] })).toThrow('Réservé aux instructeurs');
    expect(() => assertReviewer(auditor, { departmentCodes: ['31'] })).toThrow();
    expect(() => assertReviewer(referent31, { departmentCodes: ['31', '34'] })).not.toThrow();
    expect(() => assertReviewer(officer, { departmentCodes: ['34'] })).not.toThrow();
  });
});

describe('what a DTO tells its reader', () => {
  const underReview = { status: 'under_review' as const, departmentCodes: ['31'] };

  it('gives each reader its own moves, and says which need a comment', () => {
    expect(projectRights(delegate, underReview)).toMatchObject({
      allowedTransitions: ['selected', 'rejected', 'returned_for_changes', 'withdrawn'],
      commentRequiredFor: ['rejected', 'returned_for_changes'],
      canDecide: true,
      canGiveOpinion: false,
      canScore: false,
      canReview: true,
    });
    expect(projectRights(officer, underReview)).toMatchObject({
      allowedTransitions: ['returned_for_changes', 'withdrawn'],
      commentRequiredFor: ['returned_for_changes'],
      canDecide: false,
      canScore: true,
    });
    expect(projectRights(auditor, underReview)).toMatchObject({ allowedTransitions: [], canReview: false });
  });

  it('opens the opinion to the referents of the project’s departments while opinions are open', () => {
    expect(projectRights(referent31, underReview)).toMatchObject({
      allowedTransitions: [],
      canGiveOpinion: true,
      opinionDepartmentCodes: ['31'],
      canReview: true,
    });
    expect(projectRights(actor(['departmental_referent'], ['34']), underReview)).toMatchObject({
      canGiveOpinion: false,
      opinionDepartmentCodes: [],
      canReview: false,
    });
    expect(projectRights(referent31, { ...underReview, status: 'selected' })).toMatchObject({
      canGiveOpinion: false,
      canScore: false,
    });
  });

  it('lets the delegate commit to a selected project without a grant', () => {
    const selected = { status: 'selected' as const, departmentCodes: ['31'] };
    expect(canGrant(delegate, selected, false)).toBe(true);
    expect(canGrant(delegate, selected, true)).toBe(false);
    expect(canGrant(officer, selected, false)).toBe(false);
    expect(canGrant(delegate, underReview, false)).toBe(false);
  });

  it('says what may still be done with a grant', () => {
    const grant = { status: 'active' as const, amountCents: 1000, paidCents: 400 };
    const team = { canEditAgreement: true, canChangePaymentTranche: true };
    expect(grantRights(officer, grant)).toEqual({ canAddPayment: true, canReduce: false, canCancel: false, ...team });
    expect(grantRights(delegate, grant)).toEqual({ canAddPayment: true, canReduce: true, canCancel: true, ...team });
    expect(grantRights(delegate, { ...grant, paidCents: 1000 })).toMatchObject({
      canAddPayment: false,
      canReduce: false,
    });
    expect(grantRights(delegate, { ...grant, status: 'cancelled' })).toEqual({
      canAddPayment: false,
      canReduce: false,
      canCancel: false,
      canEditAgreement: false,
      canChangePaymentTranche: true,
    });
    const none = { canAddPayment: false, canReduce: false, canCancel: false };
    expect(grantRights(auditor, grant)).toEqual({ ...none, canEditAgreement: false, canChangePaymentTranche: false });
    expect(grantRights(referent31, grant)).toEqual({
      ...none,
      canEditAgreement: false,
      canChangePaymentTranche: false,
    });
  });

  it('gives a call’s moves to the regional team only, reopening to the delegate with a comment', () => {
    const closed = { status: 'closed' as const, closesOn: '2026-04-30' };
    expect(callRights(officer, closed, '2026-03-01')).toEqual({
      allowedTransitions: ['decided'],
      commentRequiredFor: [],
      acceptsApplications: false,
      closingDayPassed: false,
      acceptsGrants: false,
      canEdit: true,
      canSetCriteria: true,
      canAddProject: false,
      canExportLedger: true,
    });
    expect(callRights(delegate, closed, '2026-03-01')).toMatchObject({
      allowedTransitions: ['decided', 'open'],
      commentRequiredFor: ['open'],
    });
    expect(callRights(referent31, closed, '2026-03-01')).toEqual({
      allowedTransitions: [],
      commentRequiredFor: [],
      acceptsApplications: false,
      closingDayPassed: false,
      acceptsGrants: false,
      canEdit: false,
      canSetCriteria: false,
      canAddProject: false,
      canExportLedger: false,
    });
  });

  it('takes applications while the call is open, past its closing day too (files received by then), grants unless it is closed', () => {
    const open = { status: 'open' as const, closesOn: '2026-04-30' };
    expect(acceptsApplications(open)).toBe(true);
    expect(acceptsApplications({ ...open, status: 'closed' })).toBe(false);
    expect(acceptsApplications({ ...open, status: 'draft' })).toBe(false);
    expect(callRights(officer, open, '2026-04-30')).toMatchObject({ closingDayPassed: false, canAddProject: true });
    expect(callRights(officer, open, '2026-05-01')).toMatchObject({
      closingDayPassed: true,
      canAddProject: true,
      acceptsGrants: true,
    });
    expect(acceptsGrants({ status: 'closed' })).toBe(false);
    expect(acceptsGrants({ status: 'decided' })).toBe(true);
    expect(callRights(officer, { status: 'decided', closesOn: '2026-04-30' }, '2026-05-01').canEdit).toBe(false);
  });
});
