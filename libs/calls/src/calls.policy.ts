import type { Actor, Role } from '@app/core/auth/actor';
import { definePolicy } from '@app/core/auth/policy';
import { DomainError } from '@app/core/errors/domain-error';
import { CallsErrorCode } from './calls.errors';
import { canActOnDepartments } from '@app/identity';
import {
  CALL_LIFECYCLE,
  CALL_STATUS_RULES,
  CALL_TRANSITIONS,
  type CallStatus,
  DELEGATE,
  EDITABLE_STATUSES,
  OPINION_OPEN_STATUSES,
  PROJECT_LIFECYCLE,
  PROJECT_TRANSITIONS,
  type ProjectStatus,
  TEAM,
} from './calls.constants';

/** Who reads calls, projects and funding: everyone but commission members (DESIGN.md). */
const READERS: readonly Role[] = ['admin', 'regional_delegate', 'mission_officer', 'departmental_referent', 'auditor'];
const TEAM_ONLY = 'Seule l’équipe régionale ISS saisit les appels et les dossiers';

/**
 * Who may do what with calls, projects and grants (DESIGN.md "Calls for interest and funding"). The
 * moves of calls and projects are in their lifecycles (calls.constants.ts); the object scope
 * (a project's departments) in the functions below.
 */
export const callsPolicy = definePolicy(
  {
    /** Calls, projects, their figures, scores and labels. */
    read: READERS,
    /**
     * The funding dashboard (every call's envelope and where its projects stand): the screen of those
     * who run the money and the accounts. Its figures are `read`'s; this says whose screen it is.
     */
    overview: ['admin', 'regional_delegate', 'mission_officer'],
    /** Enter calls (and their criteria) and applications on behalf of holders. */
    enter: TEAM,
    /** Record a payment on a grant, and say which planned tranche it settles. */
    pay: TEAM,
    /** A grant's EJ and agreement references, co-funders, planned schedule and reports owed. */
    followUp: TEAM,
    /** Commit money: grant, reduce, cancel. */
    commit: DELEGATE,
    /** The call's whole ledger, whatever its form (CSV, workbook, funding report). */
    exportLedger: ['admin', 'regional_delegate', 'mission_officer', 'auditor'],
    /** Score applications against the call's criteria. */
    score: ['mission_officer'],
    /** Give a department's opinion (a referent, for its own departments: see assertMayGiveOpinionFor). */
    giveOpinion: ['departmental_referent'],
  },
  {
    enter: TEAM_ONLY,
    pay: TEAM_ONLY,
    followUp: TEAM_ONLY,
    commit: 'Seul le délégué régional engage les crédits',
    score: 'Seuls les chargés de mission notent les dossiers',
  },
);

export type CallsPermission = Parameters<typeof callsPolicy.allows>[1];

/** A project as far as its rights are concerned. */
export interface ProjectScope {
  status: ProjectStatus;
  departmentCodes: readonly string[];
}

/** A role that never makes this move is refused before any project is read (its state is not disclosed). */
export function assertMayMoveProjectTo(actor: Actor, to: ProjectStatus): void {
  PROJECT_LIFECYCLE.assertMayMoveTo(actor, to, `Your role cannot move a project to ${to}`);
}

/** A role that never moves calls is refused before the call is read. */
export function assertMayMoveCallTo(actor: Actor, to: CallStatus): void {
  CALL_LIFECYCLE.assertMayMoveTo(actor, to, TEAM_ONLY);
}

/** The call's moves this caller may make. */
export function callMoves(actor: Actor, status: CallStatus): CallStatus[] {
  return CALL_LIFECYCLE.nextFor(status, actor.roles);
}

/** The project's moves this caller may make: its roles' moves, on a project of its departments. */
export function projectMoves(actor: Actor, project: ProjectScope): ProjectStatus[] {
  if (!canActOnDepartments(actor, project.departmentCodes)) return [];
  return PROJECT_LIFECYCLE.nextFor(project.status, actor.roles);
}

/** Among `moves` from `from`, those that need a comment (the reason of a rejection, what to correct). */
export function movesNeedingComment(from: ProjectStatus, moves: readonly ProjectStatus[]): ProjectStatus[] {
  return moves.filter((to) => PROJECT_TRANSITIONS[from][to]?.commentRequired === true);
}

/** Before the project is read: only a referent of `departmentCode` gives that department's opinion. */
export function assertMayGiveOpinionFor(actor: Actor, departmentCode: string): void {
  if (!callsPolicy.allows(actor, 'giveOpinion') || !actor.departmentCodes.includes(departmentCode)) {
    throw DomainError.forbidden(`Only a referent of department ${departmentCode} gives its opinion`);
  }
}

/** Once read: the department must be one of the project's. */
export function assertDepartmentOfProject(project: ProjectScope, departmentCode: string): void {
  if (!project.departmentCodes.includes(departmentCode)) {
    throw DomainError.forbidden(`Department ${departmentCode} is not a department of this project`);
  }
}

/** The project's departments whose opinion this caller may give now (none once opinions are closed). */
export function opinionDepartments(actor: Actor, project: ProjectScope): string[] {
  if (!callsPolicy.allows(actor, 'giveOpinion') || !OPINION_OPEN_STATUSES.includes(project.status)) return [];
  return project.departmentCodes.filter((code) => actor.departmentCodes.includes(code));
}

/** A scorer must be a signed-in mission officer (its scores are its own). */
export function assertMayScore(actor: Actor): void {
  callsPolicy.assert(actor, 'score');
  if (!actor.id) throw DomainError.forbidden('Seuls les chargés de mission notent les dossiers');
}

/** Scores are given while opinions are: from submission to the decision. */
export function canScore(actor: Actor, project: ProjectScope): boolean {
  return callsPolicy.allows(actor, 'score') && actor.id !== null && OPINION_OPEN_STATUSES.includes(project.status);
}

/** Reviewers (private notes, shared labels): the regional team, and the referents of the project's departments. */
export function canReview(actor: Actor, project: Pick<ProjectScope, 'departmentCodes'>): boolean {
  return canActOnDepartments(actor, project.departmentCodes);
}

export function assertReviewer(actor: Actor, project: Pick<ProjectScope, 'departmentCodes'>): void {
  if (!canReview(actor, project)) throw DomainError.forbidden('Réservé aux instructeurs du dossier');
}

/** Who enters an application edits it, while it is a draft or returned for changes. */
export function canEdit(actor: Actor, project: Pick<ProjectScope, 'status'>): boolean {
  return callsPolicy.allows(actor, 'enter') && EDITABLE_STATUSES.includes(project.status);
}

/** What the caller may do with a project: the `allowedTransitions` and `can*` of its DTOs. */
export function projectRights(actor: Actor, project: ProjectScope) {
  const allowedTransitions = projectMoves(actor, project);
  const opinionDepartmentCodes = opinionDepartments(actor, project);
  return {
    allowedTransitions,
    commentRequiredFor: movesNeedingComment(project.status, allowedTransitions),
    canDecide: allowedTransitions.some((to) => to === 'selected' || to === 'rejected'),
    canGiveOpinion: opinionDepartmentCodes.length > 0,
    opinionDepartmentCodes,
    canScore: canScore(actor, project),
    canReview: canReview(actor, project),
    canEdit: canEdit(actor, project),
  };
}

/** Whether the caller may commit money to this project now: the delegate, on a selected project without a grant. */
export function canGrant(actor: Actor, project: ProjectScope, hasGrant: boolean): boolean {
  return callsPolicy.allows(actor, 'commit') && project.status === 'selected' && !hasGrant;
}

/** What the caller may do with a grant: the `can*` of GrantDto. */
export function grantRights(
  actor: Actor,
  grant: { status: 'active' | 'cancelled'; amountCents: number; paidCents: number },
) {
  const active = grant.status === 'active';
  const commit = callsPolicy.allows(actor, 'commit');
  return {
    canAddPayment: active && callsPolicy.allows(actor, 'pay') && grant.paidCents < grant.amountCents,
    // A reduction leaves at least what was paid, and never zero.
    canReduce: active && commit && grant.amountCents > Math.max(grant.paidCents, 1),
    canCancel: active && commit,
    canEditAgreement: active && callsPolicy.allows(actor, 'followUp'),
    canChangePaymentTranche: callsPolicy.allows(actor, 'pay'),
  };
}

/** A call as far as its gates are concerned. */
export interface CallScope {
  status: CallStatus;
  closesOn: string;
}

/**
 * New applications are entered while the call is open. The closing day does not refuse them by itself:
 * the mission enters the files received by that day, often days later, and the delegate's closing of
 * the call ends the entry (`closingDayPassed` tells the screens to say so).
 */
export function acceptsApplications(call: Pick<CallScope, 'status'>): boolean {
  return CALL_STATUS_RULES[call.status].applications;
}

/** Money is committed to the call's projects only in the states that allow it (not once closed, until reopened). */
export function acceptsGrants(call: Pick<CallScope, 'status'>): boolean {
  return CALL_STATUS_RULES[call.status].grants;
}

/** 409 when the call's state takes no new application (draft, closed, decided). */
export function assertAcceptsApplications(call: CallScope): void {
  if (!acceptsApplications(call)) {
    throw DomainError.conflict(
      CallsErrorCode.CallClosedToApplications,
      `L’appel ne reçoit plus de candidature (état ${call.status}, clôture le ${call.closesOn})`,
      { status: call.status, closesOn: call.closesOn },
    );
  }
}

/** 409 when the call's state commits no money: a closed call must be decided or reopened first. */
export function assertAcceptsGrants(call: Pick<CallScope, 'status'>): void {
  if (!acceptsGrants(call)) {
    throw DomainError.conflict(
      CallsErrorCode.CallClosedToGrants,
      `L’appel est ${call.status} : aucun crédit n’est engagé avant sa décision ou sa réouverture par le délégué régional`,
      { status: call.status },
    );
  }
}

/** What the caller may do with a call (`today` in Europe/Paris): the `allowedTransitions` and `can*` of CallDto. */
export function callRights(actor: Actor, call: CallScope, today: string) {
  const allowedTransitions = callMoves(actor, call.status);
  const enter = callsPolicy.allows(actor, 'enter');
  return {
    allowedTransitions,
    commentRequiredFor: allowedTransitions.filter((to) => CALL_TRANSITIONS[call.status][to]?.commentRequired === true),
    acceptsApplications: acceptsApplications(call),
    closingDayPassed: today > call.closesOn,
    acceptsGrants: acceptsGrants(call),
    canEdit: enter && CALL_STATUS_RULES[call.status].edit,
    canSetCriteria: enter,
    canAddProject: enter && acceptsApplications(call),
    canExportLedger: callsPolicy.allows(actor, 'exportLedger'),
  };
}

export type CallRights = ReturnType<typeof callRights>;
export type ProjectRights = ReturnType<typeof projectRights>;
export type GrantRights = ReturnType<typeof grantRights>;

/** Rights for no one: what the worker's reports carry (they are read later, by whoever may read them). */
export const NO_CALL_RIGHTS: CallRights = Object.freeze({
  allowedTransitions: [],
  commentRequiredFor: [],
  acceptsApplications: false,
  closingDayPassed: false,
  acceptsGrants: false,
  canEdit: false,
  canSetCriteria: false,
  canAddProject: false,
  canExportLedger: false,
}) as CallRights;
