import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, DomainError, found } from '@app/core';
import { CALL_STATUS_RULES } from './calls.constants';
import { CallsErrorCode } from './calls.errors';
import { callsPolicy } from './calls.policy';
import { CallsRepository } from './calls.repository';
import { CallsService, toCallFacts } from './calls.service';
import { assertCallShape, assertKeepsCommitments } from './call-shape';
import type { CallDto, UpdateCallDto } from './dto/call.dto';
import type { CallAxisEntity } from './entities/call-axis.entity';
import type { CallEntity } from './entities/call.entity';
import { FundingRepository } from './funding.repository';

/** A call's own edit (title, funding source, dates, envelope, axes), by those who enter calls, until it is decided. */
@Injectable()
export class CallEditService {
  constructor(
    private readonly calls: CallsRepository,
    private readonly funding: FundingRepository,
    private readonly audit: AuditService,
    private readonly reader: CallsService,
  ) {}

  /**
   * 403 outside the regional team (before anything is read); 409 on a decided call, at a stale version,
   * for an axis in use that would go or an envelope below what is committed; 400 for a malformed call.
   * The call row is locked, so a grant committed meanwhile waits and is then checked against the new envelope.
   */
  async update(actor: Actor, id: string, dto: UpdateCallDto): Promise<CallDto> {
    callsPolicy.assert(actor, 'enter');
    await this.audit.write(actor, async (tx) => {
      const call = found(await this.calls.lock(tx, id), CallsErrorCode.CallNotFound, id);
      if (!CALL_STATUS_RULES[call.status].edit) {
        throw DomainError.conflict(CallsErrorCode.CallNotEditable, `Un appel ${call.status} n’est plus modifié`);
      }
      if (dto.version !== call.version) throw DomainError.staleVersion(CallsErrorCode.CallStaleVersion);
      const axesBefore = await this.calls.axes(id, tx);
      const fields = {
        title: dto.title ?? call.title,
        fundingSource: dto.fundingSource ?? call.fundingSource,
        envelopeCents: dto.envelopeCents ?? call.envelopeCents,
        opensOn: dto.opensOn ?? call.opensOn,
        closesOn: dto.closesOn ?? call.closesOn,
      };
      const axes = (dto.axes ?? axesBefore).map((a) => ({
        code: a.code,
        label: a.label,
        envelopeCents: a.envelopeCents ?? null,
      }));
      assertCallShape({ ...fields, axes });
      const byAxis = await this.funding.committedByAxis(id, tx);
      const total = [...byAxis.values()].reduce((sum, cents) => sum + cents, 0);
      assertKeepsCommitments({ ...fields, axes }, { total, byAxis }, await this.calls.axesInUse(tx, id));
      if (!(await this.calls.update(tx, id, call.version, fields)))
        throw DomainError.staleVersion(CallsErrorCode.CallStaleVersion);
      if (dto.axes) await this.calls.replaceAxes(tx, id, axes);
      const before = editedFacts(call, axesBefore);
      const after = editedFacts((await this.calls.find(id, tx))!, await this.calls.axes(id, tx));
      return {
        result: undefined,
        audit: { action: 'call.update', entityType: 'call', entityId: id, before, after },
      };
    });
    return this.reader.get(actor, id);
  }
}

/** What an edit changes, as its audit event records it before and after (the criteria have their own event). */
function editedFacts(call: CallEntity, axes: CallAxisEntity[]) {
  const { criteria: _criteria, ...facts } = toCallFacts(call, axes, []);
  return facts;
}
