import { Stack } from '../support/stack';

export interface Answer {
  path: string;
  /** 0 when no answer came within the client's timeout: a hung request. */
  status: number;
  ms: number;
  at: number;
}

/**
 * Steady client traffic during a fault: `clients` loops, each sending the next request as soon as the
 * previous one is answered (or times out), until `stop()` returns every answer seen.
 */
export function startTraffic(
  stack: Stack,
  token: string,
  paths: string[],
  { clients = 4, timeoutMs = 5_000 } = {},
): { stop: () => Promise<Answer[]> } {
  const answers: Answer[] = [];
  let running = true;
  const loop = async (client: number) => {
    for (let i = client; running; i++) {
      const path = paths[i % paths.length];
      const start = Date.now();
      let status = 0;
      try {
        const res = await fetch(`${stack.baseUrl}${path}`, {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        // timed out or refused: recorded as status 0
      }
      answers.push({ path, status, ms: Date.now() - start, at: start });
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const loops = Array.from({ length: clients }, (_, c) => loop(c));
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

/** How many answers had each status, e.g. `{ 200: 120, 503: 40 }`. */
export const tallyOf = (answers: { status: number }[]) =>
  answers.reduce<Record<number, number>>((t, a) => ({ ...t, [a.status]: (t[a.status] ?? 0) + 1 }), {});

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What a fault must look like from the outside: while it lasts, only quick 503s (no hang, no 500);
 * once it is over, only 200s; the api and worker never exited and /health is green again.
 */
export async function expectFastFailureThenRecovery(
  stack: Stack,
  { during, after, maxMs }: { during: Answer[]; after: Answer[]; maxMs: number },
): Promise<void> {
  expect(tallyOf(during)).toEqual({ 503: during.length });
  expect(Math.max(...during.map((a) => a.ms))).toBeLessThan(maxMs);
  expect(after.length).toBeGreaterThan(4);
  expect(tallyOf(after)).toEqual({ 200: after.length });
  expect(stack.apiRunning).toBe(true);
  expect(stack.workerRunning).toBe(true);
  expect((await fetch(`${stack.baseUrl}/health`)).status).toBe(200);
}
