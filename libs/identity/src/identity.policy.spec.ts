import type { Actor, Role } from '@app/core/auth/actor';
import { SYSTEM_ACTOR } from '@app/core/auth/actor';
import { assertOwnAccount, identityPolicy } from './identity.policy';

const actor = (...roles: Role[]): Actor => ({ id: 'u1', displayName: 'u', roles, departmentCodes: [], memberId: null });

describe('identity policy', () => {
  it('leaves accounts to the admin', () => {
    expect(identityPolicy.allows(actor('admin'), 'manageUsers')).toBe(true);
    for (const role of ['regional_delegate', 'mission_officer', 'departmental_referent', 'auditor'] as const)
      expect(identityPolicy.allows(actor(role), 'manageUsers')).toBe(false);
  });

  it('lets every signed-in account read the directory', () => {
    expect(identityPolicy.allows(actor('commission_member'), 'readDirectory')).toBe(true);
    expect(identityPolicy.allows(actor('auditor'), 'readDirectory')).toBe(true);
  });

  it('lets a person change its own password, not the system', () => {
    expect(() => assertOwnAccount(actor('commission_member'))).not.toThrow();
    expect(() => assertOwnAccount({ ...SYSTEM_ACTOR })).toThrow();
    expect(() => assertOwnAccount({ ...actor(), roles: [] })).toThrow();
  });
});
