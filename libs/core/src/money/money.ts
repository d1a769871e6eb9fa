/**
 * Money is integer euro cents. PostgreSQL bigint arrives from `pg` as a string; these helpers
 * convert at the edge and refuse anything that is not a safe integer.
 */
export type Cents = number;

export function centsFromDb(value: string | number | null | undefined): Cents {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not an integer amount of cents: ${value}`);
  return n;
}

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** "1 700 000,00 €" — for PDFs and the UI. */
export function formatEuros(cents: Cents): string {
  return euroFormat.format(cents / 100);
}

/** "1700000,00" — a spreadsheet-friendly decimal with a comma, exact for any safe cents value. */
export function eurosDecimal(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
