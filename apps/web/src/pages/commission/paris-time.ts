/** Paris wall-clock times for the forms (the API takes instants with their offset). Pure, unit-tested. */

/** The calendar day in Europe/Paris of an instant (today by default), as YYYY-MM-DD. */
export function parisDay(at: Date = new Date()): string {
  return at.toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
}

/** A `datetime-local` value ("2026-12-15T14:00") read as Paris time, with the offset in force that day. */
export function withParisOffset(local: string): string {
  const asUtc = new Date(`${local}:00Z`);
  const paris = new Date(asUtc.toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  const utc = new Date(asUtc.toLocaleString('en-US', { timeZone: 'UTC' }));
  const minutes = Math.round((paris.getTime() - utc.getTime()) / 60_000);
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local}:00${minutes < 0 ? '-' : '+'}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}
