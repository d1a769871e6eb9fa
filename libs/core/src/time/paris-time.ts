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
