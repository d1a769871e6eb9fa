import { declaredShares, sharesProblem, splitCents } from './department-shares';

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

describe('sharesProblem', () => {
  const share = (departmentCode: string, shareBp: number) => ({ departmentCode, shareBp });

  it('accepts each department once, adding up to 100 %', () => {
    expect(sharesProblem(['31', '34'], [share('34', 2500), share('31', 7500)])).toBeNull();
  });

  it('names what is wrong otherwise', () => {
    expect(sharesProblem(['31', '34'], [share('31', 6000), share('34', 3000)])).toMatch('90 %, not 100 %');
    expect(sharesProblem(['31', '34'], [share('31', 6000), share('09', 4000)])).toMatch('09 not a department');
    expect(sharesProblem(['31', '34'], [share('31', 10_000)])).toMatch('exactly once');
    expect(sharesProblem(['31', '34'], [share('31', 5000), share('31', 5000)])).toMatch('exactly once');
  });
});

describe('declaredShares', () => {
  it('gives the shares when every department declares one, none for equal shares', () => {
    expect(declaredShares([{ departmentCode: '31', shareBp: 10_000 }])).toEqual([
      { departmentCode: '31', shareBp: 10_000 },
    ]);
    expect(declaredShares([{ departmentCode: '31', shareBp: null }])).toEqual([]);
  });
});
