/** Paris wall-clock parts of an instant: the day (YYYY-MM-DD), ISO weekday (Monday 1 … Sunday 7), hour. */
export function parisClock(now: Date): { day: string; weekday: number; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, weekday, hour: Number(parts.hour) };
}

/** The ISO 8601 week of a calendar day, `2026-W49`: the digest's key, one per person and week. */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the week's Thursday decides its year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * This week's digest is due once its time has come (the configured weekday and hour, Paris time) and
 * for the rest of the week: a worker that was down at that hour still sends it later.
 */
export function digestWeekDue(now: Date, weekday: number, hour: number): string | null {
  const clock = parisClock(now);
  const due = clock.weekday > weekday || (clock.weekday === weekday && clock.hour >= hour);
  return due ? isoWeek(clock.day) : null;
}
