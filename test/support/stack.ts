import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { appEnv, copyTemplate, dropDatabase, TEMPLATE_DB_ENV, TEST_REDIS_URL } from './env';
import { freePort } from './ports';
import type { PrivatePostgres } from './private-services';
import { Exit, logPath, startProcess, stopProcess, waitForOutput } from './processes';

export interface StackOptions {
  /** Start the worker with the api (default true). */
  worker?: boolean;
  env?: Record<string, string>;
  /** Redis to use instead of the shared test database (a private server the suite restarts). */
  redisUrl?: string;
  /** A private PostgreSQL cluster that receives the suite's copy of the template (the suite stops it). */
  postgres?: PrivatePostgres;
}

/**
 * One suite's running system: its own database copied from the template, the compiled api and
 * worker as real processes, and handles to PostgreSQL and Redis for assertions and fault injection.
 */
export class Stack {
  /** The app's own runtime role (DATABASE_URL): what the api may do, the suite may do with it. */
  readonly db: Pool;
  /** The tables' owner: for what only an owner can do (disabling the audit triggers to tamper). */
  readonly ownerDb: Pool;
  readonly redis: Redis;
  worker?: ChildProcess;
  workerLog?: string;
  private api?: ChildProcess;
  private workerCount = 0;

  private constructor(
    readonly name: string,
    readonly baseUrl: string,
    readonly env: Record<string, string>,
    private readonly sharedDatabase: boolean,
  ) {
    this.db = new Pool({ connectionString: env.DATABASE_URL, max: 4 });
    this.ownerDb = new Pool({ connectionString: env.DATABASE_OWNER_URL, max: 2 });
    this.redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
    // Suites take Redis and PostgreSQL away on purpose: the test's own clients must not crash Jest.
    this.redis.on('error', () => undefined);
    this.db.on('error', () => undefined);
    this.ownerDb.on('error', () => undefined);
  }

  static async start(suite: string, options: StackOptions = {}): Promise<Stack> {
    const template = process.env[TEMPLATE_DB_ENV];
    if (!template) throw new Error('no template database: run through jest --selectProjects e2e');
    const name = `iss_test_${suite.replace(/\W/g, '_')}_${process.pid}`;
    const urls = options.postgres
      ? await options.postgres.copyFrom(template, name)
      : await copyTemplate(template, name);

    // A port chosen beforehand (options.env.PORT) when another server must know the api's URL first.
    const port = Number(options.env?.PORT) || (await freePort());
    const env = {
      ...appEnv(urls, options.redisUrl ?? TEST_REDIS_URL),
      PORT: String(port),
      STORAGE_DIR: mkdtempSync(`${tmpdir()}/iss-storage-`),
      LOG_LEVEL: 'info',
      RECONCILE_INTERVAL_SECONDS: '2',
      REPORT_LEASE_SECONDS: '10',
      ...options.env,
    };
    const stack = new Stack(name, `http://127.0.0.1:${port}`, env, !options.postgres);
    try {
      await stack.redis.flushdb();
      stack.api = startProcess('api', env, [], `${suite}-api`);
      await waitForOutput(stack.api, /successfully started/);
      if (options.worker !== false) await stack.startWorker();
      return stack;
    } catch (error) {
      // Close what was opened, or Jest waits forever on the pool and the Redis client.
      await stack.stop();
      throw error;
    }
  }

  async startWorker(extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
    this.workerCount += 1;
    const logName = `${this.name}-worker-${this.workerCount}`;
    this.worker = startProcess('worker', { ...this.env, ...extraEnv }, [], logName);
    this.workerLog = logPath(logName);
    await waitForOutput(this.worker, /successfully started/);
    return this.worker;
  }

  /** True while the api process runs: a fault must never make it exit. */
  get apiRunning(): boolean {
    return isRunning(this.api);
  }

  get workerRunning(): boolean {
    return isRunning(this.worker);
  }

  async stopWorker(signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit | null> {
    const exit = await stopProcess(this.worker, signal);
    this.worker = undefined;
    return exit;
  }

  async stop(): Promise<void> {
    await Promise.all([stopProcess(this.api), this.stopWorker()]);
    await Promise.all([this.db.end(), this.ownerDb.end()]);
    this.redis.disconnect();
    if (process.env.KEEP_TEST_DATABASES) return;
    rmSync(this.env.STORAGE_DIR, { recursive: true, force: true });
    if (this.sharedDatabase) await dropDatabase(this.name);
  }
}

const isRunning = (child?: ChildProcess) => !!child && child.exitCode === null && child.signalCode === null;
