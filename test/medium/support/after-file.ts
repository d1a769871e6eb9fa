/**
 * What a spec file opened (Nest contexts, clients), closed by the setup's last hook before its database
 * is dropped: the order holds whatever order the runner gives the file's own hooks.
 */
const closers: (() => Promise<unknown>)[] = [];

export function closeAfterFile(close: () => Promise<unknown>): void {
  closers.push(close);
}

/** Last opened, first closed; every closer runs even when one fails, the first failure is thrown. */
export async function closeEverything(): Promise<void> {
  let failure: unknown;
  while (closers.length > 0) {
    try {
      await closers.pop()!();
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure) throw failure;
}
