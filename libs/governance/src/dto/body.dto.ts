import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional } from 'class-validator';
import { IsId, IsDay, IsOptionalText, IsText } from '@app/core';
import { BODY_KINDS, COLLEGES, POSITION_ROLES } from '../governance.constants';
import type { BodyKind, College, PositionRole } from '../governance.constants';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateBodyDto {
  @ApiProperty({ enum: BODY_KINDS })
  @IsIn(BODY_KINDS)
  kind: BodyKind;

  @Transform(trim)
  @IsText(200)
  name: string;

  /** Date of installation (e.g. 2021-12-10 for the plenary). */
  @IsOptional()
  @IsDay()
  installedOn?: string;
}

export class CreateMemberDto {
  @Transform(trim)
  @IsText(200)
  displayName: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  email?: string;

  @ApiProperty({ enum: COLLEGES })
  @IsIn(COLLEGES)
  college: College;

  @Transform(trim)
  @IsText(300)
  organization: string;

  /** Who designated the member, e.g. "CRSA". */
  @IsOptionalText(200)
  designatingBody?: string;
}

export class MandateInputDto {
  @IsId()
  memberId: string;

  @IsOptional()
  @IsId()
  alternateMemberId?: string;

  @IsDay()
  startsOn: string;

  @IsOptional()
  @IsDay()
  endsOn?: string;
}

export class CreateSeatDto extends MandateInputDto {
  @ApiProperty({ enum: COLLEGES })
  @IsIn(COLLEGES)
  college: College;

  /** What the seat stands for, e.g. "approche précarité". */
  @IsOptionalText(200)
  label?: string;
}

export class EndMandateDto {
  @IsDay()
  endsOn: string;
}

export class CreatePositionDto {
  @IsId()
  memberId: string;

  @ApiProperty({ enum: POSITION_ROLES })
  @IsIn(POSITION_ROLES)
  role: PositionRole;

  @IsDay()
  startsOn: string;

  @IsOptional()
  @IsDay()
  endsOn?: string;
}

export class EndPositionDto {
  /** The office's last day. */
  @IsDay()
  endsOn: string;
}

export class MemberDto {
  id: string;
  displayName: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  email: string | null;
  @ApiProperty({ enum: COLLEGES })
  college: College;
  organization: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  designatingBody: string | null;
}

export class PersonRefDto {
  id: string;
  displayName: string;
}

export class MandateDto {
  id: string;
  member: PersonRefDto;
  @ApiPropertyOptional({ nullable: true, type: PersonRefDto })
  alternate: PersonRefDto | null;
  startsOn: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  endsOn: string | null;
}

export class SeatDto {
  id: string;
  bodyId: string;
  @ApiProperty({ enum: COLLEGES })
  college: College;
  @ApiPropertyOptional({ nullable: true, type: String })
  label: string | null;
  /** The mandate in force today; null when the seat is vacant. */
  @ApiPropertyOptional({ nullable: true, type: MandateDto })
  current: MandateDto | null;
  vacant: boolean;
  /** Every mandate of the seat, oldest first (history is kept when a mandate ends). */
  @ApiProperty({ type: [MandateDto] })
  mandates: MandateDto[];
  /** The caller may end the mandate in force (POST /seats/:id/end-mandate). */
  @ApiProperty()
  canEndMandate: boolean;
  /** The caller may give the seat a holder from today (POST /seats/:id/mandates): no mandate runs to today or later. */
  @ApiProperty()
  canAddMandate: boolean;
}

export class PositionDto {
  id: string;
  bodyId: string;
  member: PersonRefDto;
  @ApiProperty({ enum: POSITION_ROLES })
  role: PositionRole;
  startsOn: string;
  /** The office's last day; null while it runs with no end set. */
  @ApiPropertyOptional({ nullable: true, type: String })
  endsOn: string | null;
  /** The caller may end the office (POST /positions/:id/end): it has not ended yet. */
  @ApiProperty()
  canEnd: boolean;
}

export class BodyDto {
  id: string;
  @ApiProperty({ enum: BODY_KINDS })
  kind: BodyKind;
  name: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  installedOn: string | null;
  status: 'active' | 'dissolved';
  version: number;
  /** The caller may add seats (POST /bodies/:id/seats), end and give their mandates. */
  @ApiProperty()
  canManageSeats: boolean;
  /** The caller may give an office (POST /bodies/:id/positions). */
  @ApiProperty()
  canAddPosition: boolean;
  /** The caller may convene a meeting of the body (POST /meetings). */
  @ApiProperty()
  canCreateMeeting: boolean;
}

export class BodyDetailDto extends BodyDto {
  @ApiProperty({ type: [SeatDto] })
  seats: SeatDto[];
  @ApiProperty({ type: [PositionDto] })
  positions: PositionDto[];
}

export class BodyPageDto {
  @ApiProperty({ type: [BodyDto] })
  items: BodyDto[];
  total: number;
  /** The caller may create a body (POST /bodies). */
  @ApiProperty()
  canCreate: boolean;
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberDto] })
  items: MemberDto[];
  total: number;
  /** The caller may add a member (POST /members). */
  @ApiProperty()
  canCreate: boolean;
}

/** The seats and attendance of a body, all colleges together. */
export class ParticipationTotalDto {
  seats: number;
  filled: number;
  vacant: number;
  /** Seats present or represented over seats held, across the meetings held in the last 12 months; null without meetings. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  attendanceRate: number | null;
}

export class CollegeParticipationDto extends ParticipationTotalDto {
  @ApiProperty({ enum: COLLEGES })
  college: College;
}

export class ParticipationDto {
  bodyId: string;
  meetingsHeld: number;
  since: string;
  @ApiProperty({ type: [CollegeParticipationDto] })
  byCollege: CollegeParticipationDto[];
  @ApiProperty({ type: ParticipationTotalDto })
  total: ParticipationTotalDto;
}
