import type { Actor, Role } from '../auth/actor';
import { DomainError } from '../errors/domain-error';
import { lifecycle, SYSTEM_MOVE } from './lifecycle';

type S = 'draft' | 'review' | 'accepted' | 'rejected';
const TEAM: Role[] = ['mission_officer', 'regional_delegate'];
const doc = lifecycle<S>(['draft', 'review', 'accepted', 'rejected'], {
  draft: { review: { roles: TEAM } },
  review: {
    accepted: { roles: ['regional_delegate'] },
    rejected: { roles: ['regional_delegate'], commentRequired: true },
  },
  accepted: {},
  rejected: {},
});
const actor = (...roles: Role[]): Actor => ({ id: 'u', displayName: 'u', roles, departmentCodes: [], memberId: null });

describe('lifecycle', () => {
  it('lists the moves from a state, and those the caller may make', () => {
    expect(doc.next('review')).toEqual(['accepted', 'rejected']);
    expect(doc.nextFor('review', ['mission_officer'])).toEqual([]);
    expect(doc.nextFor('review', ['regional_delegate'])).toEqual(['accepted', 'rejected']);
  });

  it('knows which states lead to a state, for conditional updates', () => {
    expect(doc.leadingTo('review')).toEqual(['draft']);
    expect(doc.leadingTo('draft')).toEqual([]);
  });

  it('refuses on role before telling the state', () => {
    expect(doc.check('accepted', 'rejected', ['mission_officer'])).toEqual({ ok: false, reason: 'role' });
    expect(() => doc.assertMayMoveTo(actor('mission_officer'), 'accepted')).toThrow(DomainError);
  });

  it('names the allowed moves when the move does not exist', () => {
    expect(doc.check('draft', 'accepted', ['regional_delegate'])).toEqual({
      ok: false,
      reason: 'forbidden_transition',
      allowed: ['review'],
    });
    const error = (() => {
      try {
        doc.assertMove(actor('regional_delegate'), 'draft', 'accepted', { transition: 'doc.transition_forbidden' });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error?.kind).toBe('conflict');
    expect(error?.details).toEqual({ from: 'draft', to: 'accepted', allowedTransitions: ['review'] });
  });

  it('requires the comment a move asks for', () => {
    expect(doc.check('review', 'rejected', ['regional_delegate'], '  ')).toEqual({
      ok: false,
      reason: 'comment_required',
    });
    expect(doc.check('review', 'rejected', ['regional_delegate'], 'hors champ').ok).toBe(true);
  });

  it('gives system moves to no role', () => {
    const job = lifecycle<'queued' | 'done'>(['queued', 'done'], { queued: { done: SYSTEM_MOVE }, done: {} });
    expect(job.nextFor('queued', ['admin'])).toEqual([]);
    expect(job.leadingTo('done')).toEqual(['queued']);
  });
});
