import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AuditService } from '@app/audit';
import { Actor, AppConfig, DomainError } from '@app/core';
import type { ProConnectRefusal } from '@app/vocabulary';
import { AuthService, RequestOrigin, toActor } from '../auth.service';
import { SignInPolicyDto, SignOutDto, UpdateSignInPolicyDto } from '../dto/proconnect.dto';
import { LoginResultDto, UserDto } from '../dto/user.dto';
import { IdentityErrorCode } from '../identity.errors';
import { identityPolicy } from '../identity.policy';
import { toUserDto } from '../users.service';
import { UsersRepository } from '../users.repository';
import { ProConnectClient } from './proconnect.client';
import { refusalOf } from './proconnect-refusal';
import { ProConnectRepository } from './proconnect.repository';

/** A callback's outcome: the new session, or why it was refused (already audited). */
export type ProConnectOutcome = { session: LoginResultDto & { expiresAt: Date } } | { refusal: ProConnectRefusal };

class Refused extends Error {
  constructor(
    readonly refusal: ProConnectRefusal,
    readonly email: string | null = null,
    readonly userId: string | null = null,
  ) {
    super(refusal);
  }
}

/**
 * Sign-in with ProConnect: an identity opens a session only for the enabled account of its e-mail (no
 * self-registration), whose `sub` the first sign-in links and later ones must match; the session is a
 * local sign-in's. Also the admin's list of roles that must sign in this way.
 */
@Injectable()
export class ProConnectService {
  private readonly logger = new Logger(ProConnectService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly client: ProConnectClient,
    private readonly repository: ProConnectRepository,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  get configured(): boolean {
    return !!this.config.get('OIDC_ISSUER');
  }

  /** A new attempt: its state (for the browser's cookie) and the provider's authorization URL. */
  async start(): Promise<{ state: string; url: string }> {
    this.assertConfigured();
    const attempt = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    await this.repository.insertAttempt(attempt);
    return { state: attempt.state, url: await this.client.authorizationUrl(attempt) };
  }

  /**
   * The provider's answer (`callbackQuery`), from the browser whose cookie holds `browserState`: the
   * attempt it names is used up, whatever comes next. Every refusal is audited, as nobody (within the
   * address's throttle: see AuthService.recordUncountedFailure).
   */
  async finish(
    callbackQuery: string,
    browserState: string | undefined,
    origin: RequestOrigin,
  ): Promise<ProConnectOutcome> {
    this.assertConfigured();
    try {
      return { session: await this.signIn(callbackQuery, browserState, origin) };
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      await this.auth.recordUncountedFailure(
        'auth.proconnect_failed',
        error.email,
        error.userId,
        origin,
        error.refusal,
      );
      return { refusal: error.refusal };
    }
  }

  /** Ends the caller's session (as POST /auth/logout does) and returns the provider's logout URL, if any. */
  async signOut(actor: Actor): Promise<SignOutDto> {
    await this.auth.logout(actor);
    const idToken = this.configured && actor.tokenId ? await this.repository.takeIdToken(actor.tokenId) : null;
    return { endSessionUrl: idToken ? await this.client.endSessionUrl(idToken) : null };
  }

  async policy(actor: Actor): Promise<SignInPolicyDto> {
    identityPolicy.assert(actor, 'manageUsers');
    return { proconnectConfigured: this.configured, proconnectRequiredRoles: await this.repository.requiredRoles() };
  }

  async setPolicy(actor: Actor, dto: UpdateSignInPolicyDto): Promise<SignInPolicyDto> {
    identityPolicy.assert(actor, 'manageUsers');
    return this.audit.write(actor, async (tx) => {
      const before = { proconnectRequiredRoles: await this.repository.requiredRoles(tx) };
      await this.repository.setRequiredRoles(tx, dto.proconnectRequiredRoles);
      const after = { proconnectRequiredRoles: await this.repository.requiredRoles(tx) };
      return {
        result: { proconnectConfigured: this.configured, ...after },
        audit: { action: 'sign_in_policy.update', entityType: 'sign_in_policy', entityId: 'proconnect', before, after },
      };
    });
  }

  private async signIn(callbackQuery: string, browserState: string | undefined, origin: RequestOrigin) {
    const state = new URLSearchParams(callbackQuery).get('state');
    // Another browser's state (or none) is refused before it is used up: it stays its browser's.
    if (!state || state !== browserState) throw new Refused('state_invalid');
    const attempt = await this.repository.takeAttempt(state);
    if (!attempt) throw new Refused('state_invalid');
    const identity = await this.client.identify(callbackQuery, attempt).catch((error: unknown) => {
      const refusal = refusalOf(error);
      // What the person is told is vague on purpose; operations need the provider's words.
      if (refusal === 'provider_error') this.logger.warn(`ProConnect callback refused: ${String(error)}`);
      throw new Refused(refusal);
    });
    const account = await this.users.findForProConnect(identity.email);
    if (!account) throw new Refused('unknown_account', identity.email);
    if (account.disabledAt) throw new Refused('account_disabled', identity.email, account.id);
    const user = toUserDto(account);
    if (account.oidcSub !== identity.sub) await this.link(user, identity, origin);
    const session = await this.auth.login(user, origin.requestId, 'proconnect');
    await this.repository.saveSession({
      jti: session.jti,
      userId: user.id,
      idToken: identity.idToken,
      expiresAt: session.expiresAt,
    });
    return session;
  }

  /** The first sign-in links the subject; an account linked to another one is refused. */
  private async link(user: UserDto, identity: { sub: string; email: string }, origin: RequestOrigin) {
    const linked = await this.audit.write(toActor(user, { requestId: origin.requestId }), async (tx) => {
      const done = await this.users.linkProConnect(tx, user.id, identity.sub);
      const audit = {
        action: 'user.link_proconnect',
        entityType: 'user',
        entityId: user.id,
        after: { sub: identity.sub },
      };
      return { result: done, audit: done ? [audit] : [] };
    });
    if (!linked) throw new Refused('identity_mismatch', identity.email, user.id);
  }

  private assertConfigured(): void {
    if (!this.configured) {
      throw new DomainError('not_found', IdentityErrorCode.ProConnectNotConfigured, 'ProConnect n’est pas configuré');
    }
  }
}
