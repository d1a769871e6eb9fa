import { Injectable } from '@nestjs/common';
import { pipeline, Readable } from 'node:stream';
import { AuditService } from '@app/audit';
import { Actor, centsFromDb, DomainError, found, KeyedLimiter, Tx } from '@app/core';
import { assertAcceptsGrants, callsPolicy, type GrantRights, grantRights } from './calls.policy';
import { CallsRepository } from './calls.repository';
import {
  CancelGrantDto,
  CreateGrantDto,
  CreatePaymentDto,
  GrantDto,
  PaymentDto,
  ReduceGrantDto,
} from './dto/project.dto';
import { SetGrantAgreementDto, SetPaymentTrancheDto } from './dto/grant-edit.dto';
import { GrantEntity } from './entities/grant.entity';
import { PaymentEntity } from './entities/payment.entity';
import { withCsvHeader } from './funding-csv';
import { FundingRepository, type GrantChange } from './funding.repository';
import { ProjectsRepository } from './projects.repository';
import { CallsErrorCode } from './calls.errors';

/** Grants against envelopes, payments against grants, and the funding ledger export. */
@Injectable()
export class FundingService {
  /**
   * Commitments on one call (payments on one grant) beyond a few queue here rather than each hold a
   * pooled connection while they wait for its lock: a burst of 200 would starve every other request.
   */
  private readonly commitments = new KeyedLimiter(3);

  constructor(
    private readonly funding: FundingRepository,
    private readonly calls: CallsRepository,
    private readonly projects: ProjectsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Commits money to a selected project. The call row is locked first, so concurrent commitments on
   * one call run one after the other and neither the call's nor the axis's envelope is ever exceeded.
   */
  async grant(actor: Actor, projectId: string, dto: CreateGrantDto): Promise<GrantDto> {
    callsPolicy.assert(actor, 'commit');
    const project = found(await this.projects.find(projectId), CallsErrorCode.ProjectNotFound, projectId);
    return this.commitments.run(`call:${project.callId}`, () => this.commit(actor, projectId, project.callId, dto));
  }

  private commit(actor: Actor, projectId: string, callId: string, dto: CreateGrantDto): Promise<GrantDto> {
    return this.audit.write(actor, async (tx) => {
      const call = (await this.calls.lock(tx, callId))!;
      assertAcceptsGrants(call);
      const current = (await this.projects.lock(tx, projectId))!;
      if (current.status !== 'selected') {
        throw DomainError.conflict(
          CallsErrorCode.GrantProjectNotSelected,
          `Only a selected project gets a grant (this one is ${current.status})`,
        );
      }
      if (await this.funding.grantOfProject(projectId, tx))
        throw DomainError.conflict(CallsErrorCode.GrantExists, 'This project already has a grant');
      assertFits(
        CallsErrorCode.GrantEnvelopeExceeded,
        "The call's envelope",
        call.envelopeCents,
        await this.funding.committed(tx, call.id),
        dto.amountCents,
      );
      const axis = (await this.calls.axes(call.id, tx)).find((a) => a.code === current.axisCode)!;
      if (axis.envelopeCents !== null) {
        const onAxis = await this.funding.committed(tx, call.id, axis.code);
        assertFits(
          CallsErrorCode.GrantAxisEnvelopeExceeded,
          `The envelope of axis ${axis.code}`,
          axis.envelopeCents,
          onAxis,
          dto.amountCents,
        );
      }
      const grant = await this.funding.insertGrant(tx, {
        projectId,
        callId: call.id,
        axisCode: current.axisCode,
        amountCents: dto.amountCents,
        legalCommitmentNumber: dto.legalCommitmentNumber ?? null,
        agreementSignedOn: dto.agreementSignedOn ?? null,
        conventionNumber: null,
        status: 'active',
        cancelReason: null,
      });
      return {
        result: toGrantDto(grant, [], actor),
        audit: { action: 'grant.create', entityType: 'grant', entityId: grant.id, after: toGrantFacts(grant, []) },
      };
    });
  }

  /** Records a payment; the grant row is locked so that concurrent payments never pass the grant. */
  async pay(actor: Actor, grantId: string, dto: CreatePaymentDto): Promise<PaymentDto> {
    callsPolicy.assert(actor, 'pay');
    return this.commitments.run(`grant:${grantId}`, () => this.recordPayment(actor, grantId, dto));
  }

  private recordPayment(actor: Actor, grantId: string, dto: CreatePaymentDto): Promise<PaymentDto> {
    return this.audit.write(actor, async (tx) => {
      const grant = found(await this.funding.lockGrant(tx, grantId), CallsErrorCode.GrantNotFound, grantId);
      if (grant.status === 'cancelled')
        throw DomainError.conflict(
          CallsErrorCode.GrantCancelled,
          'This grant was cancelled: nothing more is paid on it',
        );
      assertFits(
        CallsErrorCode.PaymentGrantExceeded,
        'The grant',
        grant.amountCents,
        await this.funding.paid(tx, grantId),
        dto.amountCents,
      );
      if (dto.trancheId) await this.assertTrancheFits(tx, grantId, dto.trancheId, dto.amountCents);
      const payment = toPaymentDto(
        await this.funding.insertPayment(tx, {
          grantId,
          amountCents: dto.amountCents,
          kind: dto.kind,
          paidOn: dto.paidOn,
          trancheId: dto.trancheId ?? null,
        }),
      );
      return {
        result: payment,
        audit: { action: 'payment.create', entityType: 'payment', entityId: payment.id, after: payment },
      };
    });
  }

  /**
   * Names (or changes, or removes) the tranche a payment settles, under the grant's lock as payments
   * are recorded: the tranche's payments never pass it.
   */
  async setPaymentTranche(
    actor: Actor,
    grantId: string,
    paymentId: string,
    dto: SetPaymentTrancheDto,
  ): Promise<PaymentDto> {
    callsPolicy.assert(actor, 'pay');
    return this.commitments.run(`grant:${grantId}`, () =>
      this.audit.write(actor, async (tx) => {
        found(await this.funding.lockGrant(tx, grantId), CallsErrorCode.GrantNotFound, grantId);
        const before = found(await this.funding.findPayment(tx, grantId, paymentId), CallsErrorCode.PaymentNotFound);
        if (dto.trancheId) await this.assertTrancheFits(tx, grantId, dto.trancheId, before.amountCents, paymentId);
        const after = toPaymentDto(await this.funding.setPaymentTranche(tx, paymentId, dto.trancheId));
        return {
          result: after,
          audit: {
            action: 'payment.set_tranche',
            entityType: 'payment',
            entityId: paymentId,
            before: { trancheId: before.trancheId },
            after: { trancheId: after.trancheId },
          },
        };
      }),
    );
  }

  /** 400 when the tranche is not one of the grant's; 409 when the tranche's payments would pass it. */
  private async assertTrancheFits(
    tx: Tx,
    grantId: string,
    trancheId: string,
    amountCents: number,
    exceptPaymentId?: string,
  ): Promise<void> {
    const tranche = await this.funding.tranche(tx, grantId, trancheId, exceptPaymentId);
    if (!tranche)
      throw DomainError.invalid(CallsErrorCode.PaymentUnknownTranche, 'trancheId: not a tranche of this grant');
    assertFits(
      CallsErrorCode.PaymentTrancheExceeded,
      'The tranche',
      centsFromDb(tranche.amountCents),
      centsFromDb(tranche.paidCents),
      amountCents,
    );
  }

  /** Sets the grant's EJ and agreement references (the regional team; versioned, stale version → 409). */
  async setAgreement(actor: Actor, id: string, dto: SetGrantAgreementDto): Promise<GrantDto> {
    callsPolicy.assert(actor, 'followUp');
    return this.change(actor, id, dto.version, 'grant.set_agreement', undefined, async () => ({
      legalCommitmentNumber: dto.legalCommitmentNumber,
      conventionNumber: dto.conventionNumber,
      agreementSignedOn: dto.agreementSignedOn,
    }));
  }

  /** Lowers a grant (the delegate, with a reason); never below what was already paid. */
  async reduce(actor: Actor, id: string, dto: ReduceGrantDto): Promise<GrantDto> {
    callsPolicy.assert(actor, 'commit');
    return this.change(actor, id, dto.version, 'grant.reduce', dto.reason, async (tx, grant) => {
      const paid = await this.funding.paid(tx, id);
      if (dto.amountCents >= grant.amountCents)
        throw DomainError.invalid(
          CallsErrorCode.GrantNotAReduction,
          `amountCents: must be below the current ${grant.amountCents}`,
        );
      if (dto.amountCents < paid || dto.amountCents === 0) {
        throw DomainError.conflict(
          CallsErrorCode.GrantBelowPaid,
          `A grant cannot go below what was paid (${paid} cents) nor to zero: cancel it instead`,
        );
      }
      return { amountCents: dto.amountCents };
    });
  }

  /** Cancels a grant with a reason: what was paid stays in the ledger, the rest goes back to the envelope. */
  async cancel(actor: Actor, id: string, dto: CancelGrantDto): Promise<GrantDto> {
    callsPolicy.assert(actor, 'commit');
    return this.change(actor, id, dto.version, 'grant.cancel', dto.reason, async () => ({
      status: 'cancelled' as const,
      cancelReason: dto.reason,
    }));
  }

  async getGrant(actor: Actor, id: string): Promise<GrantDto> {
    callsPolicy.assert(actor, 'read');
    const grant = found(await this.funding.findGrant(id), CallsErrorCode.GrantNotFound, id);
    return toGrantDto(grant, await this.funding.payments(id), actor);
  }

  private change(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    reason: string | undefined,
    decide: (tx: Tx, grant: GrantEntity) => Promise<GrantChange>,
  ): Promise<GrantDto> {
    return this.audit.write(actor, async (tx) => {
      const grant = found(await this.funding.lockGrant(tx, id), CallsErrorCode.GrantNotFound, id);
      if (grant.status === 'cancelled')
        throw DomainError.conflict(CallsErrorCode.GrantCancelled, 'This grant was cancelled');
      if (grant.version !== version) throw DomainError.staleVersion(CallsErrorCode.GrantStaleVersion);
      const change = await decide(tx, grant);
      if (!(await this.funding.changeGrant(tx, id, version, change)))
        throw DomainError.staleVersion(CallsErrorCode.GrantStaleVersion);
      const after = toGrantDto((await this.funding.findGrant(id, tx))!, await this.funding.payments(id, tx), actor);
      return {
        result: after,
        audit: {
          action,
          entityType: 'grant',
          entityId: id,
          before: changedFacts(grant),
          after: { ...changedFacts(after), ...(reason === undefined ? {} : { reason }) },
        },
      };
    });
  }

  /** The project's grant as this reader sees it (read rights are the caller's to check). */
  async grantOfProject(reader: Actor, projectId: string): Promise<GrantDto | null> {
    const grant = await this.funding.grantOfProject(projectId);
    return grant ? toGrantDto(grant, await this.funding.payments(grant.id), reader) : null;
  }

  /**
   * Who may read a call's whole ledger, whatever its form (CSV, funding report PDF): the exporters, on a
   * call that exists. A referent reads the call's figures, not its payment lines.
   */
  async assertLedgerReader(actor: Actor, callId: string): Promise<void> {
    callsPolicy.assert(actor, 'exportLedger');
    if (!(await this.calls.find(callId))) throw DomainError.notFound(CallsErrorCode.CallNotFound, callId);
  }

  /** The call's ledger as CSV: one row per payment and per unpaid grant balance, streamed as PostgreSQL writes it. */
  async exportCsv(actor: Actor, callId: string): Promise<Readable> {
    await this.assertLedgerReader(actor, callId);
    const lines = await this.funding.streamCsvLines(callId);
    // pipeline, not pipe: a client that goes away destroys the CSV stream, which must end the COPY
    // and close its connection. A failure mid-way can only abort the response, already started.
    return pipeline(lines, withCsvHeader(), () => undefined);
  }
}

/** 409 when adding `amount` to `used` would pass `ceiling` (an envelope, a grant), saying what remains. */
function assertFits(code: CallsErrorCode, what: string, ceiling: number, used: number, amount: number): void {
  if (used + amount > ceiling) {
    throw DomainError.conflict(code, `${what} would be exceeded: ${ceiling - used} cents remain`, {
      remainingCents: ceiling - used,
    });
  }
}

/** What a versioned change of a grant may touch: its audit event's before and after. */
function changedFacts(g: Pick<GrantEntity, 'amountCents' | 'status' | 'version' | GrantReference>) {
  return {
    amountCents: g.amountCents,
    status: g.status,
    legalCommitmentNumber: g.legalCommitmentNumber,
    conventionNumber: g.conventionNumber,
    agreementSignedOn: g.agreementSignedOn,
    version: g.version,
  };
}

type GrantReference = 'legalCommitmentNumber' | 'conventionNumber' | 'agreementSignedOn';

function toPaymentDto(p: PaymentEntity): PaymentDto {
  return {
    id: p.id,
    grantId: p.grantId,
    amountCents: p.amountCents,
    kind: p.kind,
    paidOn: p.paidOn,
    trancheId: p.trancheId,
    createdAt: p.createdAt.toISOString(),
  };
}

/** The grant as it is, whoever reads it (what its audit events record). */
function toGrantFacts(g: GrantEntity, payments: PaymentEntity[]): Omit<GrantDto, keyof GrantRights> {
  return {
    id: g.id,
    projectId: g.projectId,
    callId: g.callId,
    axisCode: g.axisCode,
    amountCents: g.amountCents,
    paidCents: payments.reduce((s, p) => s + p.amountCents, 0),
    legalCommitmentNumber: g.legalCommitmentNumber,
    agreementSignedOn: g.agreementSignedOn,
    conventionNumber: g.conventionNumber,
    payments: payments.map(toPaymentDto),
    status: g.status,
    cancelReason: g.cancelReason,
    version: g.version,
    createdAt: g.createdAt.toISOString(),
  };
}

/** The grant as this reader sees it: what it is, and what the reader may do with it. */
function toGrantDto(g: GrantEntity, payments: PaymentEntity[], reader: Actor): GrantDto {
  const grant = toGrantFacts(g, payments);
  return { ...grant, ...grantRights(reader, grant) };
}
