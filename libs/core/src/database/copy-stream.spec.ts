import { Readable } from 'node:stream';
import { binaryTextColumn } from './copy-stream';

/** What `COPY (SELECT one text column) TO STDOUT (FORMAT binary)` sends for these values. */
function binaryCopy(values: (string | null)[]): Buffer {
  const header = Buffer.concat([
    Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
    Buffer.alloc(4),
    Buffer.from([0, 0, 0, 2, 9, 9]),
  ]);
  const tuples = values.map((value) => {
    const bytes = value === null ? Buffer.alloc(0) : Buffer.from(value);
    const frame = Buffer.alloc(6);
    frame.writeInt16BE(1, 0);
    frame.writeInt32BE(value === null ? -1 : bytes.length, 2);
    return Buffer.concat([frame, bytes]);
  });
  return Buffer.concat([header, ...tuples, Buffer.from([0xff, 0xff])]);
}

const chunksThrough = async (chunks: Buffer[]) => {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(binaryTextColumn())) out.push(chunk as Buffer);
  return out;
};
const through = async (chunks: Buffer[]) => Buffer.concat(await chunksThrough(chunks)).toString();

describe('binaryTextColumn', () => {
  const values = ['a;b\r\n', '', null, 'été « x »\r\n', 'x'.repeat(70_000)];
  const whole = binaryCopy(values);
  const expected = values.join('');

  it('passes the values on, one after the other, framing and NULLs taken out', async () => {
    expect(await through([whole])).toBe(expected);
  });

  it('reads frames cut anywhere between two chunks', async () => {
    for (const size of [1, 2, 3, 5, 7, 19, 23, 4096]) {
      const chunks = [];
      for (let at = 0; at < whole.length; at += size) chunks.push(whole.subarray(at, at + size));
      expect(await through(chunks)).toBe(expected);
    }
  });

  it('passes a chunk that lies within one value on as a view of it, not a copy', async () => {
    const long = 'x'.repeat(70_000);
    const copy = binaryCopy([long]);
    const middle = copy.subarray(1_000, 60_000);
    const out = await chunksThrough([copy.subarray(0, 1_000), middle, copy.subarray(60_000)]);
    expect(Buffer.concat(out).toString()).toBe(long);
    expect(out[1].buffer).toBe(middle.buffer);
    expect(out[1].byteOffset).toBe(middle.byteOffset);
  });

  it('fails on a COPY cut short, and on what is not a binary COPY', async () => {
    await expect(through([whole.subarray(0, whole.length - 10)])).rejects.toThrow('Binary COPY cut short');
    await expect(through([Buffer.from('x'.repeat(40))])).rejects.toThrow('Not a binary COPY');
  });
});
