import { formatParisDateTime, parisDay } from './paris-time';

describe('Paris time', () => {
  it('gives the calendar day in Europe/Paris, not UTC', () => {
    expect(parisDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('formats instants for people in French', () => {
    expect(formatParisDateTime(new Date('2021-12-10T13:00:00Z'))).toMatch(/10 décembre 2021 à 14:00/);
  });
});
