import { Readable } from 'node:stream';

/** Where generated files go. Local directory by default; an S3-compatible store can implement the same. */
export abstract class FileStorage {
  /** Writes the whole file atomically: a reader never sees half a file, and writing twice leaves one. */
  abstract put(key: string, content: Buffer): Promise<void>;
  /**
   * A new local path to write a file to before storing it (a PDF streamed page by page, say), away from
   * the stored files; `putFile` then stores it, `discardPartial` drops it. Left behind by a process that
   * died, it is swept later.
   */
  abstract partialFile(): Promise<string>;
  /** Stores the file written at `partial` (from `partialFile`) under `key`, atomically, and lets it go. */
  abstract putFile(key: string, partial: string): Promise<void>;
  abstract discardPartial(partial: string): Promise<void>;
  abstract read(key: string): Promise<Readable>;
  abstract exists(key: string): Promise<boolean>;
  abstract remove(key: string): Promise<void>;
}
