import { ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Actor, DomainError, failedFields, invalidInput, Role } from '@app/core';
import { IdentityErrorCode, LoginDto } from '@app/identity';
import { IS_PUBLIC } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';
import { TokenAuthenticator } from './token-authenticator';

/** Global: every route needs a valid, unrevoked token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>();
    // One answer for every refusal (no token, bad signature or claim, revoked, disabled): nothing to probe.
    const actor = await this.tokens.actorOf(request);
    if (!actor) throw new UnauthorizedException('Authentification requise');
    request.user = actor;
    return true;
  }
}

/** Global, after authentication: the route's @Roles(), when it has some. */
@Injectable()
export class RolesGuard {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles || roles.length === 0) return true;
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (actor && actor.roles.some((r) => roles.includes(r))) return true;
    throw new ForbiddenException('Votre rôle ne permet pas cette action');
  }
}

/** Login: the body is validated like any DTO (400 naming fields) before passport-local checks it. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ body: unknown }>();
    const dto = plainToInstance(LoginDto, request.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw invalidInput(
        errors.flatMap((e) => Object.values(e.constraints ?? {})),
        failedFields(errors),
      );
    }
    request.body = dto;
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user)
      throw new DomainError(
        'unauthorized',
        IdentityErrorCode.AuthInvalidCredentials,
        'E-mail ou mot de passe incorrect',
      );
    return user;
  }
}
