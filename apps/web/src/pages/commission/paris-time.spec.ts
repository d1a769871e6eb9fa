import { parisDay, withParisOffset } from './paris-time';

describe('Paris wall-clock times in the forms', () => {
  it('gives winter times the +01:00 offset and summer times +02:00', () => {
    expect(withParisOffset('2026-12-15T14:00')).toBe('2026-12-15T14:00:00+01:00');
    expect(withParisOffset('2026-06-18T14:00')).toBe('2026-06-18T14:00:00+02:00');
  });

  it('takes today as the Paris calendar day, not the UTC one', () => {
    expect(parisDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
