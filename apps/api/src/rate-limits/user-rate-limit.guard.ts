import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { type Actor, CoreErrorCode, DomainError } from '@app/core';

/**
 * The throttler guard keyed by the signed-in user instead of the address (colleagues behind the
 * agency's proxy share one), answering 429 with a `Retry-After` in seconds and a French message.
 */
@Injectable()
export class UserRateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: { user?: Actor }): Promise<string> {
    return `user:${req.user?.id}`;
  }

  /** One count per limit and user, whichever route of the limit was called (CSV and XLSX exports share one). */
  protected override generateKey(_context: ExecutionContext, tracker: string, limit: string): string {
    return `${limit}:${tracker}`;
  }

  /** A refusal like any other that asks to come back later: the error filter writes `Retry-After`. */
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    { timeToBlockExpire }: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, timeToBlockExpire);
    throw DomainError.retryLater(
      'too_many_requests',
      CoreErrorCode.RateLimited,
      `Trop de demandes : réessayez dans ${seconds} s.`,
      seconds,
    );
  }
}
