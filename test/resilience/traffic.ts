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
