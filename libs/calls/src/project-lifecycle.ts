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

const rules = Object.values(PROJECT_TRANSITIONS).flatMap((moves) => Object.entries(moves)) as [
  ProjectStatus,
  TransitionRule,
][];

/**
 * The roles that may move a project to `to` from some state (from the transition table); for a
 * status no move leads to, the roles that make any move at all.
 */
export function rolesMovingTo(to: ProjectStatus): Role[] {
  const into = rules.filter(([target]) => target === to);
  return [...new Set((into.length > 0 ? into : rules).flatMap(([, rule]) => rule.roles))];
}

/**
 * Checks a move against the transition table: first whether the caller's role ever makes a move to
 * that status, whatever the project's state (so a 409 never tells it the state), then the move
 * itself, the role for that move, and the comment.
 */
export function checkTransition(
  from: ProjectStatus,
  to: ProjectStatus,
  roles: readonly Role[],
  comment?: string,
): TransitionCheck {
  if (!rolesMovingTo(to).some((r) => roles.includes(r))) return { ok: false, reason: 'role' };
  const rule = PROJECT_TRANSITIONS[from][to];
  if (!rule) return { ok: false, reason: 'forbidden_transition', allowed: allowedTransitions(from) };
  if (!rule.roles.some((r) => roles.includes(r))) return { ok: false, reason: 'role' };
  if (rule.commentRequired && !comment?.trim()) return { ok: false, reason: 'comment_required' };
  return { ok: true, rule };
}
