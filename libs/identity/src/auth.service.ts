import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import { Actor, AppConfig, DomainError } from '@app/core';
import { ChangePasswordDto, LoginResultDto, UserDto } from './dto/user.dto';
import { LoginFailuresRepository } from './login-failures.repository';
import { ProConnectRepository } from './proconnect/proconnect.repository';
import { DUMMY_HASH, PasswordHasher } from './password-hasher';
import { TokensRepository } from './tokens.repository';
import { toUserDto } from './users.service';
import { UsersRepository } from './users.repository';
import { IdentityErrorCode } from './identity.errors';
import { assertOwnAccount } from './identity.policy';

/** CONTRACT.md: 10 failed attempts on one e-mail within 15 minutes → 429 until the window has passed. */
export const LOGIN_MAX_FAILURES = 10;
export const LOGIN_WINDOW_MINUTES = 15;

/** A cookie session's last use is written at most this often (the idle timeout counts in minutes). */
const SESSION_TOUCH_SECONDS = 60;

/** Who issues the tokens and for whom: a token signed with the same secret for another use is refused. */
export const TOKEN_ISSUER = 'iss-back-office';
export const TOKEN_AUDIENCE = 'iss-back-office-api';

export interface TokenClaims {
  sub: string;
  jti: string;
  iat: number;
  exp: number;
}

/** Where a request comes from, as the api sees it (the socket's address unless TRUST_PROXY names the proxy). */
export interface RequestOrigin {
  address: string;
  requestId?: string;
}

type IssuedSession = LoginResultDto & { expiresAt: Date };

/** How a session was opened: ProConnect's sign-ins say so in the audit trail. */
export type SignInMethod = 'password' | 'proconnect';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokensRepository,
    private readonly failures: LoginFailuresRepository,
    private readonly proconnect: ProConnectRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The attempt is counted before the password is checked (so that parallel attempts cannot outrun
   * the throttle, and the right password does not help once it holds), and forgiven when it succeeds.
   */
  async validateCredentials(email: string, password: string, origin: RequestOrigin): Promise<UserDto> {
    const attempt = await this.countAttempt(email, origin);
    const user = await this.users.findCredentials(email);
    const valid = await this.verify(attempt, user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !valid || user.disabledAt) {
      await this.recordFailure('auth.login_failed', email, user?.id ?? null, origin);
      throw new DomainError(
        'unauthorized',
        IdentityErrorCode.AuthInvalidCredentials,
        'E-mail ou mot de passe incorrect',
      );
    }
    await this.failures.clear(email);
    await this.assertPasswordAllowed(user, origin);
    return toUserDto(user);
  }

  async login(
    user: UserDto,
    requestId?: string,
    method: SignInMethod = 'password',
  ): Promise<IssuedSession & { jti: string }> {
    const session = await this.issue(user);
    const actor = toActor(user, { requestId, tokenId: session.jti });
    const after = method === 'password' ? undefined : { method };
    await this.audit.write(actor, async () => ({
      result: undefined,
      audit: { action: 'auth.login', entityType: 'user', entityId: user.id, after },
    }));
    return session;
  }

  /**
   * When ProConnect is configured, the roles an admin said must sign in with it cannot use a password
   * (checked once the password is known right, so the refusal tells a stranger nothing).
   */
  private async assertPasswordAllowed(user: UserDto, origin: RequestOrigin): Promise<void> {
    if (!this.config.get('OIDC_ISSUER')) return;
    const required = await this.proconnect.requiredRoles();
    if (!user.roles.some((role) => required.includes(role))) return;
    await this.recordFailure('auth.login_refused', user.email, user.id, origin, 'proconnect_required');
    throw DomainError.forbidden(
      'Votre rôle impose la connexion avec ProConnect : utilisez le bouton « S’identifier avec ProConnect ».',
      IdentityErrorCode.AuthProConnectRequired,
    );
  }

  /**
   * Changes the caller's own password, given the current one (a wrong one counts as a failed sign-in).
   * Every session issued so far ends, this one included; the caller gets a new session in exchange.
   */
  async changePassword(actor: Actor, dto: ChangePasswordDto, origin: RequestOrigin): Promise<IssuedSession> {
    assertOwnAccount(actor);
    const user = await this.users.findCredentialsById(actor.id);
    if (!user) throw DomainError.forbidden();
    if (dto.newPassword === dto.currentPassword)
      throw DomainError.invalid(
        IdentityErrorCode.AuthSamePassword,
        'newPassword : le nouveau mot de passe doit différer de l’actuel',
      );
    const attempt = await this.countAttempt(user.email, origin);
    if (!(await this.verify(attempt, user.passwordHash, dto.currentPassword))) {
      await this.recordFailure('auth.password_change_failed', user.email, user.id, origin);
      throw DomainError.invalid(
        IdentityErrorCode.AuthWrongPassword,
        'currentPassword : le mot de passe actuel est incorrect',
      );
    }
    await this.failures.clear(user.email);
    const passwordHash = await this.hasher.hash(dto.newPassword);
    const validFrom = await this.audit.write(actor, async (tx) => ({
      result: await this.users.setPassword(tx, user.id, passwordHash),
      audit: { action: 'auth.password_change', entityType: 'user', entityId: user.id },
    }));
    return this.issue(toUserDto(user), validFrom);
  }

  /**
   * The actor behind verified claims, or null when the token was revoked, the account disabled, the
   * token issued before the account's sessions were ended (iat counts whole seconds: a token of the
   * very second of the disabling is refused too), or, for a browser's cookie, the session left idle.
   */
  async actorForToken(claims: TokenClaims, request: { requestId?: string; viaCookie: boolean }): Promise<Actor | null> {
    const row = await this.users.findForToken(claims.sub, claims.jti);
    if (!row || row.revoked || row.disabledAt) return null;
    const validFrom = row.sessionsValidFrom ? Math.floor(new Date(row.sessionsValidFrom).getTime() / 1000) : 0;
    if (claims.iat <= validFrom) return null;
    if (request.viaCookie && !(await this.keepAlive(claims, row.lastSeenAt))) return null;
    const { requestId } = request;
    return toActor(toUserDto(row), { requestId, tokenId: claims.jti, tokenExpiresAt: new Date(claims.exp * 1000) });
  }

  /** Revokes the token the actor signed in with; every api instance refuses it from then on. */
  async logout(actor: Actor): Promise<void> {
    if (!actor.id || !actor.tokenId || !actor.tokenExpiresAt) throw DomainError.forbidden();
    const token = { jti: actor.tokenId, userId: actor.id, expiresAt: actor.tokenExpiresAt };
    await this.audit.write(actor, async (tx) => {
      await this.tokens.revoke(tx, token);
      return { result: undefined, audit: { action: 'auth.logout', entityType: 'user', entityId: token.userId } };
    });
  }

  /** Expired revocations and session activity, and failures outside the throttle's window (worker timer). */
  async purgeExpired(): Promise<{ revocations: number; sessions: number; failures: number; proconnect: number }> {
    const expired = await this.tokens.deleteExpired();
    return {
      ...expired,
      failures: await this.failures.deleteOlderThan(LOGIN_WINDOW_MINUTES),
      proconnect: await this.proconnect.deleteExpired(),
    };
  }

  /** A signed token for a new session; `notBefore`: its iat must come after that instant (whole seconds). */
  private async issue(user: UserDto, notBefore?: Date): Promise<IssuedSession & { jti: string }> {
    const jti = randomUUID();
    const now = Math.floor(Date.now() / 1000);
    const iat = notBefore ? Math.max(now, Math.floor(notBefore.getTime() / 1000) + 1) : now;
    const accessToken = await this.jwt.signAsync({ sub: user.id, jti, iat });
    const { exp } = this.jwt.decode<TokenClaims>(accessToken);
    return { accessToken, user, jti, expiresAt: new Date(exp * 1000) };
  }

  /** Counts the attempt (see LoginFailuresRepository.reserve) or refuses it with 429. */
  private async countAttempt(email: string, origin: RequestOrigin): Promise<string> {
    const reservation = await this.failures.reserve(email, origin.address, {
      perEmail: LOGIN_MAX_FAILURES,
      perAddress: this.config.get('LOGIN_MAX_FAILURES_PER_ADDRESS'),
      windowMinutes: LOGIN_WINDOW_MINUTES,
    });
    if ('id' in reservation) return reservation.id;
    throw DomainError.retryLater(
      'too_many_requests',
      IdentityErrorCode.AuthThrottled,
      `Trop de tentatives de connexion : réessayez dans ${LOGIN_WINDOW_MINUTES} minutes`,
      LOGIN_WINDOW_MINUTES * 60,
    );
  }

  /** A password check that found no hashing slot (503) was not an attempt: it does not count. */
  private async verify(attemptId: string, hash: string, password: string): Promise<boolean> {
    try {
      return await this.hasher.verify(hash, password);
    } catch (error) {
      await this.failures.release(attemptId);
      throw error;
    }
  }

  /**
   * Audits a refused password, as nobody (the caller is not signed in as that account). An unknown
   * e-mail is kept as a digest: people type their password in the e-mail field, and the audit trail is
   * kept for years. Only counted attempts get here, so a flood cannot fill the trail. `reason`: why,
   * when the action alone does not say it; `email` null: the refusal came before any e-mail was known.
   */
  private async recordFailure(
    action: string,
    email: string | null,
    userId: string | null,
    origin: RequestOrigin,
    reason?: string,
  ): Promise<void> {
    const actor: Actor = { ...ANONYMOUS, requestId: origin.requestId };
    const after: Record<string, string> = reason ? { reason, address: origin.address } : { address: origin.address };
    if (!userId && email) after.emailSha256 = createHash('sha256').update(email).digest('hex');
    await this.audit.write(actor, async () => ({
      result: undefined,
      audit: { action, entityType: 'user', entityId: userId ?? UNKNOWN_USER, after },
    }));
  }

  /**
   * Audits a refused sign-in that no password check counted (a ProConnect callback, which anyone can
   * forge): counted first as a failure of its address, so that beyond LOGIN_MAX_FAILURES_PER_ADDRESS
   * within the window a flood is still refused but no longer fills the trail.
   */
  async recordUncountedFailure(
    action: string,
    email: string | null,
    userId: string | null,
    origin: RequestOrigin,
    reason: string,
  ): Promise<void> {
    const perAddress = this.config.get('LOGIN_MAX_FAILURES_PER_ADDRESS');
    const limits = { perEmail: perAddress, perAddress, windowMinutes: LOGIN_WINDOW_MINUTES };
    const reservation = await this.failures.reserve(`${action}@${origin.address}`, origin.address, limits);
    if ('id' in reservation) await this.recordFailure(action, email, userId, origin, reason);
  }

  /** Refuses a cookie session idle for longer than SESSION_IDLE_MINUTES; records its use once a minute. */
  private async keepAlive(claims: TokenClaims, lastSeenAt: Date | null): Promise<boolean> {
    const lastUse = Math.max(lastSeenAt ? new Date(lastSeenAt).getTime() : 0, claims.iat * 1000);
    const idleMs = Date.now() - lastUse;
    if (idleMs > this.config.get('SESSION_IDLE_MINUTES') * 60_000) return false;
    if (idleMs >= SESSION_TOUCH_SECONDS * 1000) {
      await this.tokens.touchSession(
        { jti: claims.jti, expiresAt: new Date(claims.exp * 1000) },
        SESSION_TOUCH_SECONDS,
      );
    }
    return true;
  }
}

/** The audit trail's entity id for a failed sign-in on an e-mail that names no account. */
export const UNKNOWN_USER = 'unknown';

const ANONYMOUS: Actor = Object.freeze({
  id: null,
  displayName: 'anonyme',
  roles: [],
  departmentCodes: [],
  memberId: null,
});

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
