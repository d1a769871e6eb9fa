/**
 * What a spec file opened (Nest contexts, clients), closed by the setup's afterAll just before the
 * file's database is dropped, so that no pool sees its connections killed and no client holds Jest open.
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
