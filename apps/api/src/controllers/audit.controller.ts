import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditEventPageDto, AuditQueryDto, AuditService, AuditVerificationDto } from '@app/audit';
import type { Actor } from '@app/core';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RateLimited } from '../rate-limits/rate-limits';
import { Roles } from '../auth/roles.decorator';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Roles('admin', 'regional_delegate', 'auditor')
  @Get()
  @ApiOkResponse({ type: AuditEventPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditEventPageDto> {
    return this.audit.list(actor, query);
  }

  /** Walks the hash chain of the whole trail. */
  @Roles('admin', 'auditor')
  @RateLimited('audit_verify')
  @Get('verify')
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(@CurrentActor() actor: Actor): Promise<AuditVerificationDto> {
    return this.audit.verify(actor);
  }
}
