import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { ROOT } from './env';
import { freePort } from './ports';
import { LOG_DIR, logPath, stopProcess } from './processes';

export const PROCONNECT_CLIENT = { id: 'iss-back-office', secret: 'stand-in-client-secret-0123456789' } as const;

/** The ProConnect stand-in (scripts/stand-ins/proconnect.mjs, the real oidc-provider) as a child process. */
export interface ProConnectStandIn {
  issuer: string;
  stop(): Promise<void>;
}

/**
 * Starts the stand-in on a free port for an api at `apiUrl` (its callback and post-logout page registered);
 * `clockOffsetSeconds` runs its clock that far off (negative: its ID tokens are born expired).
 */
export async function startProConnect(
  apiUrl: string,
  name: string,
  clockOffsetSeconds = 0,
): Promise<ProConnectStandIn> {
  mkdirSync(LOG_DIR, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      `${ROOT}/scripts/stand-ins/proconnect.mjs`,
      ...['--port', '0', '--client-id', PROCONNECT_CLIENT.id, '--client-secret', PROCONNECT_CLIENT.secret],
      ...['--redirect-uri', `${apiUrl}/api/auth/proconnect/callback`],
      ...['--post-logout-redirect-uri', `${apiUrl}/connexion`],
      `--clock-offset-seconds=${clockOffsetSeconds}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr.pipe(createWriteStream(logPath(`${name}-proconnect`), { flags: 'a' }));
  const issuer = await firstLine(child).then((line) => (JSON.parse(line) as { issuer: string }).issuer);
  return { issuer, stop: async () => void (await stopProcess(child)) };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('\n')) resolve(seen.slice(0, seen.indexOf('\n')));
    });
    child.once('exit', (code) => reject(new Error(`the ProConnect stand-in exited with ${code}`)));
  });
}

/** An api port and the OIDC_* settings naming the stand-in: start the stand-in first, then the stack. */
export async function proconnectEnv(
  name: string,
  clockOffsetSeconds = 0,
): Promise<{ env: Record<string, string>; provider: ProConnectStandIn }> {
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const provider = await startProConnect(apiUrl, name, clockOffsetSeconds);
  const env = {
    PORT: String(port),
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: PROCONNECT_CLIENT.id,
    OIDC_CLIENT_SECRET: PROCONNECT_CLIENT.secret,
    OIDC_REDIRECT_URI: `${apiUrl}/api/auth/proconnect/callback`,
    OIDC_POST_LOGOUT_REDIRECT_URI: `${apiUrl}/connexion`,
  };
  return { env, provider };
}

/**
 * A user agent over plain HTTP keeping cookies per host (by name; expiry ignored, since a clock-shifted
 * provider's cookies are born expired) and following redirects one at a time, so that a test can stop
 * at, change or replay any step of the flow.
 */
export class CookieAgent {
  private readonly jars = new Map<string, Map<string, string>>();

  async get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  async postForm(url: string, form: Record<string, string>): Promise<Response> {
    return this.send(url, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** Follows redirects from `url` until `stop` says so of a URL (not fetched) or a page answers. */
  async follow(url: string, stop: (url: URL) => boolean = () => false): Promise<{ url: URL; response?: Response }> {
    let current = new URL(url);
    for (let hops = 0; hops < 20; hops += 1) {
      if (stop(current)) return { url: current };
      const response = await this.get(current.toString());
      const location = response.headers.get('location');
      if (!location) return { url: current, response };
      current = new URL(location, current);
    }
    throw new Error(`too many redirects from ${url}`);
  }

  cookie(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).host)?.get(name);
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const host = new URL(url).host;
    const jar = this.jars.get(host) ?? new Map<string, string>();
    this.jars.set(host, jar);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers = { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) };
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /max-age=0\b/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }
}
