import { DomainError } from '../errors/domain-error';
import { assertCsvRows, assertCsvSize } from './import-limits';

const limits = { maxBytes: 10, maxRows: 2 };
const refusal = (check: () => void) => {
  try {
    check();
  } catch (error) {
    return { kind: (error as DomainError).kind, message: (error as DomainError).message };
  }
  return undefined;
};

describe('CSV import limits', () => {
  it('counts the size in UTF-8 bytes, not characters, and names the cap', () => {
    expect(refusal(() => assertCsvSize('csv', 'é'.repeat(5), limits))).toBeUndefined();
    expect(refusal(() => assertCsvSize('csv', 'é'.repeat(6), limits))).toEqual({
      kind: 'too_large',
      message: 'csv : le fichier fait 12 octets, un import en accepte au plus 10',
    });
  });

  it('refuses more data rows than the cap as bad input naming the field and the cap', () => {
    expect(refusal(() => assertCsvRows('csv', 2, limits))).toBeUndefined();
    expect(refusal(() => assertCsvRows('csv', 3, limits))).toEqual({
      kind: 'invalid',
      message: 'csv : 3 lignes de données, un import en accepte au plus 2',
    });
  });
});
