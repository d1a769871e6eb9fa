import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  registerDecorator,
  ValidationArguments,
} from 'class-validator';
import { IsDepartmentCodeList, IsOptionalText, IsText, PageQueryDto, ROLES } from '@app/core';
import type { Role } from '@app/core';
import { MIN_PASSWORD_LENGTH, passwordWeakness } from '../password-policy';

/** A password the policy accepts (12 characters, not common): 400 naming the field, in French, otherwise. */
function IsAcceptablePassword(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordWeakness(value) === null,
        defaultMessage: ({ property, value }: ValidationArguments) =>
          `${property} : le mot de passe ${typeof value === 'string' ? passwordWeakness(value) : 'doit être un texte'}`,
      },
    });
}

/** A password being set: a text of at most 200 characters that the policy accepts. */
const IsNewPassword = () =>
  applyDecorators(
    ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200 }),
    IsString(),
    MaxLength(200),
    IsAcceptablePassword(),
  );

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** An account's e-mail, compared trimmed and in lower case. */
const IsAccountEmail = () =>
  applyDecorators(
    ApiProperty({ format: 'email', maxLength: 254 }),
    Transform(trimLower),
    IsEmail({}, { message: 'email must be an e-mail address' }),
    MaxLength(254),
  );

/** At least one role, each once. */
const IsRoleList = () =>
  applyDecorators(
    ApiProperty({ enum: ROLES, isArray: true }),
    IsArray(),
    ArrayMinSize(1),
    ArrayUnique(),
    IsIn(ROLES, { each: true, message: `each value in roles must be one of: ${ROLES.join(', ')}` }),
  );

export class UserDto {
  id: string;
  email: string;
  displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];
  departmentCodes: string[];
  @ApiPropertyOptional({ nullable: true, type: String })
  memberId: string | null;
}

export class CreateUserDto {
  @IsAccountEmail()
  email: string;

  @IsText(200)
  displayName: string;

  @IsNewPassword()
  password: string;

  @IsRoleList()
  roles: Role[];

  /** Required for a departmental referent: the departments it acts on (e.g. "31"). */
  @IsOptional()
  @IsDepartmentCodeList()
  departmentCodes?: string[];

  /** For a commission member: the member record it is linked to. */
  @IsOptional()
  @IsUUID()
  memberId?: string;
}

/** What an admin changes on an account: only the fields sent change. */
export class UpdateUserDto {
  /** A disabled account cannot sign in, and the tokens it already holds are refused from the next request. */
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @IsOptional()
  @IsText(200)
  displayName?: string;

  @IsOptional()
  @IsRoleList()
  roles?: Role[];

  /** Replaces the account's departments (a departmental referent keeps at least one). */
  @IsOptional()
  @IsDepartmentCodeList()
  departmentCodes?: string[];

  /** The member record the account is linked to; null unlinks it. */
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  memberId?: string | null;
}

/** The accounts list: words of the name or e-mail, and one role. */
export class UserQueryDto extends PageQueryDto {
  /** Words to find in the display name or the e-mail (case-insensitive). */
  @IsOptionalText(100)
  search?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

/** An account as its administrator sees it. */
export class ManagedUserDto extends UserDto {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  disabledAt: string | null;
}

export class ManagedUserPageDto {
  @ApiProperty({ type: [ManagedUserDto] })
  items: ManagedUserDto[];
  total: number;
}

export class LoginDto {
  @IsAccountEmail()
  email: string;

  @IsText(200)
  password: string;
}

/** Changing one's own password: the current one proves it is the account's owner at the keyboard. */
export class ChangePasswordDto {
  @IsText(200)
  currentPassword: string;

  @IsNewPassword()
  newPassword: string;
}

export class LoginResultDto {
  accessToken: string;
  user: UserDto;
}
