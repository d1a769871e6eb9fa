import { Readable, Transform } from 'node:stream';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { clientBoundOf } from './connection-limits';
import { streamInTransaction } from './cursor-stream';

/** PostgreSQL's binary COPY header: signature (11 bytes), flags (4), then the length of an extension (4). */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER_BYTES = SIGNATURE.length + 8;

/**
 * The text of a one-column `SELECT`, written by PostgreSQL itself (`COPY … TO STDOUT (FORMAT binary)`)
 * and passed on as it comes, row after row: the statement writes whole lines (separators, quotes, line
 * ends included), and node only strips the binary framing around each value. Binary rather than text
 * or CSV COPY, which would escape or quote the line ends and backslashes the lines carry. Timeouts,
 * connection and abort as `cursorStream`; JIT is off (its compilation costs more than it saves here).
 * COPY takes no parameters: `sql` is whole, its literals quoted by the caller (`quoteLiteral`).
 */
export function copyTextStream(dataSource: DataSource, sql: string, timeoutMs: number): Promise<Readable> {
  return streamInTransaction(dataSource, timeoutMs, { jit: 'off', DateStyle: 'ISO' }, (client: PoolClient) => {
    const copy = Object.assign(copyTo(`COPY (${sql}) TO STDOUT (FORMAT binary)`), {
      query_timeout: clientBoundOf(timeoutMs),
      // pg arms `query_timeout` by wrapping the query's callback, which it calls on ReadyForQuery only
      // for its own queries: without this, the timer would fire on a finished COPY and error its stream.
      handleReadyForQuery(this: { callback?: (error: null) => void }) {
        this.callback?.(null);
      },
    });
    const text = client.query(copy).pipe(binaryTextColumn());
    // a failure of the COPY (timeout, lost connection) fails the stream handed out, which closes the connection
    copy.on('error', (error) => text.destroy(error));
    text.on('close', () => copy.destroy());
    return text;
  });
}

/**
 * Binary COPY of one text column in, the values' bytes out, one after the other: a chunk out per chunk
 * in, the framing (a 2-byte field count and a 4-byte length before each value) taken out. A chunk that
 * lies within one value goes out as a view of itself, not copied (most do: a value is a whole grant's
 * lines); one that holds framing goes out as its values' pieces put together. A frame cut between two
 * chunks waits for the next one; NULL values write nothing.
 */
export function binaryTextColumn(): Transform {
  let pending: Buffer | null = null;
  let header = true;
  let valueLeft = 0;
  let ended = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const input: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
      pending = null;
      let at = 0;
      if (header) {
        if (input.length >= SIGNATURE.length && !input.subarray(0, SIGNATURE.length).equals(SIGNATURE))
          return done(new Error('Not a binary COPY'));
        if (input.length < HEADER_BYTES || input.length < HEADER_BYTES + input.readUInt32BE(HEADER_BYTES - 4)) {
          pending = input;
          return done();
        }
        at = HEADER_BYTES + input.readUInt32BE(HEADER_BYTES - 4);
        header = false;
      }
      const pieces: Buffer[] = [];
      let written = 0;
      while (at < input.length && !ended) {
        if (valueLeft > 0) {
          const end = Math.min(input.length, at + valueLeft);
          pieces.push(input.subarray(at, end));
          written += end - at;
          valueLeft -= end - at;
          at = end;
          continue;
        }
        if (input.length - at < 2) break;
        const fields = input.readInt16BE(at);
        if (fields === -1) {
          ended = true;
          break;
        }
        if (fields !== 1) return done(new Error(`Binary COPY of ${fields} columns, 1 expected`));
        if (input.length - at < 6) break;
        valueLeft = Math.max(0, input.readInt32BE(at + 2));
        at += 6;
      }
      if (at < input.length && !ended) pending = Buffer.from(input.subarray(at));
      done(null, pieces.length > 1 ? Buffer.concat(pieces, written) : pieces[0]);
    },
    flush(done) {
      done(ended || header ? null : new Error('Binary COPY cut short'));
    },
  });
}
