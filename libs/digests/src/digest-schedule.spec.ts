import { digestWeekDue, isoWeek, parisClock } from './digest-schedule';

describe('when the weekly digest is due', () => {
  it('reads the weekday and hour in Paris time', () => {
    // Monday 7 December 2026, 07:30 UTC = 08:30 in Paris (winter time)
    expect(parisClock(new Date('2026-12-07T07:30:00Z'))).toEqual({ day: '2026-12-07', weekday: 1, hour: 8 });
    // Sunday 29 March 2026, 23:30 UTC = Monday 01:30 in Paris (summer time)
    expect(parisClock(new Date('2026-03-29T23:30:00Z'))).toEqual({ day: '2026-03-30', weekday: 1, hour: 1 });
  });

  it('names the ISO week, the year being its Thursday’s', () => {
    expect(isoWeek('2026-12-07')).toBe('2026-W50');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
  });

  it('is due from the configured weekday and hour to the end of the week, not before', () => {
    expect(digestWeekDue(new Date('2026-12-07T06:59:00Z'), 1, 8)).toBeNull(); // Monday 07:59
    expect(digestWeekDue(new Date('2026-12-07T07:00:00Z'), 1, 8)).toBe('2026-W50'); // Monday 08:00
    expect(digestWeekDue(new Date('2026-12-10T03:00:00Z'), 1, 8)).toBe('2026-W50'); // Thursday
    expect(digestWeekDue(new Date('2026-12-08T10:00:00Z'), 3, 8)).toBeNull(); // Tuesday, due Wednesday
  });
});
