import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/core';
import type { Actor } from '@app/core';
import {
  CancelGrantDto,
  CreateGrantDto,
  CreatePaymentDto,
  FollowUpService,
  FundingService,
  GrantDto,
  GrantFollowUpDto,
  OverdueQueryDto,
  OverdueReportPageDto,
  PaymentDto,
  ReduceGrantDto,
  SetCoFundersDto,
  SetGrantAgreementDto,
  SetGrantReportsDto,
  SetPaymentTrancheDto,
  SetScheduleDto,
} from '@app/calls';
import { CurrentActor } from '../auth/current-actor.decorator';

/**
 * Grants: commitment, payments, reductions and cancellation, and their follow-up. Its operations keep
 * the ids they had in the calls controller (the web client is generated from them).
 */
@ApiTags('calls')
@ApiBearerAuth()
@Controller()
export class GrantsController {
  constructor(
    private readonly grants: FundingService,
    private readonly followUp: FollowUpService,
  ) {}

  /** Commits money to a selected project (regional delegate); 409 when an envelope would be exceeded. */
  @Post('projects/:id/grant')
  @ApiCreatedResponse({ type: GrantDto })
  grantProject(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreateGrantDto,
  ): Promise<GrantDto> {
    return this.grants.grant(actor, id, dto);
  }

  /** Progress and final reports past due and not received (optionally for one call). */
  @Get('grants/overdue-reports')
  @ApiOkResponse({ type: OverdueReportPageDto })
  listOverdueReports(@CurrentActor() actor: Actor, @Query() query: OverdueQueryDto): Promise<OverdueReportPageDto> {
    return this.followUp.overdue(actor, query.callId, query);
  }

  /** Co-funders, the planned schedule against actual payments, and the reports owed. */
  @Get('grants/:id/follow-up')
  @ApiOkResponse({ type: GrantFollowUpDto })
  getGrantFollowUp(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<GrantFollowUpDto> {
    return this.followUp.get(actor, id);
  }

  /** Set the co-funders of a grant. */
  @Put('grants/:id/co-funders')
  @ApiOkResponse({ type: GrantFollowUpDto })
  setGrantCoFunders(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: SetCoFundersDto,
  ): Promise<GrantFollowUpDto> {
    return this.followUp.setCoFunders(actor, id, dto);
  }

  /** Set the payment schedule (tranches) of a grant. */
  @Put('grants/:id/schedule')
  @ApiOkResponse({ type: GrantFollowUpDto })
  setGrantSchedule(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: SetScheduleDto,
  ): Promise<GrantFollowUpDto> {
    return this.followUp.setSchedule(actor, id, dto);
  }

  /** Set the activity reports due for a grant. */
  @Put('grants/:id/reports')
  @ApiOkResponse({ type: GrantFollowUpDto })
  setGrantReports(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: SetGrantReportsDto,
  ): Promise<GrantFollowUpDto> {
    return this.followUp.setReports(actor, id, dto);
  }

  /** A grant with its tranches, payments and reports. */
  @Get('grants/:id')
  @ApiOkResponse({ type: GrantDto })
  getGrant(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<GrantDto> {
    return this.grants.getGrant(actor, id);
  }

  /** Lowers the grant, never below what was paid (regional delegate, stale version → 409). */
  @Patch('grants/:id')
  @ApiOkResponse({ type: GrantDto })
  reduceGrant(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: ReduceGrantDto,
  ): Promise<GrantDto> {
    return this.grants.reduce(actor, id, dto);
  }

  /** Sets the EJ, the convention's number and its signing date (regional team, stale version → 409). */
  @Put('grants/:id/agreement')
  @ApiOkResponse({ type: GrantDto })
  setGrantAgreement(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: SetGrantAgreementDto,
  ): Promise<GrantDto> {
    return this.grants.setAgreement(actor, id, dto);
  }

  /** Sets (or clears) the planned tranche a payment settles; 409 when the tranche's payments would exceed it. */
  @Put('grants/:id/payments/:paymentId/tranche')
  @ApiOkResponse({ type: PaymentDto })
  setPaymentTranche(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Param('paymentId', IdParam) paymentId: string,
    @Body() dto: SetPaymentTrancheDto,
  ): Promise<PaymentDto> {
    return this.grants.setPaymentTranche(actor, id, paymentId, dto);
  }

  /** Cancels the grant with a reason: paid money stays in the ledger, the rest returns to the envelope. */
  @Post('grants/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: GrantDto })
  cancelGrant(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CancelGrantDto,
  ): Promise<GrantDto> {
    return this.grants.cancel(actor, id, dto);
  }

  /** Records a payment, optionally on a planned tranche; 409 when it would exceed the grant or the tranche. */
  @Post('grants/:id/payments')
  @ApiCreatedResponse({ type: PaymentDto })
  recordPayment(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreatePaymentDto,
  ): Promise<PaymentDto> {
    return this.grants.pay(actor, id, dto);
  }
}
