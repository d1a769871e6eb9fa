import { formatIndex, formatRate } from './equity-format';

describe('the equity report’s numbers', () => {
  it('prints the concentration index to 4 decimals, in French, with a true minus sign', () => {
    expect(formatIndex(0.1071)).toBe('0,1071');
    expect(formatIndex(-0.0341)).toBe('−0,0341');
    expect(formatIndex(0)).toBe('0,0000');
    expect(formatIndex(null)).toBe('non calculable (rien n’est engagé)');
  });

  it('prints a coverage rate as a percentage to one decimal', () => {
    expect(formatRate(0.4907)).toBe('49,1\u00a0%');
    expect(formatRate(0)).toBe('0,0\u00a0%');
  });
});
