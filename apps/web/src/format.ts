/** French formats for what the API sends: cents, ISO dates, byte counts. */
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const dates = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const dateTimes = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

export function formatEuros(cents: number | string): string {
  return euros.format(Number(cents) / 100);
}

export function formatDate(iso: string): string {
  return dates.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimes.format(new Date(iso));
}

export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} ko`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
}
