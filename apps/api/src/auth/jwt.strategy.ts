import { createSecretKey } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { isUUID } from 'class-validator';
import { Actor, AppConfig } from '@app/core';
import { AuthService, TOKEN_AUDIENCE, TOKEN_ISSUER, TokenClaims } from '@app/identity';
import { requestIdOf } from './request-id';
import { bearerToken, sessionCookie } from './session-cookie';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([bearerToken, sessionCookie]),
      // A KeyObject made once: given a string, jsonwebtoken first tries it as a public key on every
      // request (and catches the throw), a tenth of the api's CPU on a list route. passport-jwt's types
      // predate KeyObject; jsonwebtoken takes it as is.
      secretOrKey: createSecretKey(Buffer.from(config.get('JWT_SECRET'))) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  /** A valid signature is not enough: the token must not be revoked and the account must be active. */
  async validate(req: FastifyRequest, claims: TokenClaims): Promise<Actor> {
    // Ids that are not UUIDs name no account or session: 401 here, not a database error (400) below.
    if (!isUUID(claims.sub) || !isUUID(claims.jti) || typeof claims.iat !== 'number') throw new UnauthorizedException();
    // The bearer header wins when both are sent (the extractors' order): only a cookie session idles out.
    const viaCookie = !bearerToken(req);
    const actor = await this.auth.actorForToken(claims, { requestId: requestIdOf(req.raw), viaCookie });
    if (!actor) throw new UnauthorizedException('Session expirée ou révoquée');
    return actor;
  }
}
