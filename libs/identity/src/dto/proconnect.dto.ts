import { ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn } from 'class-validator';
import { ROLES } from '@app/core';
import type { Role } from '@app/core';

/** How one may sign in, as the login page needs to know before anyone is signed in. */
export class SignInOptionsDto {
  /** True when ProConnect is configured (OIDC_ISSUER): the page offers « S’identifier avec ProConnect ». */
  proconnect: boolean;
}

/** The roles whose accounts must sign in with ProConnect (admin). */
export class SignInPolicyDto {
  /** False: ProConnect is not configured, and the roles below are not enforced. */
  proconnectConfigured: boolean;

  @ApiProperty({ enum: ROLES, isArray: true })
  proconnectRequiredRoles: Role[];
}

export class UpdateSignInPolicyDto {
  /** Every role listed (each once) may no longer sign in with a password while ProConnect is configured. */
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each value in proconnectRequiredRoles must be one of: ${ROLES.join(', ')}` })
  proconnectRequiredRoles: Role[];
}

/** What the web app does after a sign-out. */
export class SignOutDto {
  /** The provider's end-session URL to open for a session opened with ProConnect; null otherwise. */
  @ApiProperty({ nullable: true, type: String })
  endSessionUrl: string | null;
}
