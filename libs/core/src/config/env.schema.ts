import { plainToInstance, Transform } from 'class-transformer';
import { DEV_AUDIT_SEAL_PRIVATE_KEY, isDevSealKey } from './seal-key';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Secrets that ship in this repository (scripts, compose file): never acceptable in production. */
const KNOWN_WEAK_SECRETS = ['change-me', 'dev-secret-change-me', 'test-secret', 'secret', 'jwt-secret'];

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const BOOLEANS: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : (BOOLEANS[String(value)] ?? value);

/** The environment the processes accept; every value is checked once at boot. */
export class EnvSchema {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL!: string;

  @IsString()
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET!: string;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_TTL must look like 8h, 30m or 3600s' })
  JWT_TTL = '8h';

  @IsString()
  STORAGE_DIR = './storage';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  REPORT_RETENTION_DAYS = 30;

  /** How long a running report may go without finishing before the reconciler re-queues it. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  REPORT_LEASE_SECONDS = 120;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RECONCILE_INTERVAL_SECONDS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  WORKER_CONCURRENCY = 2;

  /**
   * A report whose data holds at most this many rows (array items, all lists together) is drawn on the
   * worker's main thread: a few tens of milliseconds, less than a rendering thread costs it (the hop, the
   * thread's heap cap that makes V8 collect often). Larger ones draw in a thread, off the event loop.
   * 0: every report in a thread.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RENDER_INLINE_MAX_ROWS = 20;

  /**
   * On SIGTERM the worker takes no new job and lets running ones finish for this long; then it gives
   * their reports back (lease ended) and exits. Below the orchestrator's own grace (30 s by default).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WORKER_SHUTDOWN_GRACE_SECONDS = 25;

  @IsString()
  @MinLength(8)
  DEMO_PASSWORD = 'demo-iss-2026';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Diagnostics for tests: the api counts each request's SQL statements into `x-query-count`. */
  @Transform(toBool)
  @IsBoolean({ message: 'COUNT_QUERIES must be true or false' })
  COUNT_QUERIES = false;

  /** First admin for a fresh install (CLI `create-admin`); read here so nothing else touches process.env. */
  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;

  // ── Authentication and abuse (issue 11: throttling, proxies, password hashing, sessions) ──────

  /** Failed sign-ins counted per source address across every e-mail within 15 minutes; beyond, 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 50;

  /**
   * The reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs, comma-separated).
   * Empty: the socket's address is the client's, and X-Forwarded-For is ignored (it is the client's to forge).
   */
  @IsString()
  TRUST_PROXY = '';

  /** Password hashes (argon2, 19 MiB each) computed at once; more wait in a queue of PASSWORD_HASH_QUEUE. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PASSWORD_HASH_CONCURRENCY = 4;

  /** Hashes waiting for a slot; beyond, 503 with Retry-After, so a flood of sign-ins cannot pile up memory. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  PASSWORD_HASH_QUEUE = 100;

  /** A browser (cookie) session unused for longer is refused; bearer tokens only expire (JWT_TTL). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SESSION_IDLE_MINUTES = 30;

  /** How often the worker deletes expired revocations, ended session activity and old login failures. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_PURGE_INTERVAL_SECONDS = 3600;

  // ── Audit seals (issue 11) ────────────────────────────────────────────────────────────────────
  /**
   * Ed25519 private key that signs the audit chain's seals: PEM (PKCS#8) or base64 of its DER.
   * Defaults to the published development key, which production refuses.
   */
  @IsString()
  AUDIT_SEAL_PRIVATE_KEY = DEV_AUDIT_SEAL_PRIVATE_KEY;

  /** How often the worker seals the chain's head (at least daily). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400, { message: 'AUDIT_SEAL_INTERVAL_SECONDS must be at most 86400: the chain is sealed at least daily' })
  AUDIT_SEAL_INTERVAL_SECONDS = 86_400;

  // ── Database roles (issue 11) ─────────────────────────────────────────────────────────────────
  /**
   * The tables' owner, for `cli migrate` / `migrate:revert` only; DATABASE_URL is then the runtime
   * role (api, worker, seed), which owns nothing (libs/core/src/database/db-roles.ts). Defaults to
   * DATABASE_URL: one role for everything, as before, without that protection.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_OWNER_URL must be a postgres:// URL' })
  DATABASE_OWNER_URL!: string;

  // ── Database timeouts (issue 11) ──────────────────────────────────────────────────────────────
  // The api answers people: a statement it abandoned is ended by the server, and a PostgreSQL that
  // hangs gives a 503 after DB_QUERY_TIMEOUT_MS instead of holding the request. The worker's reports
  // and the streamed exports read far more, so they have their own, longer bounds.

  /** Server-side `statement_timeout` of the api's sessions. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DB_STATEMENT_TIMEOUT_MS = 30_000;

  /** Client-side bound on one statement of the api (pg's `query_timeout`): a hung server → 503. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DB_QUERY_TIMEOUT_MS = 10_000;

  /** How long an api query waits for a pooled connection, or for a new one to open. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DB_CONNECTION_TIMEOUT_MS = 10_000;

  /** A session left idle inside a transaction this long is ended by the server (api and worker). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  /** `statement_timeout` of the worker's sessions (reports read whole ledgers); its client waits 5 s more. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  WORKER_DB_STATEMENT_TIMEOUT_MS = 600_000;

  /**
   * A streamed export (funding CSV/XLSX) is one statement inside one transaction for as long as the
   * client downloads: this bounds it, server-side and client-side (plus 5 s).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  EXPORT_TIMEOUT_MS = 900_000;

  // ── Rate limits per user on expensive routes (issue 11) ──────────────────────────────────────
  // Counted per api process (in memory): with N api instances a user gets up to N times the limit.

  /** `POST /api/reports` per user and minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_REPORTS_PER_MINUTE = 30;

  /** `GET /api/exports/funding.csv` and `funding.xlsx` together, per user and minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_EXPORTS_PER_MINUTE = 20;

  /** CSV imports (`POST /api/actions/import`) per user and minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_IMPORTS_PER_MINUTE = 10;

  /** `GET /api/audit-events/verify` (walks the whole chain) per user and minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUDIT_VERIFY_PER_MINUTE = 10;

  /** Largest CSV an import accepts, in bytes of UTF-8 (413 above); below the 1 MB request body limit. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  IMPORT_CSV_MAX_BYTES = 512 * 1024;

  /** Most data rows an import accepts (400 above). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  IMPORT_CSV_MAX_ROWS = 5_000;

  // ── Metrics and job dashboard (issue 17) ──────────────────────────────────────────────────────

  /**
   * The bearer token Prometheus sends to `GET /metrics`. Unset, the route refuses every request (401):
   * the metrics are never public.
   */
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** The job dashboard (`/admin/queues`) shows the queue without its retry, clean or remove actions. */
  @Transform(toBool)
  @IsBoolean({ message: 'BULL_BOARD_READ_ONLY must be true or false' })
  BULL_BOARD_READ_ONLY = true;
  // ── ProConnect sign-in (issue 17): OpenID Connect, all four or none (README, "ProConnect sign-in") ──

  /** The provider's issuer URL (discovery at `/.well-known/openid-configuration`); unset: no ProConnect. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_ISSUER must be an http(s) URL' })
  OIDC_ISSUER?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** This api's callback as registered with the provider: `<origin>/api/auth/proconnect/callback`. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+\/api\/auth\/proconnect\/callback$/, {
    message: 'OIDC_REDIRECT_URI must be an http(s) URL ending in /api/auth/proconnect/callback',
  })
  OIDC_REDIRECT_URI?: string;

  /** Where the provider sends the browser back after its logout (registered with it too); default: none. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_POST_LOGOUT_REDIRECT_URI must be an http(s) URL' })
  OIDC_POST_LOGOUT_REDIRECT_URI?: string;

  /** The level of assurance asked (`acr_values`); ProConnect's is eidas1. */
  @IsString()
  OIDC_ACR_VALUES = 'eidas1';
  // ── E-mail (issue 17): the outbox, sent by the worker over SMTP (README, "Operations") ────────────

  /** smtp://host:port or smtps://user:pass@host:port. Unset: messages are written and stay pending. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of every message (an address of a domain whose SPF/DKIM allow the relay). */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Mission ISS — ARS Occitanie <ne-pas-repondre@iss.localhost>';

  /** Where replies go (the mission's shared mailbox); none when unset. */
  @IsOptional()
  @IsString()
  MAIL_REPLY_TO?: string;

  /** The address of the web app that messages link to (no trailing slash). */
  @Matches(/^https?:\/\/[^\s/]+(\/\S*[^/\s])?$/, {
    message: 'APP_URL must be an http(s):// URL without trailing slash',
  })
  APP_URL = 'http://localhost:3000';

  /** Tries of one message before it is `failed` with the last reason. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAIL_MAX_ATTEMPTS = 5;

  /** The wait after a first failed try; doubled at each next one (capped at 6 hours). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAIL_RETRY_BASE_SECONDS = 60;

  /** How often the worker sweeps the outbox for due messages (lost enqueues, retries). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAIL_SWEEP_INTERVAL_SECONDS = 60;

  /** The weekday of the referents' weekly digest, ISO (1 Monday … 7 Sunday), Paris time. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(7)
  MAIL_DIGEST_WEEKDAY = 1;

  /** The hour (0–23, Paris time) from which that day's digest goes out. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(23)
  MAIL_DIGEST_HOUR = 8;

  /** Activity reports (bilans) not received are recalled to the mission from this many days before their due date. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  MAIL_REPORT_REMINDER_DAYS = 14;
}

/** Parses and checks the environment; throws one line naming each bad variable. */
export function validateEnv(raw: Record<string, unknown>): EnvSchema {
  const env = plainToInstance(EnvSchema, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}).slice(0, 1));
  if (env.NODE_ENV === 'production' && isWeakSecret(env.JWT_SECRET)) {
    problems.push('JWT_SECRET is weak or a default: use at least 32 random characters in production');
  }
  if (env.NODE_ENV === 'production' && env.COUNT_QUERIES) {
    problems.push('COUNT_QUERIES is a test diagnostic: not in production');
  }
  if (env.NODE_ENV === 'production' && env.METRICS_TOKEN && isWeakSecret(env.METRICS_TOKEN)) {
    problems.push('METRICS_TOKEN is weak or a default: use at least 32 random characters in production');
  }
  problems.push(...sealKeyProblems(env), ...oidcProblems(env));
  env.DATABASE_OWNER_URL ||= env.DATABASE_URL;
  if (problems.length > 0) {
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return env;
}

function sealKeyProblems(env: EnvSchema): string[] {
  try {
    // Parsed in every environment, so a bad key fails at boot, not at the first seal.
    const devKey = isDevSealKey(env.AUDIT_SEAL_PRIVATE_KEY);
    if (env.NODE_ENV === 'production' && devKey) {
      return ['AUDIT_SEAL_PRIVATE_KEY is the published development key: generate one for production'];
    }
    return [];
  } catch (error) {
    return [`AUDIT_SEAL_PRIVATE_KEY must be an Ed25519 private key, PEM or base64 DER: ${(error as Error).message}`];
  }
}

const OIDC_SETTINGS = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** ProConnect takes its four settings or none; production talks to an https issuer (a local one aside). */
function oidcProblems(env: EnvSchema): string[] {
  const missing = OIDC_SETTINGS.filter((key) => !env[key]);
  if (missing.length === OIDC_SETTINGS.length) return [];
  if (missing.length > 0)
    return [`ProConnect needs ${OIDC_SETTINGS.join(', ')} together: ${missing.join(', ')} missing`];
  const issuer = new URL(env.OIDC_ISSUER!);
  if (env.NODE_ENV === 'production' && issuer.protocol !== 'https:' && !LOCAL_HOSTS.has(issuer.hostname)) {
    return ['OIDC_ISSUER must be an https URL in production'];
  }
  return [];
}

function isWeakSecret(secret: string | undefined): boolean {
  if (!secret || secret.length < 32) return true;
  return KNOWN_WEAK_SECRETS.some((weak) => secret.toLowerCase().includes(weak));
}

/** The process environment, checked; the one place outside @nestjs/config that reads it. */
export function checkEnvironment(): EnvSchema {
  return validateEnv(process.env);
}
