import { createHash, type Hash } from 'node:crypto';
import stringify from 'safe-stable-stringify';

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * SHA-256 of canonical JSON: the same data always hashes the same, whatever the key order. The text is
 * `safe-stable-stringify`'s, hashed piece by piece as it is written: the text of a 50,000-payment ledger
 * (and the garbage of building it) is never whole in memory.
 */
export function dataHash(data: unknown): string {
  const hash = new PieceHash();
  writeCanonical(data, hash, new Set());
  return hash.digest();
}

/** What makes two requests "the same request on the same data": the kind's data version says the latter. */
export function requestFingerprint(kind: string, params: object, dataVersion: string): string {
  return dataHash({ kind, params, dataVersion });
}

/** Text hashed as it comes, a few tens of kilobytes at a time (one hash update per piece is slower). */
class PieceHash {
  private readonly hash: Hash = createHash('sha256');
  private pieces: string[] = [];
  private length = 0;

  write(piece: string): void {
    this.pieces.push(piece);
    this.length += piece.length;
    if (this.length >= 32 * 1024) this.flush();
  }

  digest(): string {
    this.flush();
    return this.hash.digest('hex');
  }

  private flush(): void {
    this.hash.update(this.pieces.join(''));
    this.pieces = [];
    this.length = 0;
  }
}

/** Plain arrays and objects are written here, element by element; anything else is `stringify`'s whole. */
function isContainer(value: unknown): value is unknown[] | Record<string, unknown> {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (
    (prototype === Object.prototype || prototype === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** `stringify(value)` written to `out`, as the library writes it (undefined, functions: `null` in arrays, left out of objects). */
function writeCanonical(value: unknown, out: PieceHash, ancestors: Set<object>): void {
  if (!isContainer(value)) {
    out.write(stringify(value) ?? 'null');
    return;
  }
  if (ancestors.has(value)) {
    out.write('"[Circular]"');
    return;
  }
  ancestors.add(value);
  if (Array.isArray(value)) {
    out.write('[');
    value.forEach((element, i) => {
      if (i > 0) out.write(',');
      writeCanonical(element, out, ancestors);
    });
    out.write(']');
  } else {
    out.write('{');
    let first = true;
    for (const key of Object.keys(value).sort()) {
      const element = value[key];
      const text = isContainer(element) ? undefined : stringify(element);
      if (text === undefined && !isContainer(element)) continue;
      out.write(`${first ? '' : ','}${stringify(key)}:`);
      first = false;
      if (text === undefined) writeCanonical(element, out, ancestors);
      else out.write(text);
    }
    out.write('}');
  }
  ancestors.delete(value);
}
