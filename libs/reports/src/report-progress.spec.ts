import { progressPercent, ProgressThrottle } from './report-progress';

describe('progressPercent', () => {
  it('scales the steps done to the rendering’s share, rounded down', () => {
    expect(progressPercent(0, 200)).toBe(0);
    expect(progressPercent(100, 200)).toBe(45);
    expect(progressPercent(200, 200)).toBe(90);
    expect(progressPercent(1, 3, 100)).toBe(33);
  });

  it('never says 100 before the report is done, nor leaves 0–99 on odd counts', () => {
    expect(progressPercent(10, 10, 100)).toBe(99);
    expect(progressPercent(12, 10)).toBe(90);
    expect(progressPercent(-1, 10)).toBe(0);
    expect(progressPercent(3, 0)).toBe(0);
    expect(progressPercent(3, Number.NaN)).toBe(0);
  });
});

describe('ProgressThrottle', () => {
  it('writes nothing within the first second: a quick report costs no write', () => {
    const throttle = new ProgressThrottle(0);
    expect([10, 50, 90].map((p, i) => throttle.due(p, 300 * i))).toEqual([null, null, null]);
  });

  it('writes at most once per interval, the latest percent, however many rows report', () => {
    const throttle = new ProgressThrottle(0);
    const written: number[] = [];
    // 10,000 rows over 5 s, each reporting: five writes, not 10,000.
    for (let row = 1; row <= 10_000; row++) {
      const percent = throttle.due(progressPercent(row, 10_000), row / 2);
      if (percent !== null) written.push(percent);
    }
    expect(written).toEqual([18, 36, 54, 72, 90]);
  });

  it('writes only a higher percent than the last written', () => {
    const throttle = new ProgressThrottle(0, 1000);
    expect(throttle.due(40, 1000)).toBe(40);
    expect(throttle.due(40, 2500)).toBeNull();
    expect(throttle.due(30, 3000)).toBeNull();
    expect(throttle.due(41, 3000)).toBe(41);
    expect(throttle.due(60, 3999)).toBeNull();
  });
});
