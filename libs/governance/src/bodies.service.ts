import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, Database, DomainError, found, PageQueryDto, parisDay, Tx } from '@app/core';
import { BodiesRepository, MandateRow } from './bodies.repository';
import {
  BodyDetailDto,
  BodyDto,
  BodyPageDto,
  CreateBodyDto,
  CreateMemberDto,
  CreateSeatDto,
  EndMandateDto,
  MandateDto,
  MandateInputDto,
  MemberDto,
  MemberPageDto,
  ParticipationDto,
  SeatDto,
} from './dto/body.dto';
import { BodyEntity } from './entities/body.entity';
import { MemberEntity } from './entities/member.entity';
import { SeatEntity } from './entities/seat.entity';
import { GovernanceAccess } from './governance-access';
import { GovernanceErrorCode } from './governance.errors';
import { bodyActions, governancePolicy, seatActions, seesEmailOf } from './governance.policy';
import { MeetingsRepository } from './meetings.repository';
import { assertDates } from './dates';
import { participationByCollege } from './participation';
import { PositionsService } from './positions.service';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** The body and the seat as stored and audited; the DTOs add what the caller may do with them. */
type BodyState = Omit<BodyDto, 'canManageSeats' | 'canAddPosition' | 'canCreateMeeting'>;
type SeatState = Omit<SeatDto, 'canEndMandate' | 'canAddMandate'>;

/** Bodies, members, seats with their mandates, positions, and participation figures. */
@Injectable()
export class BodiesService {
  constructor(
    private readonly db: Database,
    private readonly bodies: BodiesRepository,
    private readonly meetings: MeetingsRepository,
    private readonly access: GovernanceAccess,
    private readonly audit: AuditService,
    private readonly positions: PositionsService,
  ) {}

  async createBody(actor: Actor, dto: CreateBodyDto): Promise<BodyDto> {
    governancePolicy.assert(actor, 'manage');
    const body = await this.audit.write(actor, async (tx) => {
      const created = toBodyState(
        await this.bodies.insertBody(tx, { kind: dto.kind, name: dto.name, installedOn: dto.installedOn ?? null }),
      );
      return {
        result: created,
        audit: { action: 'body.create', entityType: 'body', entityId: created.id, after: created },
      };
    });
    return { ...body, ...bodyActions(actor) };
  }

  async listBodies(actor: Actor, page: PageQueryDto): Promise<BodyPageDto> {
    const readable = await this.access.readableBodyIds(actor);
    const [rows, total] = await this.bodies.listBodies(readable, page.limit, page.offset);
    const actions = bodyActions(actor);
    return {
      items: rows.map((b) => ({ ...toBodyState(b), ...actions })),
      total,
      canCreate: governancePolicy.allows(actor, 'manage'),
    };
  }

  async getBody(actor: Actor, id: string): Promise<BodyDetailDto> {
    const body = await this.readableBody(actor, id);
    const [seats, positions] = await Promise.all([this.seatsOf(body.id), this.positions.ofBody(actor, body.id)]);
    const today = parisDay();
    return {
      ...toBodyState(body),
      ...bodyActions(actor),
      seats: seats.map((seat) => seatForCaller(actor, seat, today)),
      positions,
    };
  }

  async createMember(actor: Actor, dto: CreateMemberDto): Promise<MemberDto> {
    governancePolicy.assert(actor, 'manage');
    return this.audit.write(actor, async (tx) => {
      const member = toMemberDto(
        await this.bodies.insertMember(tx, {
          displayName: dto.displayName,
          email: dto.email ?? null,
          organization: dto.organization,
          college: dto.college,
          designatingBody: dto.designatingBody ?? null,
        }),
        actor,
      );
      return {
        result: member,
        audit: { action: 'member.create', entityType: 'member', entityId: member.id, after: member },
      };
    });
  }

  /** Members' contact details are for the team running the commission, not for every reader. */
  async listMembers(actor: Actor, page: PageQueryDto): Promise<MemberPageDto> {
    governancePolicy.assert(actor, 'readMembers');
    const [rows, total] = await this.bodies.listMembers(page.limit, page.offset);
    return {
      items: rows.map((m) => toMemberDto(m, actor)),
      total,
      canCreate: governancePolicy.allows(actor, 'manage'),
    };
  }

  /** A member reads its own record; otherwise as the list. */
  async getMember(actor: Actor, id: string): Promise<MemberDto> {
    if (actor.memberId !== id) governancePolicy.assert(actor, 'readMembers');
    const member = found(await this.bodies.findMember(id), GovernanceErrorCode.MemberNotFound, id);
    return toMemberDto(member, actor);
  }

  /** A new seat in a body, with its first mandate. */
  async addSeat(actor: Actor, bodyId: string, dto: CreateSeatDto): Promise<SeatDto> {
    governancePolicy.assert(actor, 'manage');
    await this.existingBody(bodyId);
    await this.assertMandate(dto);
    const seat = await this.audit.write(actor, async (tx) => {
      const seatId = await this.bodies.insertSeat(tx, { bodyId, college: dto.college, label: dto.label ?? null });
      await this.bodies.insertMandate(tx, mandateOf(seatId, dto));
      const created = await this.seatState(tx, seatId);
      return {
        result: created,
        audit: { action: 'seat.create', entityType: 'seat', entityId: seatId, after: created },
      };
    });
    return seatForCaller(actor, seat, parisDay());
  }

  /** Ends the mandate in force: the seat becomes vacant, the ended mandate stays in its history. */
  async endMandate(actor: Actor, seatId: string, dto: EndMandateDto): Promise<SeatDto> {
    governancePolicy.assert(actor, 'manage');
    const seat = await this.audit.write(actor, async (tx) => {
      const before = await this.lockedSeat(tx, seatId);
      const current = before.current;
      if (!current)
        throw DomainError.conflict(GovernanceErrorCode.SeatVacant, 'This seat has no mandate in force to end');
      if (dto.endsOn < current.startsOn)
        throw DomainError.invalid(GovernanceErrorCode.SeatEndsBeforeStart, 'endsOn: before the mandate started');
      await this.bodies.endMandate(tx, current.id, dto.endsOn);
      // endsOn is the mandate's last day: a mandate ending today still holds the seat until tonight.
      const after = await this.seatState(tx, seatId);
      return {
        result: after,
        audit: { action: 'seat.end_mandate', entityType: 'seat', entityId: seatId, before, after },
      };
    });
    return seatForCaller(actor, seat, parisDay());
  }

  /** Gives a vacant seat a new holder; refused while a mandate is in force. */
  async addMandate(actor: Actor, seatId: string, dto: MandateInputDto): Promise<SeatDto> {
    governancePolicy.assert(actor, 'manage');
    await this.assertMandate(dto);
    const seat = await this.audit.write(actor, async (tx) => {
      const before = await this.lockedSeat(tx, seatId);
      const overlapping = before.mandates.find((m) => m.endsOn === null || m.endsOn >= dto.startsOn);
      if (overlapping) {
        throw DomainError.conflict(
          GovernanceErrorCode.SeatOccupied,
          'This seat is held on that date: end the current mandate first',
        );
      }
      await this.bodies.insertMandate(tx, mandateOf(seatId, dto));
      const after = await this.seatState(tx, seatId);
      return {
        result: after,
        audit: { action: 'seat.add_mandate', entityType: 'seat', entityId: seatId, before, after },
      };
    });
    return seatForCaller(actor, seat, parisDay());
  }

  async getSeat(actor: Actor, seatId: string): Promise<SeatDto> {
    const seat = found(await this.bodies.findSeat(seatId), GovernanceErrorCode.SeatNotFound, seatId);
    await this.access.assertCanReadBody(actor, seat.bodyId);
    return seatForCaller(actor, await this.seatState(this.db.manager, seatId), parisDay());
  }

  /** Seats filled and vacant today, and attendance per college over the last 12 months. */
  async participation(actor: Actor, bodyId: string): Promise<ParticipationDto> {
    const body = await this.readableBody(actor, bodyId);
    const since = new Date(Date.now() - YEAR_MS);
    const [seats, holdersToday, held] = await Promise.all([
      this.bodies.seatsOfBody(body.id),
      this.bodies.seatHoldersOn(body.id, parisDay()),
      this.meetings.heldMeetingsSince(body.id, since),
    ]);
    const dayOf = (m: { startsAt: Date }) => parisDay(new Date(m.startsAt));
    const [attendance, holdersByDay] = await Promise.all([
      this.meetings.attendanceByMeeting(held.map((m) => m.id)),
      this.bodies.seatHoldersOnDays(body.id, held.map(dayOf)),
    ]);
    const heldSeats = new Set(holdersToday.map((h) => h.seatId));
    const meetings = held.map((m) => ({
      holders: holdersByDay.get(dayOf(m)) ?? [],
      attendance: attendance.get(m.id) ?? new Map(),
    }));
    const { byCollege, total } = participationByCollege(
      seats.map((s) => ({ college: s.college, held: heldSeats.has(s.id) })),
      meetings,
    );
    return { bodyId: body.id, meetingsHeld: held.length, since: since.toISOString(), byCollege, total };
  }

  private async readableBody(actor: Actor, id: string): Promise<BodyEntity> {
    const body = await this.existingBody(id);
    await this.access.assertCanReadBody(actor, id);
    return body;
  }

  private async existingBody(id: string): Promise<BodyEntity> {
    return found(await this.bodies.findBody(id), GovernanceErrorCode.BodyNotFound, id);
  }

  private async assertMandate(dto: MandateInputDto): Promise<void> {
    assertDates(dto.startsOn, dto.endsOn);
    const ids = [dto.memberId, ...(dto.alternateMemberId ? [dto.alternateMemberId] : [])];
    if (dto.alternateMemberId === dto.memberId) {
      throw DomainError.invalid(
        GovernanceErrorCode.SeatAlternateIsHolder,
        'alternateMemberId: the alternate must be another member',
      );
    }
    const known = await this.bodies.existingMemberIds(ids);
    if (!known.has(dto.memberId))
      throw DomainError.invalid(GovernanceErrorCode.MemberUnknown, `memberId: no member ${dto.memberId}`);
    if (dto.alternateMemberId && !known.has(dto.alternateMemberId)) {
      throw DomainError.invalid(
        GovernanceErrorCode.MemberUnknown,
        `alternateMemberId: no member ${dto.alternateMemberId}`,
      );
    }
  }

  private async lockedSeat(tx: Tx, seatId: string): Promise<SeatState> {
    found(await this.bodies.lockSeat(tx, seatId), GovernanceErrorCode.SeatNotFound, seatId);
    return this.seatState(tx, seatId);
  }

  private async seatState(tx: Tx, seatId: string): Promise<SeatState> {
    const seat = (await this.bodies.findSeat(seatId, tx))!;
    return toSeatState(seat, await this.bodies.mandatesOfSeats([seatId], tx), parisDay());
  }

  private async seatsOf(bodyId: string): Promise<SeatState[]> {
    const seats = await this.bodies.seatsOfBody(bodyId);
    const mandates = await this.bodies.mandatesOfSeats(seats.map((s) => s.id));
    const today = parisDay();
    return seats.map((s) =>
      toSeatState(
        s,
        mandates.filter((m) => m.seatId === s.id),
        today,
      ),
    );
  }
}

function mandateOf(seatId: string, dto: MandateInputDto) {
  return {
    seatId,
    memberId: dto.memberId,
    alternateMemberId: dto.alternateMemberId ?? null,
    startsOn: dto.startsOn,
    endsOn: dto.endsOn ?? null,
  };
}

function toMandateDto(m: MandateRow): MandateDto {
  return {
    id: m.id,
    member: { id: m.memberId, displayName: m.memberName },
    alternate: m.alternateMemberId ? { id: m.alternateMemberId, displayName: m.alternateName ?? '' } : null,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
  };
}

function toSeatState(seat: SeatEntity, mandates: MandateRow[], onDay: string): SeatState {
  const current = mandates.find((m) => m.startsOn <= onDay && (m.endsOn === null || m.endsOn >= onDay)) ?? null;
  return {
    id: seat.id,
    bodyId: seat.bodyId,
    college: seat.college,
    label: seat.label,
    current: current ? toMandateDto(current) : null,
    vacant: current === null,
    mandates: mandates.map(toMandateDto),
  };
}

function seatForCaller(actor: Actor, seat: SeatState, today: string): SeatDto {
  return { ...seat, ...seatActions(actor, seat, today) };
}

function toBodyState(b: BodyEntity): BodyState {
  return { id: b.id, kind: b.kind, name: b.name, installedOn: b.installedOn, status: b.status, version: b.version };
}

/** The member as `reader` may see it: its e-mail only where the reader's role gives it (`seesEmailOf`). */
function toMemberDto(m: MemberEntity, reader: Actor): MemberDto {
  return {
    id: m.id,
    displayName: m.displayName,
    email: seesEmailOf(reader, m.id) ? m.email : null,
    college: m.college,
    organization: m.organization,
    designatingBody: m.designatingBody,
  };
}
