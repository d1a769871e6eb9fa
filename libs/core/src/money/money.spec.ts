import { centsFromDb, eurosDecimal, formatEuros } from './money';

describe('money', () => {
  it('reads bigint strings as integer cents', () => {
    expect(centsFromDb('170000000')).toBe(170000000);
    expect(centsFromDb(null)).toBe(0);
    expect(() => centsFromDb('1.5')).toThrow(RangeError);
  });

  it('writes euros with a decimal comma, exactly', () => {
    expect(eurosDecimal(170000000)).toBe('1700000,00');
    expect(eurosDecimal(5)).toBe('0,05');
    expect(eurosDecimal(-1234)).toBe('-12,34');
  });

  it('formats euros the French way', () => {
    expect(formatEuros(123456)).toMatch(/^1\s234,56\s€$/);
  });
});
