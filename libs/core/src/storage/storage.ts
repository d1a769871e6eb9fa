import { Readable } from 'node:stream';

/** Where generated files go. Local directory by default; an S3-compatible store can implement the same. */
export abstract class FileStorage {
  /** Writes the whole file atomically: a reader never sees half a file, and writing twice leaves one. */
  abstract put(key: string, content: Buffer): Promise<void>;
  abstract read(key: string): Promise<Readable>;
  abstract exists(key: string): Promise<boolean>;
  abstract remove(key: string): Promise<void>;
}
