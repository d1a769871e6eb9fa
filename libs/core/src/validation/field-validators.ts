import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
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

/**
 * Decorators as they would be written above a property, applied bottom-up as TypeScript applies
 * them: the rules, and so the messages of a 400 and its failed rules, keep the order they had when
 * written out. The `ApiProperty` among them documents what the swagger plugin reads from a plain
 * stack (lengths, bounds), which it cannot see inside a composite.
 */
const stacked = (...decorators: PropertyDecorator[]) => applyDecorators(...[...decorators].reverse());

/** Required text: a string of 1 to `max` characters. */
export const IsText = (max: number) =>
  stacked(ApiProperty({ minLength: 1, maxLength: max }), IsString(), MinLength(1), MaxLength(max));

/** Optional text: absent, or a string of at most `max` characters (empty allowed). */
export const IsOptionalText = (max: number) =>
  stacked(ApiProperty({ maxLength: max }), IsOptional(), IsString(), MaxLength(max));

/** A date or date-time in strict ISO 8601 (a real calendar date), e.g. `2025-01-15`. */
export const IsIsoDate = () => IsISO8601({ strict: true });

/** An integer from `min` to `max` inclusive. */
export const IsIntBetween = (min: number, max: number) =>
  stacked(ApiProperty({ minimum: min, maximum: max }), IsInt(), Min(min), Max(max));

/** The version of an object as the client read it (optimistic locking): an integer from 1. */
export const IsVersion = () => stacked(ApiProperty({ minimum: 1 }), IsInt(), Min(1));

/** An object's id (a UUID). */
export const IsId = () => stacked(ApiProperty({ format: 'uuid' }), IsUUID());
