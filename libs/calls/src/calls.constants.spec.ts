import { CALL_LIFECYCLE, PROJECT_LIFECYCLE } from './calls.constants';

const check = PROJECT_LIFECYCLE.check.bind(PROJECT_LIFECYCLE);

describe('project lifecycle', () => {
  it('follows DESIGN.md from draft to closed', () => {
    const path = [
      'draft',
      'submitted',
      'under_review',
      'selected',
      'agreement_signed',
      'in_progress',
      'closed',
    ] as const;
    for (let i = 1; i < path.length; i += 1) {
      expect(check(path[i - 1], path[i], ['regional_delegate']).ok).toBe(true);
    }
  });

  it('sends a project back for correction and lets it be submitted again', () => {
    expect(check('under_review', 'returned_for_changes', ['mission_officer'], 'budget à détailler').ok).toBe(true);
    expect(check('returned_for_changes', 'submitted', ['mission_officer']).ok).toBe(true);
  });

  it('allows withdrawal before a decision only', () => {
    for (const from of ['draft', 'submitted', 'under_review', 'returned_for_changes'] as const) {
      expect(check(from, 'withdrawn', ['mission_officer']).ok).toBe(true);
    }
    expect(check('selected', 'withdrawn', ['regional_delegate'])).toEqual({
      ok: false,
      reason: 'forbidden_transition',
      allowed: ['agreement_signed'],
    });
  });

  it('leaves the decision to the delegate and requires a reason to reject', () => {
    expect(check('under_review', 'selected', ['mission_officer'])).toEqual({ ok: false, reason: 'role' });
    expect(check('under_review', 'rejected', ['regional_delegate'])).toEqual({
      ok: false,
      reason: 'comment_required',
    });
    expect(check('under_review', 'rejected', ['regional_delegate'], 'hors périmètre').ok).toBe(true);
  });

  it('refuses a role that never makes the move before looking at the state, so the state is not disclosed', () => {
    expect(PROJECT_LIFECYCLE.rolesMovingTo('selected')).toEqual(['regional_delegate']);
    expect(check('closed', 'selected', ['departmental_referent'])).toEqual({ ok: false, reason: 'role' });
    expect(check('selected', 'selected', ['mission_officer'])).toEqual({ ok: false, reason: 'role' });
    expect(check('rejected', 'withdrawn', ['auditor'])).toEqual({ ok: false, reason: 'role' });
    expect(check('under_review', 'draft', ['admin'])).toEqual({ ok: false, reason: 'role' });
    expect(check('rejected', 'withdrawn', ['mission_officer'])).toMatchObject({ reason: 'forbidden_transition' });
  });

  it('ends nowhere from a final state', () => {
    expect(PROJECT_LIFECYCLE.next('rejected')).toEqual([]);
    expect(PROJECT_LIFECYCLE.next('closed')).toEqual([]);
    expect(check('draft', 'selected', ['regional_delegate'])).toMatchObject({
      ok: false,
      reason: 'forbidden_transition',
    });
  });

  it('offers each caller only the moves its role makes', () => {
    expect(PROJECT_LIFECYCLE.nextFor('under_review', ['mission_officer'])).toEqual([
      'returned_for_changes',
      'withdrawn',
    ]);
    expect(PROJECT_LIFECYCLE.nextFor('under_review', ['regional_delegate'])).toEqual([
      'selected',
      'rejected',
      'returned_for_changes',
      'withdrawn',
    ]);
    expect(PROJECT_LIFECYCLE.nextFor('under_review', ['departmental_referent', 'auditor', 'admin'])).toEqual([]);
  });
});

describe('call lifecycle', () => {
  it('opens, closes and is decided by the regional team; only the delegate reopens, with a comment', () => {
    expect(CALL_LIFECYCLE.next('draft')).toEqual(['open']);
    expect(CALL_LIFECYCLE.next('closed')).toEqual(['decided', 'open']);
    expect(CALL_LIFECYCLE.next('decided')).toEqual([]);
    expect(CALL_LIFECYCLE.nextFor('closed', ['mission_officer'])).toEqual(['decided']);
    expect(CALL_LIFECYCLE.nextFor('closed', ['regional_delegate'])).toEqual(['decided', 'open']);
    expect(CALL_LIFECYCLE.check('closed', 'open', ['regional_delegate'])).toEqual({
      ok: false,
      reason: 'comment_required',
    });
    expect(CALL_LIFECYCLE.nextFor('closed', ['auditor', 'admin', 'departmental_referent'])).toEqual([]);
  });

  it('refuses the role first, then names the allowed moves', () => {
    expect(CALL_LIFECYCLE.check('draft', 'open', ['auditor'])).toEqual({ ok: false, reason: 'role' });
    expect(CALL_LIFECYCLE.check('draft', 'decided', ['mission_officer'])).toEqual({
      ok: false,
      reason: 'forbidden_transition',
      allowed: ['open'],
    });
    expect(CALL_LIFECYCLE.check('draft', 'draft', ['regional_delegate'])).toMatchObject({
      reason: 'forbidden_transition',
    });
  });
});
