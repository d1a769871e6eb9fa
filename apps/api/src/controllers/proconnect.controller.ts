import { Body, Controller, Get, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@app/core';
import type { Actor } from '@app/core';
import {
  identityPolicy,
  ProConnectService,
  SignInOptionsDto,
  SignInPolicyDto,
  SignOutDto,
  UpdateSignInPolicyDto,
} from '@app/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { originOf } from '../auth/request-origin';
import { Roles } from '../auth/roles.decorator';
import { SESSION_COOKIE, setSessionCookie } from '../auth/session-cookie';

/**
 * The attempt's state, kept by the browser between the redirect to the provider and its callback:
 * httpOnly, and SameSite=Lax since the callback is a top-level navigation coming from the provider's site.
 */
export const PROCONNECT_STATE_COOKIE = 'iss_proconnect_state';
const CALLBACK_PATH = '/api/auth/proconnect';
const ATTEMPT_SECONDS = 10 * 60;

/** Where the web app's login page says why a ProConnect sign-in was refused. */
export const loginPageFor = (refusal: string) => `/connexion?proconnect=${encodeURIComponent(refusal)}`;

@ApiTags('auth')
@Controller('auth')
export class ProConnectController {
  constructor(
    private readonly proconnect: ProConnectService,
    private readonly config: AppConfig,
  ) {}

  /** How one may sign in: whether the login page offers ProConnect. */
  @Public()
  @Get('sign-in-options')
  @ApiOkResponse({ type: SignInOptionsDto })
  getSignInOptions(): SignInOptionsDto {
    return { proconnect: this.proconnect.configured };
  }

  /** Starts a ProConnect sign-in: 302 to the provider's authorization endpoint (state, nonce, PKCE S256). */
  @Public()
  @Get('proconnect/login')
  @ApiResponse({ status: 302, description: 'vers le point d’autorisation du fournisseur d’identité' })
  @ApiNotFoundResponse({ description: 'ProConnect n’est pas configuré (OIDC_ISSUER)' })
  async startProConnectLogin(@Res() reply: FastifyReply): Promise<void> {
    const { state, url } = await this.proconnect.start();
    reply.setCookie(PROCONNECT_STATE_COOKIE, state, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.isProduction,
      path: CALLBACK_PATH,
      maxAge: ATTEMPT_SECONDS,
    });
    reply.redirect(url, 302);
  }

  /**
   * The provider's answer: 302 to the web app, signed in (the session cookie), or to its login page with
   * the refusal's code (`/connexion?proconnect=<code>`), audited.
   */
  @Public()
  @Get('proconnect/callback')
  @ApiResponse({
    status: 302,
    description: 'vers l’application, connecté, ou vers la page de connexion avec le motif du refus',
  })
  @ApiNotFoundResponse({ description: 'ProConnect n’est pas configuré (OIDC_ISSUER)' })
  async finishProConnectLogin(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
    const browserState = req.cookies[PROCONNECT_STATE_COOKIE];
    const outcome = await this.proconnect.finish(query, browserState, originOf(req));
    // The browser's attempt is used up once a callback names it; a forged one leaves it for the real answer.
    if (new URLSearchParams(query).get('state') === browserState) {
      reply.clearCookie(PROCONNECT_STATE_COOKIE, { path: CALLBACK_PATH });
    }
    if ('refusal' in outcome) return void reply.redirect(loginPageFor(outcome.refusal), 302);
    setSessionCookie(reply, outcome.session, this.config.isProduction);
    reply.redirect('/', 302);
  }

  /**
   * Sign out as POST /auth/logout does (revokes the session, clears the cookie), and, for a session
   * opened with ProConnect, the provider's end-session URL for the browser to open next.
   */
  @ApiBearerAuth()
  @Post('proconnect/logout')
  @HttpCode(200)
  @ApiOkResponse({ type: SignOutDto })
  async proConnectLogout(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignOutDto> {
    const result = await this.proconnect.signOut(actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return result;
  }

  /** The roles that must sign in with ProConnect (admin). */
  @ApiBearerAuth()
  @Roles(...identityPolicy.roles('manageUsers'))
  @Get('sign-in-policy')
  @ApiOkResponse({ type: SignInPolicyDto })
  getSignInPolicy(@CurrentActor() actor: Actor): Promise<SignInPolicyDto> {
    return this.proconnect.policy(actor);
  }

  /** Sets the roles that must sign in with ProConnect (admin; audited). A password sign-in of theirs gets 403. */
  @ApiBearerAuth()
  @Roles(...identityPolicy.roles('manageUsers'))
  @Put('sign-in-policy')
  @ApiOkResponse({ type: SignInPolicyDto })
  updateSignInPolicy(@CurrentActor() actor: Actor, @Body() dto: UpdateSignInPolicyDto): Promise<SignInPolicyDto> {
    return this.proconnect.setPolicy(actor, dto);
  }
}
