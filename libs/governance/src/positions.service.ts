import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, DomainError, found, parisDay } from '@app/core';
import { BodiesRepository } from './bodies.repository';
import { assertDates } from './dates';
import { CreatePositionDto, EndPositionDto, PositionDto } from './dto/body.dto';
import { GovernanceErrorCode } from './governance.errors';
import { governancePolicy } from './governance.policy';
import { PositionRow, PositionsRepository } from './positions.repository';

/**
 * The offices of a body (president, vice-president, secretary): one holder per office at a time, given
 * from a date and ended at a date, the ended ones kept as the body's history. Audited on the body.
 */
@Injectable()
export class PositionsService {
  constructor(
    private readonly bodies: BodiesRepository,
    private readonly positions: PositionsRepository,
    private readonly audit: AuditService,
  ) {}

  async add(actor: Actor, bodyId: string, dto: CreatePositionDto): Promise<PositionDto> {
    governancePolicy.assert(actor, 'manage');
    found(await this.bodies.findBody(bodyId), GovernanceErrorCode.BodyNotFound, bodyId);
    if (!(await this.bodies.findMember(dto.memberId)))
      throw DomainError.invalid(GovernanceErrorCode.MemberUnknown, `memberId: no member ${dto.memberId}`);
    assertDates(dto.startsOn, dto.endsOn);
    const position = await this.audit.write(actor, async (tx) => {
      await this.positions.lockOffices(tx, bodyId);
      const held = (await this.positions.ofBody(bodyId, tx)).find(
        (p) => p.role === dto.role && overlaps(p, dto.startsOn, dto.endsOn ?? null),
      );
      if (held) {
        throw DomainError.conflict(
          GovernanceErrorCode.PositionTaken,
          `role: held by ${held.memberName} on those dates, end that office first`,
        );
      }
      const id = await this.positions.insert(tx, { ...dto, bodyId, endsOn: dto.endsOn ?? null });
      const created = toPositionState((await this.positions.find(id, tx))!);
      return {
        result: created,
        audit: { action: 'body.add_position', entityType: 'body', entityId: bodyId, after: created },
      };
    });
    return withActions(actor, position, parisDay());
  }

  /** Ends an office at `endsOn` (its last day); an office already over stays as it ended. */
  async end(actor: Actor, id: string, dto: EndPositionDto): Promise<PositionDto> {
    governancePolicy.assert(actor, 'manage');
    const today = parisDay();
    const position = await this.audit.write(actor, async (tx) => {
      const current = found(await this.positions.find(id, tx), GovernanceErrorCode.PositionNotFound, id);
      await this.positions.lockOffices(tx, current.bodyId);
      const before = toPositionState((await this.positions.find(id, tx))!);
      if (before.endsOn !== null && before.endsOn < today)
        throw DomainError.conflict(GovernanceErrorCode.PositionEnded, `This office ended on ${before.endsOn}`);
      assertDates(before.startsOn, dto.endsOn);
      await this.positions.end(tx, id, dto.endsOn);
      const after = { ...before, endsOn: dto.endsOn };
      return {
        result: after,
        audit: { action: 'body.end_position', entityType: 'body', entityId: current.bodyId, before, after },
      };
    });
    return withActions(actor, position, today);
  }

  /** The body's offices, latest first, as `actor` may act on them. */
  async ofBody(actor: Actor, bodyId: string): Promise<PositionDto[]> {
    const today = parisDay();
    return (await this.positions.ofBody(bodyId)).map((p) => withActions(actor, toPositionState(p), today));
  }
}

type PositionState = Omit<PositionDto, 'canEnd'>;

/** Two periods of an office meet when neither ends before the other starts (null: open-ended). */
function overlaps(p: PositionRow, startsOn: string, endsOn: string | null): boolean {
  return (p.endsOn === null || p.endsOn >= startsOn) && (endsOn === null || p.startsOn <= endsOn);
}

function toPositionState(p: PositionRow): PositionState {
  return {
    id: p.id,
    bodyId: p.bodyId,
    member: { id: p.memberId, displayName: p.memberName },
    role: p.role,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
  };
}

function withActions(actor: Actor, p: PositionState, today: string): PositionDto {
  const running = p.endsOn === null || p.endsOn >= today;
  return { ...p, canEnd: running && governancePolicy.allows(actor, 'manage') };
}
