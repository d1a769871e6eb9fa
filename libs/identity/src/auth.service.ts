import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import { Actor, Database, DomainError } from '@app/core';
import { LoginResultDto, UserDto } from './dto/user.dto';
import { DUMMY_HASH, passwordHasher } from './password-hasher';
import { TokensRepository } from './tokens.repository';
import { toUserDto } from './users.service';
import { UsersRepository } from './users.repository';

/** CONTRACT.md: 10 failed attempts on one e-mail within 15 minutes → 429 until the window has passed. */
export const LOGIN_MAX_FAILURES = 10;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** Who issues the tokens and for whom: a token signed with the same secret for another use is refused. */
export const TOKEN_ISSUER = 'iss-back-office';
export const TOKEN_AUDIENCE = 'iss-back-office-api';

export interface TokenClaims {
  sub: string;
  jti: string;
  iat: number;
  exp: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly tokens: TokensRepository,
    private readonly audit: AuditService,
    private readonly jwt: JwtService,
  ) {}

  /** Checks the throttle first (so the right password does not help), then the password. */
  async validateCredentials(email: string, password: string): Promise<UserDto> {
    const since = new Date(Date.now() - LOGIN_WINDOW_MS);
    if ((await this.tokens.countFailuresSince(email, since)) >= LOGIN_MAX_FAILURES) {
      throw new DomainError(
        'too_many_requests',
        'auth.throttled',
        'Trop de tentatives de connexion : réessayez dans 15 minutes',
      );
    }
    const user = await this.users.findCredentials(email);
    const valid = await passwordHasher.verify(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !valid || user.disabledAt) {
      await this.tokens.recordFailure(email, new Date());
      throw new DomainError('unauthorized', 'auth.invalid_credentials', 'E-mail ou mot de passe incorrect');
    }
    await this.tokens.clearFailures(email);
    return toUserDto(user);
  }

  async login(user: UserDto, requestId?: string): Promise<LoginResultDto & { expiresAt: Date }> {
    const jti = randomUUID();
    const accessToken = await this.jwt.signAsync({ sub: user.id, jti });
    const { exp } = this.jwt.decode<TokenClaims>(accessToken);
    const actor = toActor(user, { requestId, tokenId: jti });
    await this.db.transaction((tx) =>
      this.audit.record(tx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id }),
    );
    return { accessToken, user, expiresAt: new Date(exp * 1000) };
  }

  /**
   * The actor behind verified claims, or null when the token was revoked, the account disabled, or the
   * token issued before the account's sessions were ended (iat counts whole seconds: a token of the
   * very second of the disabling is refused too).
   */
  async actorForToken(claims: TokenClaims, requestId?: string): Promise<Actor | null> {
    const row = await this.users.findForToken(claims.sub, claims.jti);
    if (!row || row.revoked || row.disabledAt) return null;
    const validFrom = row.sessionsValidFrom ? Math.floor(new Date(row.sessionsValidFrom).getTime() / 1000) : 0;
    if (claims.iat <= validFrom) return null;
    return toActor(toUserDto(row), { requestId, tokenId: claims.jti, tokenExpiresAt: new Date(claims.exp * 1000) });
  }

  /** Revokes the token the actor signed in with; every api instance refuses it from then on. */
  async logout(actor: Actor): Promise<void> {
    if (!actor.id || !actor.tokenId || !actor.tokenExpiresAt) throw DomainError.forbidden();
    const token = { jti: actor.tokenId, userId: actor.id, expiresAt: actor.tokenExpiresAt };
    await this.db.transaction(async (tx) => {
      await this.tokens.revoke(tx, token);
      await this.audit.record(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.id! });
    });
  }
}

export function toActor(user: UserDto, extra: Pick<Actor, 'requestId' | 'tokenId' | 'tokenExpiresAt'> = {}): Actor {
  return {
    id: user.id,
    displayName: user.displayName,
    roles: user.roles,
    departmentCodes: user.departmentCodes,
    memberId: user.memberId,
    ...extra,
  };
}
