import { generateKeyPairSync } from 'node:crypto';
import { validateEnv } from './env.schema';
import { DEV_AUDIT_SEAL_PRIVATE_KEY } from './seal-key';

const base = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'a-development-secret',
};
const strong = 'Zq8v3N1xK7pL0aT5mW2yR9cB4dF6gH8jQ';
const sealKeyPem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
/** What production needs besides the base: a strong secret and an audit seal key of its own. */
const production = { ...base, NODE_ENV: 'production', JWT_SECRET: strong, AUDIT_SEAL_PRIVATE_KEY: sealKeyPem };

describe('validateEnv', () => {
  it('accepts a complete environment and fills defaults', () => {
    const env = validateEnv(base);
    expect(env.PORT).toBe(3000);
    expect(env.REPORT_RETENTION_DAYS).toBe(30);
  });

  it('sends no e-mail without SMTP_URL, and checks the mail settings it is given', () => {
    const env = validateEnv(base);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env).toMatchObject({ MAIL_MAX_ATTEMPTS: 5, MAIL_RETRY_BASE_SECONDS: 60, MAIL_DIGEST_WEEKDAY: 1 });
    expect(validateEnv({ ...base, SMTP_URL: 'smtps://u:p@relay.ars.example:465' }).SMTP_URL).toBe(
      'smtps://u:p@relay.ars.example:465',
    );
    expect(() => validateEnv({ ...base, SMTP_URL: 'relay.ars.example:25' })).toThrow(/SMTP_URL/);
    expect(() => validateEnv({ ...base, APP_URL: 'https://iss.ars.example/' })).toThrow(/APP_URL/);
    expect(() => validateEnv({ ...base, MAIL_DIGEST_WEEKDAY: '8' })).toThrow(/MAIL_DIGEST_WEEKDAY/);
    expect(() => validateEnv({ ...base, MAIL_MAX_ATTEMPTS: '0' })).toThrow(/MAIL_MAX_ATTEMPTS/);
  });

  it('names a missing variable', () => {
    expect(() => validateEnv({ ...base, DATABASE_URL: undefined })).toThrow(/DATABASE_URL/);
  });

  it('names a malformed variable', () => {
    expect(() => validateEnv({ ...base, PORT: 'abc' })).toThrow(/PORT/);
    expect(() => validateEnv({ ...base, REDIS_URL: 'localhost' })).toThrow(/REDIS_URL/);
  });

  it('refuses a weak secret in production only', () => {
    expect(() => validateEnv({ ...production, JWT_SECRET: base.JWT_SECRET })).toThrow(/JWT_SECRET/);
    expect(validateEnv(production).NODE_ENV).toBe('production');
  });

  it('counts queries per request only when asked, and never in production', () => {
    expect(validateEnv(base).COUNT_QUERIES).toBe(false);
    expect(validateEnv({ ...base, COUNT_QUERIES: 'true' }).COUNT_QUERIES).toBe(true);
    expect(validateEnv({ ...base, COUNT_QUERIES: 'false' }).COUNT_QUERIES).toBe(false);
    expect(() => validateEnv({ ...base, COUNT_QUERIES: 'yes' })).toThrow(/COUNT_QUERIES/);
    expect(() => validateEnv({ ...production, COUNT_QUERIES: 'true' })).toThrow(/COUNT_QUERIES/);
  });

  it('takes a metrics token of 16 characters or more, strong in production; none by default', () => {
    expect(validateEnv(base).METRICS_TOKEN).toBeUndefined();
    expect(validateEnv({ ...base, METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
    expect(validateEnv({ ...base, METRICS_TOKEN: 'scrape-0123456789' }).METRICS_TOKEN).toBe('scrape-0123456789');
    expect(() => validateEnv({ ...base, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => validateEnv({ ...production, METRICS_TOKEN: 'scrape-0123456789' })).toThrow(/METRICS_TOKEN/);
    expect(validateEnv({ ...production, METRICS_TOKEN: strong }).METRICS_TOKEN).toBe(strong);
  });

  it('keeps the job dashboard read-only unless told otherwise', () => {
    expect(validateEnv(base).BULL_BOARD_READ_ONLY).toBe(true);
    expect(validateEnv({ ...base, BULL_BOARD_READ_ONLY: 'false' }).BULL_BOARD_READ_ONLY).toBe(false);
    expect(() => validateEnv({ ...base, BULL_BOARD_READ_ONLY: 'no' })).toThrow(/BULL_BOARD_READ_ONLY/);
  });

  it('signs audit seals with the published development key outside production only, in any encoding', () => {
    expect(validateEnv(base).AUDIT_SEAL_PRIVATE_KEY).toBe(DEV_AUDIT_SEAL_PRIVATE_KEY);
    const devPem = `-----BEGIN PRIVATE KEY-----\n${DEV_AUDIT_SEAL_PRIVATE_KEY}\n-----END PRIVATE KEY-----\n`;
    for (const dev of [undefined, DEV_AUDIT_SEAL_PRIVATE_KEY, devPem]) {
      expect(() => validateEnv({ ...production, AUDIT_SEAL_PRIVATE_KEY: dev })).toThrow(/development key/);
    }
  });

  it('names a seal key that is not an Ed25519 private key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => validateEnv({ ...base, AUDIT_SEAL_PRIVATE_KEY: rsa.toString() })).toThrow(/AUDIT_SEAL_PRIVATE_KEY/);
    expect(() => validateEnv({ ...base, AUDIT_SEAL_PRIVATE_KEY: 'not a key' })).toThrow(/AUDIT_SEAL_PRIVATE_KEY/);
  });

  it('migrates with DATABASE_URL unless an owner URL is given', () => {
    expect(validateEnv(base).DATABASE_OWNER_URL).toBe(base.DATABASE_URL);
    const owner = 'postgres://owner@127.0.0.1:5432/db';
    expect(validateEnv({ ...base, DATABASE_OWNER_URL: owner }).DATABASE_OWNER_URL).toBe(owner);
    expect(() => validateEnv({ ...base, DATABASE_OWNER_URL: 'mysql://x' })).toThrow(/DATABASE_OWNER_URL/);
  });

  it('seals at least daily', () => {
    expect(validateEnv(base).AUDIT_SEAL_INTERVAL_SECONDS).toBe(86_400);
    expect(() => validateEnv({ ...base, AUDIT_SEAL_INTERVAL_SECONDS: '172800' })).toThrow(/at least daily/);
  });

  describe('ProConnect', () => {
    const oidc = {
      OIDC_ISSUER: 'https://auth.agentconnect.gouv.fr/api/v2',
      OIDC_CLIENT_ID: 'client',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_REDIRECT_URI: 'https://iss.example.gouv.fr/api/auth/proconnect/callback',
    };

    it('takes its four settings together, with eidas1 asked by default', () => {
      expect(validateEnv({ ...base, ...oidc }).OIDC_ACR_VALUES).toBe('eidas1');
      expect(() => validateEnv({ ...base, ...oidc, OIDC_CLIENT_SECRET: undefined })).toThrow(
        /OIDC_CLIENT_SECRET missing/,
      );
    });

    it('wants the callback route as redirect URI', () => {
      expect(() => validateEnv({ ...base, ...oidc, OIDC_REDIRECT_URI: 'https://iss.example.gouv.fr/' })).toThrow(
        /OIDC_REDIRECT_URI/,
      );
    });

    it('refuses a plain http issuer in production, unless it is on this machine', () => {
      expect(() => validateEnv({ ...production, ...oidc, OIDC_ISSUER: 'http://idp.example.fr' })).toThrow(
        /OIDC_ISSUER must be an https URL/,
      );
      expect(validateEnv({ ...production, ...oidc, OIDC_ISSUER: 'http://127.0.0.1:4000' }).OIDC_ISSUER).toBe(
        'http://127.0.0.1:4000',
      );
    });
  });
});
