import type { AppConfig } from '../config/app-config';
import { validateEnv } from '../config/env.schema';
import { connectionLimits } from './connection-limits';

const configOf = (env: Record<string, string> = {}) => {
  const parsed = validateEnv({
    DATABASE_URL: 'postgres://u@h/db',
    REDIS_URL: 'redis://h',
    JWT_SECRET: 'x'.repeat(16),
    ...env,
  });
  return { get: (key: keyof typeof parsed) => parsed[key] } as AppConfig;
};

describe('connection limits per profile', () => {
  it('bounds the api tightly: the client gives up before the server would', () => {
    expect(connectionLimits('request', configOf())).toEqual({
      connectionWaitMs: 10_000,
      timeouts: { statementMs: 30_000, idleInTransactionMs: 60_000, queryMs: 10_000 },
    });
  });

  it("lets the worker's long reads run, the client waiting a little past the server's own cancel", () => {
    expect(connectionLimits('background', configOf({ WORKER_DB_STATEMENT_TIMEOUT_MS: '120000' }))).toEqual({
      connectionWaitMs: 30_000,
      timeouts: { statementMs: 120_000, idleInTransactionMs: 60_000, queryMs: 125_000 },
    });
  });

  it('leaves migrations and seeds unbounded', () => {
    expect(connectionLimits('maintenance', configOf())).toEqual({});
  });
});
