import { isSealSignatureValid, SealedHead } from './audit-seal';

export type SealProblem = 'bad_signature' | 'unknown_key' | 'missing_event' | 'rewritten';

export interface StoredSeal extends SealedHead {
  keyId: string;
  signature: string;
}

export interface BrokenSeal {
  sealId: number;
  eventId: number;
  problem: SealProblem;
  message: string;
}

/**
 * Holds each seal against the chain as it is now. The hash chain alone shows an edit in the middle;
 * what it cannot show (the newest rows cut, or rows edited and every later hash recomputed) changes
 * or removes the event a seal names, and a seal cannot be re-made without the private key.
 * `currentHashes`: event id → hash today, for the events the seals name.
 */
export function checkSeals(
  seals: readonly StoredSeal[],
  currentHashes: ReadonlyMap<string, string>,
  key: { keyId: string; publicKeyPem: string },
): BrokenSeal[] {
  const broken: BrokenSeal[] = [];
  let intactUpTo = '0';
  for (const seal of seals) {
    const problem = sealProblem(seal, currentHashes.get(seal.lastEventId), key);
    if (!problem) {
      intactUpTo = seal.lastEventId;
      continue;
    }
    broken.push({
      sealId: Number(seal.sealId),
      eventId: Number(seal.lastEventId),
      problem,
      message: describe(problem, seal, key.keyId, intactUpTo),
    });
  }
  return broken;
}

function sealProblem(
  seal: StoredSeal,
  currentHash: string | undefined,
  key: { keyId: string; publicKeyPem: string },
): SealProblem | null {
  if (seal.keyId !== key.keyId) return 'unknown_key';
  if (!isSealSignatureValid(key.publicKeyPem, seal, seal.signature)) return 'bad_signature';
  if (currentHash === undefined) return 'missing_event';
  return currentHash === seal.lastHash ? null : 'rewritten';
}

function describe(problem: SealProblem, seal: StoredSeal, keyId: string, intactUpTo: string): string {
  const name = `Seal ${seal.sealId} (${seal.sealedAt.toISOString()})`;
  switch (problem) {
    case 'unknown_key':
      return `${name} was signed with key ${seal.keyId}, not with the published key ${keyId}`;
    case 'bad_signature':
      return `${name}: its signature does not match its content (the seal itself was altered)`;
    case 'missing_event':
      return `${name}: event ${seal.lastEventId}, the chain's end when sealed, is gone (events were deleted)`;
    case 'rewritten':
      return `${name}: event ${seal.lastEventId} no longer has the sealed hash (events ${Number(intactUpTo) + 1} to ${seal.lastEventId} were rewritten and re-hashed)`;
  }
}
