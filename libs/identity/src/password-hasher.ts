import { Injectable } from '@nestjs/common';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { AppConfig, BoundedLimiter, DomainError, LimiterFullError } from '@app/core';
import { IdentityErrorCode } from './identity.errors';

/**
 * argon2id with OWASP's recommended parameters (19 MiB, 2 iterations, 1 lane). @node-rs/argon2 ships
 * prebuilt binaries per platform, so no compiler is needed on the machine that installs it.
 */
// The package's Algorithm is an ambient const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const RETRY_AFTER_SECONDS = 2;

/**
 * Hashes and verifies passwords a few at a time (PASSWORD_HASH_CONCURRENCY), with a bounded queue
 * (PASSWORD_HASH_QUEUE): each hash takes 19 MiB, so a flood of sign-ins beyond that is answered 503
 * with Retry-After at once instead of exhausting memory.
 */
@Injectable()
export class PasswordHasher {
  private readonly limiter: BoundedLimiter;

  constructor(config: AppConfig) {
    this.limiter = new BoundedLimiter(config.get('PASSWORD_HASH_CONCURRENCY'), config.get('PASSWORD_HASH_QUEUE'));
  }

  hash(password: string): Promise<string> {
    return this.bounded(() => hash(password, OPTIONS));
  }

  verify(hashed: string, password: string): Promise<boolean> {
    return this.bounded(() => verify(hashed, password).catch(() => false));
  }

  private async bounded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.limiter.run(work);
    } catch (error) {
      if (!(error instanceof LimiterFullError)) throw error;
      throw DomainError.retryLater(
        'unavailable',
        IdentityErrorCode.AuthBusy,
        'Trop de connexions en cours : réessayez dans quelques secondes',
        RETRY_AFTER_SECONDS,
      );
    }
  }
}

/** Verified when the e-mail is unknown, so that both refusals take the same time. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$7JcQ6rQ8Q1VqkT5q5Kk0x1dA9E3cL6Yc2sR0hV8jQwE';
