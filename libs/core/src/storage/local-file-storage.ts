import { Injectable, OnModuleInit } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { FileStorage } from './storage';

/**
 * Files being written, apart from the stored ones: a process killed mid-write leaves its partial file
 * here, not beside the file it was writing (where it would pass for a second copy).
 */
const PARTIAL_DIR = '.partial';
/** A partial file older than this belongs to a process that died: swept at start. */
const PARTIAL_MAX_AGE_MS = 60 * 60 * 1000;

@Injectable()
export class LocalFileStorage extends FileStorage implements OnModuleInit {
  private readonly root: string;

  constructor(config: AppConfig) {
    super();
    this.root = resolve(config.get('STORAGE_DIR'));
  }

  async onModuleInit(): Promise<void> {
    const partials = join(this.root, PARTIAL_DIR);
    const names = await readdir(partials).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(partials, name);
      // Another worker may have stored or dropped it since the listing: then there is nothing to sweep.
      const file = await stat(path).catch(() => undefined);
      if (file && Date.now() - file.mtimeMs > PARTIAL_MAX_AGE_MS) await rm(path, { force: true });
    }
  }

  async put(key: string, content: Buffer): Promise<void> {
    const temp = await this.partialFile();
    await writeFile(temp, content);
    await this.putFile(key, temp);
  }

  async partialFile(): Promise<string> {
    const partials = join(this.root, PARTIAL_DIR);
    await mkdir(partials, { recursive: true });
    return join(partials, `${randomUUID()}.tmp`);
  }

  async putFile(key: string, partial: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    await rename(partial, target);
  }

  async discardPartial(partial: string): Promise<void> {
    await rm(partial, { force: true });
  }

  async read(key: string): Promise<Readable> {
    return createReadStream(this.pathOf(key));
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Keys are ours (e.g. `reports/<uuid>.pdf`), but a key must never escape the root. */
  private pathOf(key: string): string {
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error(`Storage key outside the storage root: ${key}`);
    return path;
  }
}
