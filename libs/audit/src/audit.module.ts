import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditRoleCheck } from './audit-role-check';
import { AuditSealKeys } from './audit-seal-keys';
import { AuditSealRepository } from './audit-seal.repository';
import { AuditSealService } from './audit-seal.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditVerificationRepository } from './audit-verification.repository';
import { AuditVerificationService } from './audit-verification.service';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AuditSealEntity } from './entities/audit-seal.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity, AuditSealEntity])],
  providers: [AuditRepository, AuditSealRepository, AuditSealKeys, AuditService, AuditSealService, AuditRoleCheck],
  exports: [AuditService, AuditSealService],
})
export class AuditModule {}

/**
 * The chain's verification as a job: apart from `AuditModule` because it queues jobs, and only the apps
 * that run them (api, worker) provide the queue.
 */
@Module({
  imports: [AuditModule],
  providers: [AuditVerificationRepository, AuditVerificationService],
  exports: [AuditVerificationService],
})
export class AuditVerificationModule {}
