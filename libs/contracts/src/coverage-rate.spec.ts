import { rate } from './coverage-rate';

describe('coverage rate', () => {
  it('is the covered share of the population, to four decimals', () => {
    expect(rate(1_234_567, 6_000_000)).toBe(0.2058);
    expect(rate(6_000_000, 6_000_000)).toBe(1);
    expect(rate(0, 0)).toBe(0);
  });

  it('refuses a covered population above the whole (or negative) instead of reporting a rate above 1', () => {
    expect(() => rate(12_000_000, 6_000_000)).toThrow(/outside/);
    expect(() => rate(-1, 6_000_000)).toThrow(/outside/);
  });
});
