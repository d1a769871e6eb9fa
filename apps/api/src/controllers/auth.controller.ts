import { Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@app/core';
import type { Actor } from '@app/core';
import { AuthService, LoginDto, LoginResultDto, UserDto, UsersService } from '@app/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { LocalAuthGuard } from '../auth/guards';
import { Public } from '../auth/public.decorator';
import { requestIdOf } from '../auth/request-id';
import { SESSION_COOKIE } from '../auth/session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: LoginResultDto })
  @ApiTooManyRequestsResponse({ description: '10 échecs en 15 minutes pour cet e-mail' })
  async login(
    @Req() req: FastifyRequest & { user: UserDto },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResultDto> {
    const { accessToken, user, expiresAt } = await this.auth.login(req.user, requestIdOf(req.raw));
    reply.setCookie(SESSION_COOKIE, accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.isProduction,
      path: '/',
      expires: expiresAt,
    });
    return { accessToken, user };
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<UserDto> {
    return this.users.get(actor.id!);
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
