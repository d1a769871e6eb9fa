/**
 * Settles as `work` does, or rejects after `ms` if it has not by then (`work` itself goes on: the
 * caller only stops waiting). For calls to a dependency that may hang, such as Redis under SIGSTOP.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
