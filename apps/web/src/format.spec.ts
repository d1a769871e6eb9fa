import {
  eurosInput,
  formatCount,
  formatDate,
  formatDateTime,
  formatEuros,
  parseEuros,
  parsePercent,
  percentOf,
} from './format';

describe('amounts in euros', () => {
  it('reads what people type, with spaces, a decimal comma or point and the euro sign', () => {
    expect(parseEuros('60 000')).toBe(6_000_000);
    expect(parseEuros('1 234,5')).toBe(123_450);
    expect(parseEuros('99.90 €')).toBe(9_990);
    expect(parseEuros('0,01')).toBe(1);
  });

  it('refuses what is not an amount in cents', () => {
    for (const text of ['', 'abc', '-5', '1,234', '12,345', '1e5']) expect(parseEuros(text)).toBeNull();
  });

  it('prints cents in French', () => {
    expect(formatEuros(120_000_000).replace(/\s/g, ' ')).toBe('1 200 000,00 €');
  });
});

describe('dates', () => {
  it('prints one format everywhere, days and instants, in Paris time', () => {
    expect(formatDate('2026-11-30')).toBe('30 nov. 2026');
    expect(formatDate('2026-02-01T10:00:00Z')).toBe('1 févr. 2026');
    expect(formatDateTime('2026-11-30T04:42:00Z')).toBe('30 nov. 2026 à 05:42');
    expect(formatDateTime('2026-07-14T21:30:00Z')).toBe('14 juil. 2026 à 23:30');
  });
});

describe('counts', () => {
  it('puts the noun in the plural from 2, as French does, with an irregular plural when given', () => {
    expect(formatCount(0, 'présent')).toBe('0 présent');
    expect(formatCount(1, 'siège pourvu', 'sièges pourvus')).toBe('1 siège pourvu');
    expect(formatCount(23, 'siège pourvu', 'sièges pourvus')).toBe('23 sièges pourvus');
    expect(formatCount(2, 'abstention')).toBe('2 abstentions');
  });
});

describe('fields prefilled and read back', () => {
  it('gives amounts back as typed, and reads them again', () => {
    expect(eurosInput(600_050)).toBe('6000,50');
    expect(parseEuros(eurosInput(600_050))).toBe(600_050);
  });

  it('reads percentages as basis points, and gives them back', () => {
    expect(parsePercent('62,5 %')).toBe(6250);
    expect(parsePercent('100')).toBe(10_000);
    for (const text of ['', 'x', '-3', '1,234']) expect(parsePercent(text)).toBeNull();
    expect(percentOf(6250)).toBe('62,5');
  });
});
