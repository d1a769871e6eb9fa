import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { TARGET_PUBLICS } from '@app/vocabulary';

/** The field validations several domains share, each written once with its message. */

/** Integer euro cents from `min` (0 by default), never past what a double holds exactly. */
export const IsCents = (min = 0) =>
  applyDecorators(
    IsInt({ message: '$property must be an integer number of cents' }),
    Min(min),
    Max(Number.MAX_SAFE_INTEGER),
  );

/**
 * A text of 1 to `max` characters (`isString`, `minLength`, `maxLength` when refused). The swagger
 * plugin cannot see through a composite: its bounds are documented here.
 */
export const IsText = (max: number) =>
  applyDecorators(ApiProperty({ minLength: 1, maxLength: max }), IsString(), MinLength(1), MaxLength(max));

const DEPARTMENT_CODE = /^[0-9]{2}$/;

export const IsDepartmentCode = () =>
  Matches(DEPARTMENT_CODE, { message: '$property must be a department code such as "31"' });

/** A list of distinct department codes of the region (at most its 13). */
export const IsDepartmentCodeList = () =>
  applyDecorators(
    IsArray(),
    ArrayUnique(),
    ArrayMaxSize(13),
    Matches(DEPARTMENT_CODE, { each: true, message: 'each value in $property must be a department code such as "31"' }),
  );

/** ISS levers: 1 social determinants, 2 life course, 3 proportionate response / "aller vers". */
export const IsLeverList = () =>
  applyDecorators(
    IsArray(),
    ArrayUnique(),
    IsIn([1, 2, 3], { each: true, message: 'each value in $property must be 1, 2 or 3' }),
  );

/** Values of the controlled list of target publics. */
export const IsTargetPublicList = () =>
  applyDecorators(
    IsArray(),
    IsIn(TARGET_PUBLICS, {
      each: true,
      message: `each value in $property must be one of: ${TARGET_PUBLICS.join(', ')}`,
    }),
  );

/** Absent, or a text of at most `max` characters (empty allowed). */
export const IsOptionalText = (max: number) =>
  applyDecorators(ApiPropertyOptional({ maxLength: max }), IsOptional(), IsString(), MaxLength(max));

/** An object's id (a UUID). */
export const IsId = () => applyDecorators(ApiProperty({ format: 'uuid' }), IsUUID());

/** A date in ISO 8601 (YYYY-MM-DD), checked strictly: February 30th is refused. */
export const IsDay = () => IsISO8601({ strict: true });

/** An integer from `min` to `max` inclusive. */
export const IsIntBetween = (min: number, max: number) =>
  applyDecorators(ApiProperty({ minimum: min, maximum: max }), IsInt(), Min(min), Max(max));
