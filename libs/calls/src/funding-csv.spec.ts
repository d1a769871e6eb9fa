import { Readable } from 'node:stream';
import { csvHeader, withCsvHeader } from './funding-csv';

describe('funding CSV', () => {
  const streamed = async (chunks: string[]) => {
    let text = '';
    for await (const chunk of Readable.from(chunks.map((c) => Buffer.from(c))).pipe(withCsvHeader()))
      text += String(chunk);
    return text;
  };

  it('starts with a BOM and the header line', () => {
    expect(csvHeader().startsWith('\uFEFFannee_appel;appel;axe;')).toBe(true);
    expect(csvHeader().endsWith(';montant_centimes;montant_euros\r\n')).toBe(true);
  });

  it('passes the lines PostgreSQL writes on behind the header, once', async () => {
    expect(await streamed(['a;1\r\n', 'b;2\r\n'])).toBe(`${csvHeader()}a;1\r\nb;2\r\n`);
  });

  it('writes the header alone for a call without grants', async () => {
    expect(await streamed([])).toBe(csvHeader());
  });
});
