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

/** Cents from what a person types in euros ("60 000", "1 234,5", "99.90"); null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const normalized = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalized)) return null;
  return Math.round(Number(normalized) * 100);
}
