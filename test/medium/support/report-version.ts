import { dataHash, type ReportKind, ReportKindRegistry } from '@app/reports';
import type { Medium } from './medium-module';

/**
 * Pins a report kind's data version to its data, on the real kind as its module registers it: the
 * version stays put while nothing changes, and each of `changes` (a write that changes what the report
 * would print) changes both the data the worker hashes and the version a request is fingerprinted with.
 * A change that left the data as it was would make the test fail too: it would pin nothing.
 */
export async function expectVersionFollowsData(
  medium: Medium,
  kind: ReportKind,
  params: object,
  changes: Record<string, () => Promise<unknown>>,
): Promise<void> {
  const definition = medium.get(ReportKindRegistry).get(kind);
  const snapshot = async () => ({
    version: await definition.dataVersion(params),
    data: dataHash(await definition.collect(params)),
  });
  let before = await snapshot();
  expect(await snapshot()).toEqual(before);
  for (const [change, write] of Object.entries(changes)) {
    await write();
    const after = await snapshot();
    expect({
      change,
      dataChanged: after.data !== before.data,
      versionChanged: after.version !== before.version,
    }).toEqual({ change, dataChanged: true, versionChanged: true });
    expect(await definition.dataVersion(params)).toBe(after.version);
    before = after;
  }
}
