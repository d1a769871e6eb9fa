import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { AuthService, UserDto } from '@app/identity';
import { originOf } from './request-origin';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: FastifyRequest, email: string, password: string): Promise<UserDto> {
    return this.auth.validateCredentials(email.trim().toLowerCase(), password, originOf(req));
  }
}
