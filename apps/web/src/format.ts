/** French formats for what the API sends: cents, ISO dates, byte counts. */
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
/** The one date format of the app: "30 nov. 2026", and "30 nov. 2026 à 05:42" with the time, in Paris. */
const dates = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' });
const times = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' });
const numbers = new Intl.NumberFormat('fr-FR');
const rates = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/** How every screen names a department: "Haute-Garonne (31)". */
export function departmentLabel(department: { code: string; name: string }): string {
  return `${department.name} (${department.code})`;
}

export function formatEuros(cents: number | string): string {
  return euros.format(Number(cents) / 100);
}

/** A day ("2026-11-30") or an instant, as "30 nov. 2026". */
export function formatDate(iso: string): string {
  return dates.format(new Date(iso));
}

/** An instant, as "30 nov. 2026 à 05:42" (Paris time). */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  return `${dates.format(at)} à ${times.format(at)}`;
}

/** A count and its noun, plural from 2 as French has it: "1 siège", "23 sièges", "0 présent". */
export function formatCount(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count > 1 ? plural : noun}`;
}

/** A count of people, inhabitants…: "81 545". */
export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** A fraction between 0 and 1 as a French percentage: 0.3721 → "37,2 %". */
export function formatRate(fraction: number): string {
  return rates.format(fraction);
}

export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} ko`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
}

/** Hundredths of a number typed with up to two decimals, a comma or a point, `unit` and spaces aside; null when it is not one. */
function hundredths(text: string, unit: string): number | null {
  const normalized = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(unit, '')
    .replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalized)) return null;
  return Math.round(Number(normalized) * 100);
}

/** Cents from what a person types in euros ("60 000", "1 234,5", "99.90"); null when it is not an amount. */
export function parseEuros(text: string): number | null {
  return hundredths(text, '€');
}

/** Cents as a person would type them back in euros ("6000,5" → "6000,50"), to prefill a field. */
export function eurosInput(cents: number): string {
  return (cents / 100).toFixed(2).replace('.', ',');
}

/** Basis points from a percentage typed with up to two decimals ("62,5" → 6250); null when it is not one. */
export function parsePercent(text: string): number | null {
  return hundredths(text, '%');
}

/** Basis points as a French percentage, to show or to prefill a field ("6250" → "62,5"). */
export function percentOf(basisPoints: number): string {
  return String(basisPoints / 100).replace('.', ',');
}
