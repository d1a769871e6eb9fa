import { validateEnv } from './env.schema';

const base = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'a-development-secret',
};

describe('validateEnv', () => {
  it('accepts a complete environment and fills defaults', () => {
    const env = validateEnv(base);
    expect(env.PORT).toBe(3000);
    expect(env.REPORT_RETENTION_DAYS).toBe(30);
  });

  it('names a missing variable', () => {
    expect(() => validateEnv({ ...base, DATABASE_URL: undefined })).toThrow(/DATABASE_URL/);
  });

  it('names a malformed variable', () => {
    expect(() => validateEnv({ ...base, PORT: 'abc' })).toThrow(/PORT/);
    expect(() => validateEnv({ ...base, REDIS_URL: 'localhost' })).toThrow(/REDIS_URL/);
  });

  it('refuses a weak secret in production only', () => {
    expect(() => validateEnv({ ...base, NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const strong = 'Zq8v3N1xK7pL0aT5mW2yR9cB4dF6gH8jQ';
    expect(validateEnv({ ...base, NODE_ENV: 'production', JWT_SECRET: strong }).NODE_ENV).toBe('production');
  });

  it('counts queries per request only when asked, and never in production', () => {
    expect(validateEnv(base).COUNT_QUERIES).toBe(false);
    expect(validateEnv({ ...base, COUNT_QUERIES: 'true' }).COUNT_QUERIES).toBe(true);
    expect(validateEnv({ ...base, COUNT_QUERIES: 'false' }).COUNT_QUERIES).toBe(false);
    expect(() => validateEnv({ ...base, COUNT_QUERIES: 'yes' })).toThrow(/COUNT_QUERIES/);
    const strong = 'Zq8v3N1xK7pL0aT5mW2yR9cB4dF6gH8jQ';
    expect(() => validateEnv({ ...base, NODE_ENV: 'production', JWT_SECRET: strong, COUNT_QUERIES: 'true' })).toThrow(
      /COUNT_QUERIES/,
    );
  });
});
