import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvField, csvNumber, csvRow, csvText, fromCsvText } from './csv';

describe('CSV cells', () => {
  it('quotes only what needs it, with ; as separator', () => {
    expect(csvText('Association « Santé ; Solidarité »')).toBe('"Association « Santé ; Solidarité »"');
    expect(csvText('dit "bonjour"')).toBe('"dit ""bonjour"""');
    expect(csvText('simple')).toBe('simple');
    expect(csvText(null)).toBe('');
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+33 6 12 34 56 78', `"'+33 6 12 34 56 78"`],
    ['-10 % de retard', `"'-10 % de retard"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('makes a text cell that starts like a formula (%j) text, prefixed inside the quotes', (value, cell) => {
    expect(csvText(value)).toBe(cell);
  });

  it('leaves text that only contains those characters further on as it is', () => {
    expect(csvText('Santé = priorité')).toBe('Santé = priorité');
    expect(csvText('contact@ars.fr')).toBe('contact@ars.fr');
    expect(csvText("l'équipe")).toBe("l'équipe");
  });

  it('writes numbers as numbers, a negative amount included', () => {
    expect(csvNumber(-1250)).toBe('-1250');
    expect(csvNumber(0)).toBe('0');
    expect(csvNumber(null)).toBe('');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('-3')).toBe(`"'-3"`);
    expect(csvRow(['+33', 45, null])).toBe(`"'+33";45;\r\n`);
  });

  it('reads back exactly the text it wrote, through a CSV parser', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^'*[=+\-@\t\r]/)), (value) => {
        const [[cell]] = parse(csvText(value) + ';\r\n', { delimiter: ';', relax_quotes: false }) as string[][];
        expect(fromCsvText(cell)).toBe(value);
      }),
    );
  });

  it('keeps an apostrophe it did not add', () => {
    expect(fromCsvText("'bonjour")).toBe("'bonjour");
    expect(fromCsvText("l'avis")).toBe("l'avis");
    expect(fromCsvText("'=1")).toBe('=1');
    expect(csvText("'=1")).toBe(`"''=1"`);
    expect(fromCsvText("''=1")).toBe("'=1");
    expect(csvText("''=1")).toBe(`"'''=1"`);
  });
});
