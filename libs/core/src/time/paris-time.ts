const PARIS = 'Europe/Paris';

const dateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, dateStyle: 'long', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, dateStyle: 'long' });

/** Dates are stored in UTC; people read them in Europe/Paris. */
export function formatParisDateTime(date: Date): string {
  return dateTime.format(date);
}

export function formatParisDate(date: Date): string {
  return dateOnly.format(date);
}

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: PARIS, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) of an instant in Europe/Paris: a mandate in force "on" a meeting's day. */
export function parisDay(date: Date = new Date()): string {
  return isoDay.format(date);
}
