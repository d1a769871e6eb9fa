import { COMMISSION_TEAM, ROLES, type Actor, type Role } from '@app/core/auth/actor';
import { definePolicy } from '@app/core/auth/policy';
import {
  COMMISSION_MANAGERS,
  MEETING_LIFECYCLE,
  MEETING_OPEN_FOR_RECORDS,
  MINUTES_EDITABLE,
  MINUTES_LIFECYCLE,
  type MeetingStatus,
  type MinutesStatus,
} from './governance.constants';

/** The refusal a non-manager gets, whatever it tried on the commission (managing it, moving a meeting or minutes). */
export const MANAGERS_ONLY = 'Seuls la mission et le délégué régional gèrent la commission';

/** Those who read every body of the commission, its meetings and their minutes in every state. */
const COMMISSION_READERS: readonly Role[] = [
  'admin',
  'regional_delegate',
  'mission_officer',
  'departmental_referent',
  'auditor',
];

/**
 * Who may do what on the commission (DESIGN.md): the mission officer and the delegate manage it;
 * the regional team, referents and auditors read it; a commission member reads only the bodies it
 * sits on (as full member, alternate or office holder) — that object scope is GovernanceAccess's.
 */
export const governancePolicy = definePolicy(
  {
    /** Bodies, members, seats and mandates, positions, meetings, attendance, decisions, minutes. */
    manage: COMMISSION_MANAGERS,
    /** Every body and meeting; without it, the bodies the actor sits on as a member only. */
    readAllBodies: COMMISSION_READERS,
    /** The bodies the actor sits on (GovernanceAccess finds which, from its member record), their meetings. */
    readOwnBodies: ['commission_member'],
    /** Minutes before they are published; without it, published minutes only. */
    readUnpublishedMinutes: COMMISSION_READERS,
    /** The members' list and records: everyone but a plain commission member (who reads its own). */
    readMembers: ROLES.filter((r) => r !== 'commission_member'),
    /**
     * Members' e-mails are for those who run the commission and the accounts (admin, delegate,
     * mission officer: DESIGN.md), and for the member itself (`seesEmailOf`).
     */
    seeMemberEmails: COMMISSION_TEAM,
  },
  {
    manage: MANAGERS_ONLY,
    readUnpublishedMinutes: 'Ce procès-verbal n’est pas encore publié',
  },
);

export type GovernancePermission = Parameters<typeof governancePolicy.allows>[1];

/** Referents, auditors and other members read a member without its e-mail. */
export function seesEmailOf(actor: Actor, memberId: string): boolean {
  return governancePolicy.allows(actor, 'seeMemberEmails') || actor.memberId === memberId;
}

/** A meeting on which attendance, decisions and minutes may still be recorded. */
export function isOpenForRecords(status: MeetingStatus): boolean {
  return MEETING_OPEN_FOR_RECORDS.includes(status);
}

/*
 * What the caller may do next, for the DTOs. Only managers act on the commission and they read
 * every body, so the body-seat scope (which only narrows what a member reads) never removes a move:
 * the roles and the object's state decide.
 */

export interface MeetingActions {
  allowedTransitions: MeetingStatus[];
  canRecordAttendance: boolean;
  canRecordDecision: boolean;
  canConvene: boolean;
}

export function meetingActions(
  actor: Actor,
  meeting: { status: MeetingStatus; quorumReached: boolean | null; convenedAt: string | null },
): MeetingActions {
  const records = governancePolicy.allows(actor, 'manage') && isOpenForRecords(meeting.status);
  return {
    allowedTransitions: MEETING_LIFECYCLE.nextFor(meeting.status, actor.roles),
    canRecordAttendance: records,
    canRecordDecision: records && meeting.quorumReached === true,
    canConvene: mayConvene(actor, meeting),
  };
}

/** A planned meeting is convened once, by those who run the commission. */
export function mayConvene(actor: Actor, meeting: { status: MeetingStatus; convenedAt: string | null }): boolean {
  return governancePolicy.allows(actor, 'manage') && meeting.status === 'planned' && meeting.convenedAt === null;
}

export interface MinutesActions {
  allowedTransitions: MinutesStatus[];
  canEdit: boolean;
}

/** `status` null: no minutes yet (a manager may write the first draft). */
export function minutesActions(actor: Actor, status: MinutesStatus | null): MinutesActions {
  return {
    allowedTransitions: status ? MINUTES_LIFECYCLE.nextFor(status, actor.roles) : [],
    canEdit: governancePolicy.allows(actor, 'manage') && (status === null || MINUTES_EDITABLE.includes(status)),
  };
}

/** Members read published minutes of their bodies only; the team reads every state. */
export function mayReadMinutes(actor: Actor, status: MinutesStatus): boolean {
  return status === 'published' || governancePolicy.allows(actor, 'readUnpublishedMinutes');
}

export interface BodyActions {
  canManageSeats: boolean;
  canAddPosition: boolean;
  canCreateMeeting: boolean;
}

export function bodyActions(actor: Actor): BodyActions {
  const manager = governancePolicy.allows(actor, 'manage');
  return { canManageSeats: manager, canAddPosition: manager, canCreateMeeting: manager };
}

export interface SeatActions {
  canEndMandate: boolean;
  canAddMandate: boolean;
}

/**
 * On `today`: the mandate in force may be ended; a mandate may be given from today when none is
 * open or ends today or later (the rule `addMandate` applies to its start date).
 */
export function seatActions(
  actor: Actor,
  seat: { current: unknown; mandates: readonly { endsOn: string | null }[] },
  today: string,
): SeatActions {
  const manager = governancePolicy.allows(actor, 'manage');
  return {
    canEndMandate: manager && seat.current !== null,
    canAddMandate: manager && seat.mandates.every((m) => m.endsOn !== null && m.endsOn < today),
  };
}
