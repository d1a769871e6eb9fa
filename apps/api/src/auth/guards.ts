import { ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validate } from 'class-validator';
import { Actor, DomainError, failedFields, invalidInput, Role } from '@app/core';
import { IdentityErrorCode, LoginDto } from '@app/identity';
import { IS_PUBLIC } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

/** Global: every route needs a valid, unrevoked token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof Error && !(error instanceof UnauthorizedException)) throw error;
    if (!user) throw new UnauthorizedException('Authentification requise');
    return user;
  }

  /**
   * This guard's check for routes that Nest does not serve (the job dashboard's Fastify plugin): the
   * same token extraction, revocation and idle-session checks, on a bare Fastify request. Throws 401.
   */
  async authenticate(request: FastifyRequest, reply: FastifyReply): Promise<Actor> {
    const http = { getRequest: () => request, getResponse: () => reply };
    await super.canActivate({ switchToHttp: () => http } as unknown as ExecutionContext);
    return (request as FastifyRequest & { user: Actor }).user;
  }
}

/** Throws 403 unless the actor holds one of `roles` (the @Roles() check, for Nest's routes and others). */
export function assertRole(actor: Actor | undefined, roles: readonly Role[]): void {
  if (!actor || !actor.roles.some((r) => roles.includes(r))) {
    throw new ForbiddenException('Votre rôle ne permet pas cette action');
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
    assertRole(context.switchToHttp().getRequest<{ user?: Actor }>().user, roles);
    return true;
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
