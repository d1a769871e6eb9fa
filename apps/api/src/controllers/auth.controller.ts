import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@app/core';
import type { Actor } from '@app/core';
import { AuthService, ChangePasswordDto, LoginDto, LoginResultDto, UserDto, UsersService } from '@app/identity';
import { capabilitiesOf } from '../auth/capabilities';
import { CurrentActor } from '../auth/current-actor.decorator';
import { LocalAuthGuard } from '../auth/guards';
import { Public } from '../auth/public.decorator';
import { requestIdOf } from '../auth/request-id';
import { SessionUserDto } from '../auth/session-user.dto';
import { originOf } from '../auth/request-origin';
import { SESSION_COOKIE, setSessionCookie } from '../auth/session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  /** Sign in with email and password: a bearer token, and the session cookie for the browser. */
  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: LoginResultDto })
  @ApiTooManyRequestsResponse({
    description: '10 échecs en 15 minutes pour cet e-mail, ou LOGIN_MAX_FAILURES_PER_ADDRESS pour cette adresse',
  })
  @ApiServiceUnavailableResponse({ description: 'trop de mots de passe en cours de vérification (Retry-After)' })
  async login(
    @Req() req: FastifyRequest & { user: UserDto },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResultDto> {
    const { accessToken, user, expiresAt } = await this.auth.login(req.user, requestIdOf(req.raw));
    setSessionCookie(reply, { accessToken, expiresAt }, this.config.isProduction);
    return { accessToken, user };
  }

  /**
   * Changes the caller's password (current one required; a wrong one counts as a failed sign-in).
   * Every other session ends; this one is replaced by the new session returned (and set as cookie).
   */
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResultDto })
  @ApiBadRequestResponse({ description: 'mot de passe actuel incorrect, ou nouveau mot de passe trop faible' })
  @ApiTooManyRequestsResponse({ description: 'trop de mots de passe incorrects pour ce compte' })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResultDto> {
    const { accessToken, user, expiresAt } = await this.auth.changePassword(actor, dto, originOf(req));
    setSessionCookie(reply, { accessToken, expiresAt }, this.config.isProduction);
    return { accessToken, user };
  }

  /** The signed-in account, and the screens it may open (`capabilities`). */
  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: SessionUserDto })
  async getMe(@CurrentActor() actor: Actor): Promise<SessionUserDto> {
    return { ...(await this.users.get(actor.id!)), capabilities: capabilitiesOf(actor) };
  }

  /** Sign out: revokes the token or session and clears the cookie. */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
