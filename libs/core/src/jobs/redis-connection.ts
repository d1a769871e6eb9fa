import type { RedisOptions } from 'bullmq';

/**
 * BullMQ connection options from REDIS_URL. Workers block on Redis and must retry forever
 * (`maxRetriesPerRequest: null`); producers in the api fail fast instead, so that a request
 * never hangs on a Redis outage (the report row in PostgreSQL is re-queued later).
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
    // No commandTimeout: BullMQ's first command (INFO) timing out once would break its queue for good.
    // Callers that must answer in time bound their own wait (withTimeout).
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}
