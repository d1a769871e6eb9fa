import { concentrationReading, formatIndex, formatIndicatorValue, quintileLabel } from './equity-reading';

describe('the reading of the equity figures', () => {
  it('reads the concentration index by its sign, and says why there is none', () => {
    expect(concentrationReading(0.1071)).toBe(
      'Au-dessus de 0 : le financement par habitant croît avec la défavorisation.',
    );
    expect(concentrationReading(-0.2)).toMatch(/^En dessous de 0 : .* moins défavorisés\.$/);
    expect(concentrationReading(0)).toMatch(/^Égal à 0 : le même montant par habitant partout/);
    expect(concentrationReading(null)).toMatch(/^Rien n’est engagé/);
  });

  it('writes the index to 4 decimals in French', () => {
    expect(formatIndex(0.1071)).toBe('0,1071');
    expect(formatIndex(-0.05)).toBe('-0,0500');
    expect(formatIndex(null)).toBe('—');
  });

  it('names the quintiles with their direction and the values with their unit', () => {
    expect(quintileLabel(1)).toBe('Quintile 1 (le moins défavorisé)');
    expect(quintileLabel(3)).toBe('Quintile 3');
    expect(quintileLabel(5)).toBe('Quintile 5 (le plus défavorisé)');
    expect(formatIndicatorValue(18.6, '%')).toBe('18,6 %');
  });
});
