import type { Role } from '@app/core/auth/actor';
import { PROJECT_TRANSITIONS, type ProjectStatus, type TransitionRule } from './calls.constants';

export type TransitionCheck =
  | { ok: true; rule: TransitionRule }
  | { ok: false; reason: 'forbidden_transition'; allowed: ProjectStatus[] }
  | { ok: false; reason: 'role' }
  | { ok: false; reason: 'comment_required' };

export function allowedTransitions(from: ProjectStatus): ProjectStatus[] {
  return Object.keys(PROJECT_TRANSITIONS[from]) as ProjectStatus[];
}

/** Checks a move against the transition table: the move itself, then the role, then the comment. */
export function checkTransition(
  from: ProjectStatus,
  to: ProjectStatus,
  roles: readonly Role[],
  comment?: string,
): TransitionCheck {
  const rule = PROJECT_TRANSITIONS[from][to];
  if (!rule) return { ok: false, reason: 'forbidden_transition', allowed: allowedTransitions(from) };
  if (!rule.roles.some((r) => roles.includes(r))) return { ok: false, reason: 'role' };
  if (rule.commentRequired && !comment?.trim()) return { ok: false, reason: 'comment_required' };
  return { ok: true, rule };
}
