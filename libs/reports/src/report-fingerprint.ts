import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** SHA-256 of canonical JSON: the same data always hashes the same, whatever the key order. */
export function dataHash(data: unknown): string {
  return sha256(stringify(data) ?? 'null');
}

/** What makes two requests "the same request on the same data": the kind's data version says the latter. */
export function requestFingerprint(kind: string, params: object, dataVersion: string): string {
  return dataHash({ kind, params, dataVersion });
}
