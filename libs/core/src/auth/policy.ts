import { Actor, hasRole, Role } from './actor';
import { DomainError } from '../errors/domain-error';

/**
 * A lib's role rules as data: permission → the roles that hold it, with the French refusal each
 * one gives. Each lib writes one (`<lib>.policy.ts`); its services assert with it, and its DTOs
 * tell the caller what it may do next with `allows`. Object scope (department, body seat) is
 * checked beside it, in the lib, since it needs the object.
 */
export interface Policy<P extends string> {
  roles(permission: P): readonly Role[];
  allows(actor: Actor, permission: P): boolean;
  /** 403 with the permission's message (or the generic one). */
  assert(actor: Actor, permission: P): void;
}

export function definePolicy<P extends string>(
  rules: Record<P, readonly Role[]>,
  messages: Partial<Record<P, string>> = {},
): Policy<P> {
  const allows = (actor: Actor, permission: P) => hasRole(actor, ...rules[permission]);
  return {
    roles: (permission) => rules[permission],
    allows,
    assert(actor, permission) {
      if (!allows(actor, permission)) throw DomainError.forbidden(messages[permission]);
    },
  };
}
