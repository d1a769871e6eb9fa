import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { ROOT } from './env';

export const LOG_DIR = `${ROOT}/test-artifacts/logs`;

export const logPath = (logName: string) => `${LOG_DIR}/${logName}.log`;

/** Runs a compiled entry point (dist/apps/<app>/src/main.js) with the given environment. */
export function startProcess(
  app: 'api' | 'worker' | 'cli',
  env: Record<string, string>,
  args: string[] = [],
  logName: string = app,
): ChildProcess {
  mkdirSync(LOG_DIR, { recursive: true });
  const child = spawn(process.execPath, [`${ROOT}/dist/apps/${app}/src/main.js`, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logPath(logName), { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

export async function runToEnd(app: 'cli', env: Record<string, string>, args: string[]): Promise<void> {
  const child = startProcess(app, env, args, `cli-${args[0]}`);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`cli ${args.join(' ')} exited with ${code}; see ${LOG_DIR}/cli-${args[0]}.log`);
}

export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-10_000);
      if (pattern.test(seen)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`process exited with ${code} before ${pattern}`));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the process did not stop within the grace period and had to be killed. */
  forced: boolean;
}

/** Sends `signal`, then SIGKILL after the grace period; says how the process ended. */
export async function stopProcess(
  child: ChildProcess | undefined,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 15_000,
): Promise<Exit | null> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return null;
  let forced = false;
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, sig) => resolve({ code, signal: sig, forced })),
  );
  child.kill(signal);
  const timer = setTimeout(() => {
    forced = true;
    child.kill('SIGKILL');
  }, graceMs);
  const exit = await exited;
  clearTimeout(timer);
  return { ...exit, forced };
}
