import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
  ValidateNested,
} from 'class-validator';
import { TARGET_PUBLICS } from '@app/vocabulary';

/** The field validations several domains share, each written once with its message. */

/**
 * Decorators as they would be written above a property, applied bottom-up as TypeScript applies
 * them: the rules, and so the messages of a 400, keep the order they had when written out. The
 * `ApiProperty` among them documents what the swagger plugin reads from a plain stack (lengths,
 * bounds), which it cannot see through a composite.
 */
const stacked = (...decorators: PropertyDecorator[]) => applyDecorators(...[...decorators].reverse());

/** Text that must be there and not empty, at most `max` characters. */
export const IsText = (max: number) =>
  stacked(ApiProperty({ minLength: 1, maxLength: max }), IsString(), MinLength(1), MaxLength(max));

/** Text that may be left out (or empty), at most `max` characters. */
export const IsOptionalText = (max: number) =>
  stacked(ApiProperty({ maxLength: max }), IsOptional(), IsString(), MaxLength(max));

/** A list of at most `maxItems` texts of at most `maxLength` characters each. */
export const IsTextList = (maxItems: number, maxLength: number) =>
  stacked(
    ApiProperty({ maxItems, items: { type: 'string', maxLength } }),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    MaxLength(maxLength, { each: true }),
  );

/** A calendar date, ISO 8601 ("2024-03-31"), checked against the calendar. */
export const IsDay = () => IsISO8601({ strict: true });

/** A year of the mission's files. */
export const IsYear = () => stacked(ApiProperty({ minimum: 2000, maximum: 2100 }), IsInt(), Min(2000), Max(2100));

/** The version read, for a conditional update (a stale one gets 409). */
export const IsVersion = () => stacked(ApiProperty({ minimum: 1 }), IsInt(), Min(1));

/** Distinct ids (UUID v4), at most `max`. */
export const IsIdList = (max: number) =>
  stacked(
    ApiProperty({ uniqueItems: true, maxItems: max, items: { type: 'string', format: 'uuid' } }),
    IsArray(),
    ArrayMaxSize(max),
    ArrayUnique(),
    IsUUID('4', { each: true }),
  );

/** A list of nested objects of class `type()`, each validated, from `min` (0 by default) to `max` of them. */
export const IsNestedList = (type: () => new () => object, { min = 0, max }: { min?: number; max: number }) =>
  stacked(
    ApiProperty({ ...(min > 0 ? { minItems: min } : {}), maxItems: max }),
    IsArray(),
    ...(min > 0 ? [ArrayMinSize(min)] : []),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(type) as PropertyDecorator,
  );

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

/** An integer from `min` to `max` inclusive. */
export const IsIntBetween = (min: number, max: number) =>
  stacked(ApiProperty({ minimum: min, maximum: max }), IsInt(), Min(min), Max(max));

/** An object's id (a UUID). */
export const IsId = () => stacked(ApiProperty({ format: 'uuid' }), IsUUID());
