import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIntBetween, IsOptionalText, IsText } from '@app/core';
import { PROJECT_STATUSES } from '../calls.constants';
import type { ProjectStatus } from '../calls.constants';
import { MAX_SCORE } from '../ranking';

export class CriterionInputDto {
  @Matches(/^[A-Za-z0-9_-]{1,20}$/, { message: 'code must be 1 to 20 letters, digits, - or _' })
  code: string;

  @IsText(300)
  label: string;

  @IsIntBetween(1, 100)
  weight: number;
}

export class SetCriteriaDto {
  @ApiProperty({ type: [CriterionInputDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionInputDto)
  criteria: CriterionInputDto[];
}

export class ScoreInputDto {
  @IsString()
  @MaxLength(20)
  criterion: string;

  @IsIntBetween(0, MAX_SCORE)
  score: number;
}

export class ScoreProjectDto {
  @ApiProperty({ type: [ScoreInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ScoreInputDto)
  scores: ScoreInputDto[];
}

export class CriterionDto {
  code: string;
  label: string;
  weight: number;
}

export class CriterionScoreDto {
  criterion: string;
  /** The criterion's label, as the call defines it. */
  label: string;
  weight: number;
  /** Mean of the reviewers' scores; null before any. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  mean: number | null;
  reviewers: number;
}

export class ProjectScoreDto {
  projectId: string;
  /** Weighted mean out of 5 over the criteria scored; null before any score. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  total: number | null;
  complete: boolean;
  @ApiProperty({ type: [CriterionScoreDto] })
  criteria: CriterionScoreDto[];
  /** Each reviewer's scores, criterion by criterion (the call's order), with that reviewer's weighted mean. */
  @ApiProperty({ type: () => [ReviewerScoresDto] })
  reviews: ReviewerScoresDto[];
}

export class ReviewerScoreDto {
  criterion: string;
  /** Null when this reviewer did not score the criterion. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  score: number | null;
}

export class ReviewerScoresDto {
  reviewerId: string;
  /** The reviewer's display name (null when the account is gone). */
  @ApiPropertyOptional({ nullable: true, type: String })
  reviewerName: string | null;
  @ApiProperty({ type: [ReviewerScoreDto] })
  scores: ReviewerScoreDto[];
  /** This reviewer's weighted mean out of 5. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  total: number | null;
}

/**
 * What the delegate reads before deciding: what remains of the call's and the axis's envelopes now and
 * if the requested amount is granted, the weighted score and the project's place in the call's ranking.
 */
export class DecisionContextDto {
  callEnvelopeCents: number;
  callRemainingCents: number;
  /** What would remain of the call's envelope once this project is granted its requested amount (unchanged when it already has a grant). */
  callRemainingAfterCents: number;
  /** The amount this decision would commit: the requested amount, or 0 when a grant is already active. */
  amountCents: number;
  axisCode: string;
  axisLabel: string;
  /** The axis's own envelope; null when the axis has none (only the call's envelope bounds it). */
  @ApiPropertyOptional({ nullable: true, type: Number })
  axisEnvelopeCents: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  axisRemainingCents: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  axisRemainingAfterCents: number | null;
  /** Weighted mean out of 5 of the reviewers' scores; null before any score. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  weightedScore: number | null;
  /** Position in the call's ranking of the projects under review (1 = best); null when the project is not under review. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  rank: number | null;
  /** How many projects the call's ranking holds. */
  rankedCount: number;
  /** Funding everyone ranked up to this project stays within the call's and the axis's remaining envelopes; null when not ranked. */
  @ApiPropertyOptional({ nullable: true, type: Boolean })
  withinEnvelope: boolean | null;
}

export class RankingLineDto {
  rank: number;
  projectId: string;
  title: string;
  axisCode: string;
  @ApiPropertyOptional({ nullable: true, type: Number })
  score: number | null;
  requestedCents: number;
  cumulativeCents: number;
  axisCumulativeCents: number;
  withinEnvelope: boolean;
  withinAxisEnvelope: boolean;
}

/** One axis of the ranked call: its envelope and what remains of it, against which its projects are ranked. */
export class RankingAxisDto {
  code: string;
  label: string;
  @ApiPropertyOptional({ nullable: true, type: Number })
  envelopeCents: number | null;
  committedCents: number;
  /** Envelope minus committed; null where the axis has no envelope of its own. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  remainingCents: number | null;
}

export class RankingDto {
  callId: string;
  envelopeCents: number;
  committedCents: number;
  remainingCents: number;
  /** Every axis of the call, in the call's order (the cut-off line of each runs where its remainder runs out). */
  @ApiProperty({ type: [RankingAxisDto] })
  axes: RankingAxisDto[];
  @ApiProperty({ type: [RankingLineDto] })
  items: RankingLineDto[];
  total: number;
}

export class CreateNoteDto {
  @IsText(10000)
  text: string;
}

export class NoteDto {
  id: string;
  projectId: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  authorId: string | null;
  text: string;
  createdAt: string;
}

export class NotePageDto {
  @ApiProperty({ type: [NoteDto] })
  items: NoteDto[];
  total: number;
}

export class SetLabelsDto {
  /** Shared labels, e.g. "prêt pour la commission". */
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(60, { each: true })
  labels: string[];
}

export class LabelsDto {
  projectId: string;
  labels: string[];
}

export class BulkTransitionDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  projectIds: string[];

  @ApiProperty({ enum: PROJECT_STATUSES })
  @IsIn(PROJECT_STATUSES)
  to: ProjectStatus;

  @IsOptionalText(5000)
  comment?: string;
}

export class BulkTransitionResultDto {
  projectId: string;
  ok: boolean;
  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  status?: ProjectStatus;
  /** On failure: the HTTP status it would have had, why, and its code (and details) as a single move's error. */
  @ApiPropertyOptional()
  error?: { statusCode: number; message: string; code: string; details?: Record<string, unknown> };
}

export class BulkTransitionResponseDto {
  @ApiProperty({ type: [BulkTransitionResultDto] })
  results: BulkTransitionResultDto[];
  succeeded: number;
  failed: number;
}
