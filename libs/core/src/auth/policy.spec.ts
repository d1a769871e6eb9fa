import type { Actor, Role } from './actor';
import { definePolicy } from './policy';

const actor = (...roles: Role[]): Actor => ({ id: 'u', displayName: 'u', roles, departmentCodes: [], memberId: null });
const policy = definePolicy(
  { read: ['auditor', 'regional_delegate'], decide: ['regional_delegate'] },
  { decide: 'Seul le délégué régional décide' },
);

describe('definePolicy', () => {
  it('allows the roles a permission lists, and no other', () => {
    expect(policy.allows(actor('auditor'), 'read')).toBe(true);
    expect(policy.allows(actor('auditor'), 'decide')).toBe(false);
  });

  it('refuses with the permission’s own message', () => {
    expect(() => policy.assert(actor('mission_officer'), 'decide')).toThrow('Seul le délégué régional décide');
    expect(() => policy.assert(actor('regional_delegate'), 'decide')).not.toThrow();
  });
});
