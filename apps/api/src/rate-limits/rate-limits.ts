import { applyDecorators, ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerModule, ThrottlerOptions } from '@nestjs/throttler';
import { AppConfig, EnvSchema } from '@app/core';
import { UserRateLimitGuard } from './user-rate-limit.guard';

/**
 * The expensive routes' limits, per user and sliding minute, each from its setting. Counts live in
 * the api process's memory: with several api instances behind a balancer, a user may get up to that
 * many times the limit (a shared store would be Redis; not needed at this agency's scale).
 */
export const RATE_LIMITS = {
  reports: 'RATE_LIMIT_REPORTS_PER_MINUTE',
  exports: 'RATE_LIMIT_EXPORTS_PER_MINUTE',
  imports: 'RATE_LIMIT_IMPORTS_PER_MINUTE',
  audit_verify: 'RATE_LIMIT_AUDIT_VERIFY_PER_MINUTE',
} as const satisfies Record<string, keyof EnvSchema>;

export type RateLimitName = keyof typeof RATE_LIMITS;

const RATE_LIMITED = 'rate-limited';
const WINDOW_MS = 60_000;
const reflector = new Reflector();

/** Counts the route's calls against the named limit, per signed-in user (after authentication). */
export const RateLimited = (name: RateLimitName) =>
  applyDecorators(SetMetadata(RATE_LIMITED, name), UseGuards(UserRateLimitGuard));

/** The limit a route counts against, if any. */
export const rateLimitOf = (context: ExecutionContext): RateLimitName | undefined =>
  reflector.get<RateLimitName | undefined>(RATE_LIMITED, context.getHandler());

/**
 * One named throttler per limit; each applies only to the routes marked with its name (the
 * throttler guard otherwise runs every throttler on every route it guards).
 */
export function throttlersOf(config: AppConfig): ThrottlerOptions[] {
  return (Object.keys(RATE_LIMITS) as RateLimitName[]).map((name) => ({
    name,
    ttl: WINDOW_MS,
    limit: config.get(RATE_LIMITS[name]),
    // A sliding window: a call counts for one minute after it was made, with no extra penalty.
    blockDuration: 0,
    skipIf: (context: ExecutionContext) => rateLimitOf(context) !== name,
  }));
}

export const RateLimitsModule = ThrottlerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({ throttlers: throttlersOf(config), setHeaders: false }),
});
