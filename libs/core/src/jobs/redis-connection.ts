import type { RedisOptions } from 'bullmq';

/** How long the api waits for Redis before giving up on a command: well within a request's 2 s budget. */
const PRODUCER_COMMAND_TIMEOUT_MS = 1000;

/**
 * BullMQ connection options from REDIS_URL. Workers block on Redis and must retry forever
 * (`maxRetriesPerRequest: null`); producers in the api fail fast instead, so that a request
 * never hangs on a Redis outage (the report row in PostgreSQL is re-queued later): no offline
 * queue when Redis is away, and a command timeout when it is there but does not answer.
 */
export function redisOptions(url: string, role: 'worker' | 'producer'): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 2000,
    commandTimeout: role === 'worker' ? undefined : PRODUCER_COMMAND_TIMEOUT_MS,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}
