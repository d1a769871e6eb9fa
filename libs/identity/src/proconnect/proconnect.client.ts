import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig } from '@app/core';
import type { ProConnectAttempt } from './proconnect.repository';

/** ProConnect's scopes: its documentation's list, each naming the claim of the same name. */
export const PROCONNECT_SCOPE = 'openid email given_name usual_name siret uid';

/** Who the provider says signed in. */
export interface ProConnectIdentity {
  sub: string;
  email: string;
  idToken: string;
}

/**
 * The OpenID Connect relying party (openid-client): discovery from OIDC_ISSUER (once, again after a
 * failure), the authorization URL of an attempt, and its callback's checks (state, PKCE verifier, nonce,
 * the ID token's signature, issuer, audience and dates), then the e-mail from the userinfo endpoint.
 */
@Injectable()
export class ProConnectClient {
  private configuration?: Promise<oidc.Configuration>;

  constructor(private readonly config: AppConfig) {}

  async authorizationUrl(attempt: ProConnectAttempt): Promise<string> {
    const configuration = await this.discovered();
    return oidc
      .buildAuthorizationUrl(configuration, {
        redirect_uri: this.config.get('OIDC_REDIRECT_URI')!,
        scope: PROCONNECT_SCOPE,
        acr_values: this.config.get('OIDC_ACR_VALUES'),
        state: attempt.state,
        nonce: attempt.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
        code_challenge_method: 'S256',
      })
      .toString();
  }

  /** The callback's query checked against its attempt; throws openid-client's errors (see refusalOf). */
  async identify(callbackQuery: string, attempt: ProConnectAttempt): Promise<ProConnectIdentity> {
    const configuration = await this.discovered();
    const url = new URL(this.config.get('OIDC_REDIRECT_URI')!);
    url.search = callbackQuery;
    const tokens = await oidc.authorizationCodeGrant(configuration, url, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const { sub } = tokens.claims()!;
    const info = await oidc.fetchUserInfo(configuration, tokens.access_token, sub);
    if (typeof info.email !== 'string') throw new Error('the provider sent no e-mail');
    return { sub, email: info.email.trim().toLowerCase(), idToken: tokens.id_token! };
  }

  /** The provider's end-session URL for a session's ID token, back to OIDC_POST_LOGOUT_REDIRECT_URI if set. */
  async endSessionUrl(idToken: string): Promise<string> {
    const configuration = await this.discovered();
    const redirect = this.config.get('OIDC_POST_LOGOUT_REDIRECT_URI');
    const parameters: Record<string, string> = { id_token_hint: idToken };
    if (redirect) parameters.post_logout_redirect_uri = redirect;
    return oidc.buildEndSessionUrl(configuration, parameters).toString();
  }

  private discovered(): Promise<oidc.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  private discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.config.get('OIDC_ISSUER')!);
    // ProConnect signs its userinfo answers (a JWT): their signature is checked against the provider's keys.
    const execute = [oidc.enableNonRepudiationChecks];
    // A plain http issuer is the local stand-in's (the configuration refuses one elsewhere in production).
    if (issuer.protocol === 'http:') execute.push(oidc.allowInsecureRequests);
    return oidc.discovery(
      issuer,
      this.config.get('OIDC_CLIENT_ID')!,
      this.config.get('OIDC_CLIENT_SECRET')!,
      undefined,
      { execute },
    );
  }
}
