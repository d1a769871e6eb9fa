import { Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AuditEventPageDto,
  auditPolicy,
  AuditQueryDto,
  AuditSealDto,
  AuditSealPageDto,
  AuditSealService,
  AuditService,
  AuditVerificationDto,
  AuditVerificationRunDto,
  AuditVerificationService,
  QueuedAuditVerificationDto,
  SealKeyDto,
} from '@app/audit';
import { IdParam, PageQueryDto } from '@app/core';
import type { Actor } from '@app/core';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RateLimited } from '../rate-limits/rate-limits';
import { Roles } from '../auth/roles.decorator';
import { ApiFile } from '../openapi/api-file';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly seals: AuditSealService,
    private readonly verifications: AuditVerificationService,
  ) {}

  /** List audit events, newest first, filtered. */
  @Roles(...auditPolicy.roles('read'))
  @Get()
  @ApiOkResponse({ type: AuditEventPageDto })
  listAuditEvents(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditEventPageDto> {
    return this.audit.list(actor, query);
  }

  /**
   * The filtered trail (same filters as the list; `limit`/`offset` are ignored) as CSV, UTF-8 with BOM,
   * `;`-separated, streamed; rate-limited like the other exports.
   */
  @Roles(...auditPolicy.roles('read'))
  @RateLimited('exports')
  @Get('export.csv')
  @ApiFile('The trail as CSV', 'text/csv')
  exportAuditEventsCsv(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): StreamableFile {
    const { limit: _limit, offset: _offset, ...filters } = query;
    const day = new Date().toISOString().slice(0, 10);
    return new StreamableFile(this.audit.exportCsv(actor, filters), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="journal-audit-${day}.csv"`,
    });
  }

  /**
   * Walks the hash chain of the whole trail and holds every seal against it, within the request: for
   * small trails. A large one (a million events take close to a minute) is verified by a run of the
   * job: `POST /audit-events/verifications`, then poll its result.
   */
  @Roles(...auditPolicy.roles('verify'))
  @RateLimited('audit_verify')
  @Get('verify')
  @ApiOkResponse({ type: AuditVerificationDto })
  verifyAuditChain(@CurrentActor() actor: Actor): Promise<AuditVerificationDto> {
    return this.audit.verify(actor);
  }

  /**
   * Asks the worker to verify the whole chain and its seals; the result is kept (poll it by id, or the
   * latest). A run already queued or running is returned instead of a new one.
   */
  @Roles(...auditPolicy.roles('verify'))
  @RateLimited('audit_verify')
  @Post('verifications')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: QueuedAuditVerificationDto })
  requestAuditVerification(@CurrentActor() actor: Actor): Promise<QueuedAuditVerificationDto> {
    return this.verifications.request(actor);
  }

  /** The newest verification run, whatever its status, with its result once done. */
  @Roles(...auditPolicy.roles('verify'))
  @Get('verifications/latest')
  @ApiOkResponse({ type: AuditVerificationRunDto })
  getLatestAuditVerification(@CurrentActor() actor: Actor): Promise<AuditVerificationRunDto> {
    return this.verifications.latest(actor);
  }

  /** One verification run: its status, dates and, once done, its result. */
  @Roles(...auditPolicy.roles('verify'))
  @Get('verifications/:id')
  @ApiOkResponse({ type: AuditVerificationRunDto })
  getAuditVerification(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
  ): Promise<AuditVerificationRunDto> {
    return this.verifications.get(actor, id);
  }

  /** The Ed25519 public key that checks the seals' signatures. */
  @Roles(...auditPolicy.roles('read'))
  @Get('seal-key')
  @ApiOkResponse({ type: SealKeyDto })
  getSealKey(@CurrentActor() actor: Actor): SealKeyDto {
    return this.seals.publicKey(actor);
  }

  /** Seals, newest first. */
  @Roles(...auditPolicy.roles('read'))
  @Get('seals')
  @ApiOkResponse({ type: AuditSealPageDto })
  listSeals(@CurrentActor() actor: Actor, @Query() page: PageQueryDto): Promise<AuditSealPageDto> {
    return this.seals.list(actor, page);
  }

  /** Signs the chain's head now; keep the answer as a receipt of the trail as it stands. */
  @Roles(...auditPolicy.roles('seal'))
  @Post('seals')
  @ApiCreatedResponse({ type: AuditSealDto })
  sealAuditChain(@CurrentActor() actor: Actor): Promise<AuditSealDto> {
    return this.seals.seal(actor);
  }
}
