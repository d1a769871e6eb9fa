import { allowedTransitions, checkTransition, rolesMovingTo } from './project-lifecycle';

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
      expect(checkTransition(path[i - 1], path[i], ['regional_delegate']).ok).toBe(true);
    }
  });

  it('sends a project back for correction and lets it be submitted again', () => {
    expect(checkTransition('under_review', 'returned_for_changes', ['mission_officer'], 'budget à détailler').ok).toBe(
      true,
    );
    expect(checkTransition('returned_for_changes', 'submitted', ['mission_officer']).ok).toBe(true);
  });

  it('allows withdrawal before a decision only', () => {
    for (const from of ['draft', 'submitted', 'under_review', 'returned_for_changes'] as const) {
      expect(checkTransition(from, 'withdrawn', ['mission_officer']).ok).toBe(true);
    }
    expect(checkTransition('selected', 'withdrawn', ['regional_delegate'])).toEqual({
      ok: false,
      reason: 'forbidden_transition',
      allowed: ['agreement_signed'],
    });
  });

  it('leaves the decision to the delegate and requires a reason to reject', () => {
    expect(checkTransition('under_review', 'selected', ['mission_officer'])).toEqual({ ok: false, reason: 'role' });
    expect(checkTransition('under_review', 'rejected', ['regional_delegate'])).toEqual({
      ok: false,
      reason: 'comment_required',
    });
    expect(checkTransition('under_review', 'rejected', ['regional_delegate'], 'hors périmètre').ok).toBe(true);
  });

  it('refuses a role that never makes the move before looking at the state, so the state is not disclosed', () => {
    expect(rolesMovingTo('selected')).toEqual(['regional_delegate']);
    expect(checkTransition('closed', 'selected', ['departmental_referent'])).toEqual({ ok: false, reason: 'role' });
    expect(checkTransition('selected', 'selected', ['mission_officer'])).toEqual({ ok: false, reason: 'role' });
    expect(checkTransition('rejected', 'withdrawn', ['auditor'])).toEqual({ ok: false, reason: 'role' });
    expect(checkTransition('under_review', 'draft', ['admin'])).toEqual({ ok: false, reason: 'role' });
    expect(checkTransition('rejected', 'withdrawn', ['mission_officer'])).toMatchObject({
      reason: 'forbidden_transition',
    });
  });

  it('ends nowhere from a final state', () => {
    expect(allowedTransitions('rejected')).toEqual([]);
    expect(allowedTransitions('closed')).toEqual([]);
    expect(checkTransition('draft', 'selected', ['regional_delegate'])).toMatchObject({
      ok: false,
      reason: 'forbidden_transition',
    });
  });
});
