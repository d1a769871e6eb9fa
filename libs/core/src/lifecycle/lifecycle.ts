import { type Actor, hasRole, type Role } from '../auth/actor';
import { DomainError, type TransitionForbiddenCode } from '../errors/domain-error';

/** One move of a lifecycle: who may make it (none: only the system, e.g. the worker) and whether it needs a reason. */
export interface Move {
  roles: readonly Role[];
  /** A comment is required: the reason of a rejection, what to correct when returned. */
  commentRequired?: boolean;
}

/** from → to → move. Every lifecycle of the domain is one of these tables. */
export type TransitionTable<S extends string> = Record<S, Partial<Record<S, Move>>>;

export type TransitionCheck<S extends string> =
  | { ok: true; move: Move }
  | { ok: false; reason: 'forbidden_transition'; allowed: S[] }
  | { ok: false; reason: 'role' }
  | { ok: false; reason: 'comment_required' };

/** Moves only the system makes (the worker's report runs): no role holds them. */
export const SYSTEM_MOVE: Move = Object.freeze({ roles: [] });

/** A transition table and the questions services, DTOs and conditional UPDATEs ask of it. */
export class Lifecycle<S extends string> {
  private readonly moves: [S, S, Move][];

  constructor(
    readonly statuses: readonly S[],
    private readonly table: TransitionTable<S>,
  ) {
    this.moves = statuses.flatMap((from) =>
      Object.entries(table[from]).map(([to, move]) => [from, to as S, move as Move] as [S, S, Move]),
    );
  }

  /** Every status reachable from `from` in one move. */
  next(from: S): S[] {
    return this.moves.filter(([f]) => f === from).map(([, to]) => to);
  }

  /** The moves from `from` the caller's roles may make: what a DTO's `allowedTransitions` says. */
  nextFor(from: S, roles: readonly Role[]): S[] {
    return this.moves
      .filter(([f, , move]) => f === from && move.roles.some((r) => roles.includes(r)))
      .map(([, to]) => to);
  }

  /** Statuses from which `to` is reached in one move: what conditional UPDATEs match on. */
  leadingTo(to: S): S[] {
    return this.moves.filter(([, t]) => t === to).map(([from]) => from);
  }

  /** The roles that make some move to `to`; for a status no move leads to, those that make any move. */
  rolesMovingTo(to: S): Role[] {
    const into = this.moves.filter(([, t]) => t === to);
    return [...new Set((into.length > 0 ? into : this.moves).flatMap(([, , move]) => move.roles))];
  }

  /**
   * Checks a move: first whether the caller's role ever moves anything to `to`, whatever the
   * object's state (so a refusal on role never tells it the state), then the move itself, the role
   * for that move, and the comment.
   */
  check(from: S, to: S, roles: readonly Role[], comment?: string): TransitionCheck<S> {
    if (!this.rolesMovingTo(to).some((r) => roles.includes(r))) return { ok: false, reason: 'role' };
    const move = this.table[from][to];
    if (!move) return { ok: false, reason: 'forbidden_transition', allowed: this.next(from) };
    if (!move.roles.some((r) => roles.includes(r))) return { ok: false, reason: 'role' };
    if (move.commentRequired && !comment?.trim()) return { ok: false, reason: 'comment_required' };
    return { ok: true, move };
  }

  /**
   * 403 for a role that never moves anything to `to`. Services call it before reading the object,
   * so that a caller who may not make the move learns nothing of the object's state.
   */
  assertMayMoveTo(actor: Actor, to: S, message = `Votre rôle ne permet pas de passer à l’état ${to}`): void {
    if (!hasRole(actor, ...this.rolesMovingTo(to))) throw DomainError.forbidden(message);
  }

  /**
   * The move from `from` to `to` for this caller, or the refusal: 403 (role), 409 naming the
   * allowed moves (`codes.transition`), 400 without a required comment (`codes.comment`).
   */
  assertMove(
    actor: Actor,
    from: S,
    to: S,
    codes: { transition: TransitionForbiddenCode; comment?: string },
    comment?: string,
  ): Move {
    const check = this.check(from, to, actor.roles, comment);
    if (check.ok) return check.move;
    if (check.reason === 'role') throw DomainError.forbidden(`Votre rôle ne permet pas de passer à l’état ${to}`);
    if (check.reason === 'forbidden_transition')
      throw DomainError.forbiddenTransition(codes.transition, from, to, check.allowed);
    throw DomainError.invalid(codes.comment ?? codes.transition, `comment: required to move to ${to}`);
  }
}

export const lifecycle = <S extends string>(statuses: readonly S[], table: TransitionTable<S>) =>
  new Lifecycle(statuses, table);
