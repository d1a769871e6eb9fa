import { Actor, Role } from '@app/core/auth/actor';
import {
  assertCanAssignDepartments,
  assertDepartmentScope,
  assertInternalReader,
  canActOnDepartments,
  canAssignDepartments,
} from './department-scope';

const actor = (roles: Role[], departmentCodes: string[] = []): Actor => ({
  id: 'u',
  displayName: 'u',
  roles,
  departmentCodes,
  memberId: null,
});

describe('department scope', () => {
  it('lets the regional team act everywhere', () => {
    expect(canActOnDepartments(actor(['regional_delegate']), ['34'])).toBe(true);
    expect(canActOnDepartments(actor(['mission_officer']), ['09'])).toBe(true);
  });

  it('lets a referent act on its departments only', () => {
    const referent31 = actor(['departmental_referent'], ['31']);
    expect(canActOnDepartments(referent31, ['31', '32'])).toBe(true);
    expect(canActOnDepartments(referent31, ['34'])).toBe(false);
    expect(() => assertDepartmentScope(referent31, ['34'])).toThrow(/département/);
  });

  it('lets a referent give an object only departments that are all its own', () => {
    const referent31 = actor(['departmental_referent'], ['31', '32']);
    expect(canAssignDepartments(referent31, ['31', '32'])).toBe(true);
    expect(canAssignDepartments(referent31, ['31', '34'])).toBe(false);
    expect(canAssignDepartments(referent31, [])).toBe(false);
    expect(canAssignDepartments(actor(['mission_officer']), ['34'])).toBe(true);
    expect(canAssignDepartments(actor(['regional_delegate']), [])).toBe(true);
    expect(canAssignDepartments(actor(['admin']), ['31'])).toBe(false);
    expect(() => assertCanAssignDepartments(referent31, 'departmentCodes', ['31', '34'])).toThrow(
      /departmentCodes.*34/,
    );
  });

  it('refuses roles without departmental write rights, the admin included', () => {
    expect(canActOnDepartments(actor(['admin']), ['31'])).toBe(false);
    expect(canActOnDepartments(actor(['auditor']), ['31'])).toBe(false);
    expect(canActOnDepartments(actor(['commission_member']), ['31'])).toBe(false);
  });

  it('keeps the mission’s working files from commission members only', () => {
    expect(() => assertInternalReader(actor(['commission_member']))).toThrow();
    expect(() => assertInternalReader(actor(['commission_member', 'departmental_referent'], ['31']))).not.toThrow();
    expect(() => assertInternalReader(actor(['auditor']))).not.toThrow();
  });
});
