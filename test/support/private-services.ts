import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import Redis from 'ioredis';
import { Client } from 'pg';
import { createRoleDatabase, databaseUrl as sharedDatabaseUrl, RoleUrls } from './env';
import { freePort } from './ports';

/**
 * PostgreSQL and Redis servers that a resilience suite owns, so that it can stop, restart and flush
 * them without touching the shared ones the other suites (and other people) use.
 */

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A redis-server child process without persistence: restarting it is a restart with an empty Redis. */
export class PrivateRedis {
  private process?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  async up(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    this.process = spawn('redis-server', [...args, '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
    await waitFor(`redis-server on ${this.port}`, () => this.answers());
  }

  /** SIGKILL: the server vanishes with what it held, as a crashed or evicted container would. */
  async down(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async restart(): Promise<void> {
    await this.down();
    await this.up();
  }

  /** SIGSTOP: connections stay open but nothing answers, the worst case for a client without timeouts. */
  freeze(): void {
    this.process?.kill('SIGSTOP');
  }

  thaw(): void {
    this.process?.kill('SIGCONT');
  }

  private async answers(): Promise<boolean> {
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }
}

/**
 * A PostgreSQL cluster in a temporary directory on its own port (initdb + pg_ctl). As root, the
 * binaries run as the `postgres` user, since PostgreSQL refuses to run as root.
 */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(`${tmpdir()}/iss-pg-`);
    const pg = new PrivatePostgres(dir, await freePort());
    if (isRoot()) chownSync(dir, ...postgresIds());
    pg.run('initdb', ['-D', pg.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    await pg.up();
    return pg;
  }

  get dataDir(): string {
    return `${this.dir}/data`;
  }

  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async up(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    this.run('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', `${this.dir}/server.log`, '-w', 'start']);
    await waitFor(`PostgreSQL on ${this.port}`, () => this.answers());
  }

  /** Fast shutdown: open connections are terminated (57P01), new ones are refused. */
  async down(): Promise<void> {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
  }

  /**
   * SIGSTOP to the postmaster and every backend: connections stay open, new ones are accepted by the
   * kernel, and nothing answers — a hung server, the worst case for a client without timeouts.
   */
  freeze(): void {
    for (const pid of this.processes()) process.kill(pid, 'SIGSTOP');
  }

  thaw(): void {
    for (const pid of this.processes().reverse()) process.kill(pid, 'SIGCONT');
  }

  /** The postmaster first (so that it forks nothing more), then its children. */
  private processes(): number[] {
    const postmaster = Number(readFileSync(`${this.dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => parentOf(pid) === postmaster)
      .map(Number);
    return [postmaster, ...children];
  }

  /**
   * A copy of a database of the shared server (schema, data, owners and grants), made with
   * pg_dump | psql after the same roles are set up in this cluster.
   */
  async copyFrom(sharedDatabase: string, name: string): Promise<RoleUrls> {
    const urls = await createRoleDatabase(this.urlOf('postgres'), name);
    const dump = execFileSync('pg_dump', [sharedDatabaseUrl(sharedDatabase)], { maxBuffer: 512 * 1024 * 1024 });
    execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-d', this.urlOf(name)], {
      input: dump,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    return urls;
  }

  async destroy(): Promise<void> {
    try {
      await this.down();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(binary: string, args: string[]): void {
    const [command, argv] = isRoot()
      ? ['runuser', ['-u', 'postgres', '--', `${PG_BIN}/${binary}`, ...args]]
      : [`${PG_BIN}/${binary}`, args];
    execFileSync(command, argv, { stdio: 'ignore' });
  }

  private async answers(): Promise<boolean> {
    const client = new Client({ connectionString: this.urlOf('postgres'), connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

const isRoot = () => userInfo().uid === 0;

/** The parent pid of a process from /proc/<pid>/stat (field 4, after the parenthesised name); -1 if gone. */
function parentOf(pid: string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

function postgresIds(): [number, number] {
  const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres']).toString().trim()));
  return [uid, gid];
}
