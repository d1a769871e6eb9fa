import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { BODY_KINDS, COLLEGES, POSITION_ROLES } from '../governance.constants';
import type { BodyKind, College, PositionRole } from '../governance.constants';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ISO_DATE = { strict: true } as const;

export class CreateBodyDto {
  @ApiProperty({ enum: BODY_KINDS })
  @IsIn(BODY_KINDS)
  kind: BodyKind;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  /** Date of installation (e.g. 2021-12-10 for the plenary). */
  @IsOptional()
  @IsISO8601(ISO_DATE)
  installedOn?: string;
}

export class CreateMemberDto {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  email?: string;

  @ApiProperty({ enum: COLLEGES })
  @IsIn(COLLEGES)
  college: College;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  organization: string;

  /** Who designated the member, e.g. "CRSA". */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  designatingBody?: string;
}

export class MandateInputDto {
  @IsUUID()
  memberId: string;

  @IsOptional()
  @IsUUID()
  alternateMemberId?: string;

  @IsISO8601(ISO_DATE)
  startsOn: string;

  @IsOptional()
  @IsISO8601(ISO_DATE)
  endsOn?: string;
}

export class CreateSeatDto extends MandateInputDto {
  @ApiProperty({ enum: COLLEGES })
  @IsIn(COLLEGES)
  college: College;

  /** What the seat stands for, e.g. "approche précarité". */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string;
}

export class EndMandateDto {
  @IsISO8601(ISO_DATE)
  endsOn: string;
}

export class CreatePositionDto {
  @IsUUID()
  memberId: string;

  @ApiProperty({ enum: POSITION_ROLES })
  @IsIn(POSITION_ROLES)
  role: PositionRole;

  @IsISO8601(ISO_DATE)
  startsOn: string;

  @IsOptional()
  @IsISO8601(ISO_DATE)
  endsOn?: string;
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
}

export class PositionDto {
  id: string;
  member: PersonRefDto;
  @ApiProperty({ enum: POSITION_ROLES })
  role: PositionRole;
  startsOn: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  endsOn: string | null;
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
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberDto] })
  items: MemberDto[];
  total: number;
}

export class CollegeParticipationDto {
  @ApiProperty({ enum: COLLEGES })
  college: College;
  seats: number;
  filled: number;
  vacant: number;
  /** Seats present or represented over seats held, across the meetings held in the last 12 months; null without meetings. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  attendanceRate: number | null;
}

export class ParticipationDto {
  bodyId: string;
  meetingsHeld: number;
  since: string;
  @ApiProperty({ type: [CollegeParticipationDto] })
  byCollege: CollegeParticipationDto[];
  @ApiProperty({ type: CollegeParticipationDto })
  total: Omit<CollegeParticipationDto, 'college'>;
}
