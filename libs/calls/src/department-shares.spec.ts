import { splitCents } from './department-shares';

const equal = (...codes: string[]) => codes.map((code) => ({ code, shareBp: null }));
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

describe('splitCents', () => {
  it('splits in equal shares by default, to the cent', () => {
    const parts = splitCents(10_000, equal('31', '32', '34'));
    expect([...parts.entries()]).toEqual([
      ['31', 3334],
      ['32', 3333],
      ['34', 3333],
    ]);
  });

  it('follows declared shares', () => {
    const parts = splitCents(100_001, [
      { code: '09', shareBp: 7000 },
      { code: '31', shareBp: 3000 },
    ]);
    expect(parts.get('09')).toBe(70_001);
    expect(parts.get('31')).toBe(30_000);
  });

  it('always adds up to the amount', () => {
    for (const amount of [1, 7, 99, 1_000_003, 170_000_000]) {
      expect(sum(splitCents(amount, equal('09', '11', '12', '30', '31', '32', '34')))).toBe(amount);
    }
  });

  it('gives everything to the only department, and nothing to none', () => {
    expect(splitCents(12345, equal('48')).get('48')).toBe(12345);
    expect(splitCents(12345, []).size).toBe(0);
  });
});
