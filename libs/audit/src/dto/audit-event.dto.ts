import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@app/core';
import { AUDIT_VERIFICATION_STATUSES, type AuditVerificationStatus } from '@app/vocabulary';
import { BrokenSealDto } from './audit-seal.dto';

export class AuditQueryDto extends PageQueryDto {
  /** The resource's singular name in snake_case, as in the routes: `user`, `report`, `project`… */
  @IsOptional()
  @Matches(/^[a-z_]{1,64}$/, { message: 'entityType must be a snake_case resource name' })
  entityType?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  /**
   * What a person knows of the object: matched (case-insensitive, part of a word) against the title or
   * name its events recorded; a project's grants and payments come with it.
   */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** Part of the name or e-mail of the person who acted. */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  /** One action, as recorded: `project.transition`, `grant.create`… */
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @Matches(/^[a-z_]{1,32}\.[a-z_]{1,32}$/, { message: 'action must be an action code such as project.transition' })
  action?: string;

  /** First day (ISO 8601, inclusive), Paris time. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Last day (ISO 8601, inclusive), Paris time. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** The same filters, for the CSV export (no page: the whole filtered trail). */
export type AuditFilters = Omit<AuditQueryDto, 'limit' | 'offset'>;

/** Any JSON an audited action recorded of its entity (some record a list, e.g. a project's communes). */
const ENTITY_STATE: ApiPropertyOptions = {
  oneOf: [
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
  ],
  nullable: true,
};

export class AuditEventDto {
  id: number;
  at: string;
  actorId: string | null;
  /** Who acted, by name (null for the system or a deleted account). */
  @ApiProperty({ nullable: true, type: String })
  actorName: string | null;
  /** The actor's roles today. */
  @ApiProperty({ type: [String] })
  actorRoles: string[];
  action: string;
  entityType: string;
  entityId: string;
  /** The entity's state before the action, as recorded: an object, a list, or null when created. */
  @ApiProperty(ENTITY_STATE)
  before: unknown;
  /** The entity's state after the action: an object, a list, or null when deleted. */
  @ApiProperty(ENTITY_STATE)
  after: unknown;
  requestId: string | null;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] })
  items: AuditEventDto[];
  total: number;
}

export class AuditVerificationDto {
  /** The chain is unbroken and every seal still matches it. */
  ok: boolean;
  /** Events whose hash and link were checked before the first break (all of them when unbroken). */
  checked: number;
  /** The first event whose hash or link to the previous one is wrong. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  firstBrokenId: number | null;
  sealsChecked: number;
  /** The newest seal's last event: events after it are covered by the chain only. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  lastSealedEventId: number | null;
  /** Seals the trail no longer matches (events cut or re-hashed), or that were themselves altered. */
  @ApiProperty({ type: [BrokenSealDto] })
  brokenSeals: BrokenSealDto[];
}

/** A verification run as requested: poll it by id until it is `done` or `failed`. */
export class QueuedAuditVerificationDto {
  id: string;
  @ApiProperty({ enum: AUDIT_VERIFICATION_STATUSES })
  status: AuditVerificationStatus;
}

/** A verification run of the `audit.verify` job, and what it found once `done`. */
export class AuditVerificationRunDto {
  id: string;
  @ApiProperty({ enum: AUDIT_VERIFICATION_STATUSES })
  status: AuditVerificationStatus;
  /** Who asked for it (null: the system). */
  @ApiPropertyOptional({ nullable: true, type: String })
  requestedBy: string | null;
  requestedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  startedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  finishedAt: string | null;
  /** Null until the run is done; then as `GET /audit-events/verify` says. */
  @ApiPropertyOptional({ nullable: true, type: Boolean })
  ok: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  checked: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  firstBrokenId: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  sealsChecked: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  lastSealedEventId: number | null;
  @ApiPropertyOptional({ nullable: true, type: [BrokenSealDto] })
  brokenSeals: BrokenSealDto[] | null;
  /** The newest event the run checked: events appended after it are for the next run. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  lastEventId: number | null;
  /** Why a `failed` run failed. */
  @ApiPropertyOptional({ nullable: true, type: String })
  error: string | null;
}
