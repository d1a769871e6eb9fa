import request from 'supertest';
import { DEMO_PASSWORD } from './env';
import { matchesDocument } from './openapi-responses';
import { Stack } from './stack';

export const DEMO = {
  admin: 'admin@demo.iss.local',
  delegate: 'delegue@demo.iss.local',
  officer: 'chargee@demo.iss.local',
  referent31: 'referent31@demo.iss.local',
  referent34: 'referent34@demo.iss.local',
  member: 'membre@demo.iss.local',
  auditor: 'auditeur@demo.iss.local',
} as const;

export async function login(stack: Stack, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await request(stack.baseUrl)
    .post('/api/auth/login')
    .send({ email, password })
    .expect(matchesDocument('post', '/api/auth/login'));
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/**
 * A supertest agent bound to the stack, with the bearer token of `email` when given. Every answer is
 * checked against the OpenAPI document before the test's own expectations.
 */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export function api(stack: Stack, token?: string): Record<HttpMethod, (path: string) => request.Test> {
  const agent = request(stack.baseUrl);
  const checked = <T extends request.Test>(method: string, path: string, t: T) =>
    (token ? t.set('authorization', `Bearer ${token}`) : t).expect(matchesDocument(method, path));
  return {
    get: (path: string) => checked('get', path, agent.get(path)),
    post: (path: string) => checked('post', path, agent.post(path)),
    put: (path: string) => checked('put', path, agent.put(path)),
    patch: (path: string) => checked('patch', path, agent.patch(path)),
    delete: (path: string) => checked('delete', path, agent.delete(path)),
  };
}

export async function until<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
  stepMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** supertest parser that keeps a binary body (a PDF, an XLSX, a CSV with its BOM) as a Buffer. */
export function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
