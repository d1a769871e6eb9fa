import type { Actor, Role } from '@app/core/auth/actor';
import { ROADMAP_LIFECYCLE } from './roadmap.constants';

const actor = (...roles: Role[]): Actor => ({ id: 'u', displayName: 'u', roles, departmentCodes: [], memberId: null });
const codes = { transition: 'roadmap.transition_forbidden' as const };

describe('roadmap lifecycle', () => {
  it('the mission submits a draft and takes a submitted roadmap back; the delegate validates it', () => {
    expect(ROADMAP_LIFECYCLE.nextFor('draft', ['mission_officer'])).toEqual(['submitted']);
    expect(ROADMAP_LIFECYCLE.nextFor('submitted', ['mission_officer'])).toEqual(['draft']);
    expect(ROADMAP_LIFECYCLE.nextFor('submitted', ['regional_delegate'])).toEqual(['validated', 'draft']);
    expect(ROADMAP_LIFECYCLE.nextFor('validated', ['regional_delegate'])).toEqual([]);
  });

  it('gives the other roles no move', () => {
    for (const role of ['admin', 'departmental_referent', 'auditor', 'commission_member'] as const) {
      for (const status of ROADMAP_LIFECYCLE.statuses) expect(ROADMAP_LIFECYCLE.nextFor(status, [role])).toEqual([]);
    }
  });

  it('refuses a mission officer the validation (403) before looking at the roadmap', () => {
    expect(() => ROADMAP_LIFECYCLE.assertMayMoveTo(actor('mission_officer'), 'validated')).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
    expect(() => ROADMAP_LIFECYCLE.assertMayMoveTo(actor('regional_delegate'), 'validated')).not.toThrow();
  });

  it('refuses a draft validated straight away (409), naming the moves allowed', () => {
    expect(() => ROADMAP_LIFECYCLE.assertMove(actor('regional_delegate'), 'draft', 'validated', codes)).toThrow(
      expect.objectContaining({
        kind: 'conflict',
        code: 'roadmap.transition_forbidden',
        details: { from: 'draft', to: 'validated', allowedTransitions: ['submitted'] },
      }),
    );
  });
});
