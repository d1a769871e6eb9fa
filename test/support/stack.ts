import { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Redis from 'ioredis';
import { Client, Pool } from 'pg';
import { databaseUrl, DEMO_PASSWORD, PG_ADMIN_URL, TEMPLATE_DB_ENV, TEST_REDIS_URL } from './env';
import { Exit, logPath, startProcess, stopProcess, waitForOutput } from './processes';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface StackOptions {
  /** Start the worker with the api (default true). */
  worker?: boolean;
  env?: Record<string, string>;
}

/**
 * One suite's running system: its own database copied from the template, the compiled api and
 * worker as real processes, and handles to PostgreSQL and Redis for assertions and fault injection.
 */
export class Stack {
  readonly db: Pool;
  readonly redis: Redis;
  worker?: ChildProcess;
  workerLog?: string;
  private api?: ChildProcess;
  private workerCount = 0;

  private constructor(
    readonly name: string,
    readonly baseUrl: string,
    readonly env: Record<string, string>,
  ) {
    this.db = new Pool({ connectionString: env.DATABASE_URL, max: 4 });
    this.redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  }

  static async start(suite: string, options: StackOptions = {}): Promise<Stack> {
    const template = process.env[TEMPLATE_DB_ENV];
    if (!template) throw new Error('no template database: run through jest --selectProjects e2e');
    const name = `iss_test_${suite.replace(/\W/g, '_')}_${process.pid}`;
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();

    const port = await freePort();
    const env = {
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: databaseUrl(name),
      REDIS_URL: TEST_REDIS_URL,
      JWT_SECRET: 'test-only-secret-0123456789',
      STORAGE_DIR: mkdtempSync(`${tmpdir()}/iss-storage-`),
      DEMO_PASSWORD,
      LOG_LEVEL: 'info',
      RECONCILE_INTERVAL_SECONDS: '2',
      REPORT_LEASE_SECONDS: '10',
      ...options.env,
    };
    const stack = new Stack(name, `http://127.0.0.1:${port}`, env);
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

  async stopWorker(signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit | null> {
    const exit = await stopProcess(this.worker, signal);
    this.worker = undefined;
    return exit;
  }

  async stop(): Promise<void> {
    await Promise.all([stopProcess(this.api), this.stopWorker()]);
    await this.db.end();
    this.redis.disconnect();
    if (process.env.KEEP_TEST_DATABASES) return;
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
    await admin.end();
  }
}
