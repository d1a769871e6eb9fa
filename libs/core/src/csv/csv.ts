/** UTF-8 byte order mark: French spreadsheet software then reads the accents right. */
export const CSV_BOM = '\uFEFF';

/**
 * First characters that make Excel or LibreOffice read a cell as a formula (OWASP "CSV injection"):
 * `=HYPERLINK(…)` in a project title would become a live link, `+33 6…` in a pilot a sum.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** The prefix that makes a spreadsheet keep such a cell as text. */
const TEXT_PREFIX = "'";

/**
 * Apostrophes then a formula start: what `csvText` writes for a formula-like text, and also text that
 * merely starts that way. Each such text gets one more `'`, so removing one reads any of them back.
 */
const prefixed = (text: string) => /^'+[=+\-@\t\r]/.test(text);

/** RFC 4180 quoting with `;` as the separator: only where the text needs it. */
function quoted(text: string, force: boolean): string {
  return force || /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A text cell (a title, a name, a code typed by someone): quoted where needed, and, when it starts like
 * a formula, prefixed with `'` inside the quotes so that spreadsheets show it as the text it is.
 */
export function csvText(value: string | null): string {
  if (value === null) return '';
  // Text that already looks prefixed gets one more `'`, so that reading it back gives it unchanged.
  const neutralise = FORMULA_START.test(value) || prefixed(value);
  return neutralise ? quoted(TEXT_PREFIX + value, true) : quoted(value, false);
}

/** A numeric cell (cents, a year, a percent): written as is, so that a negative amount stays a number. */
export function csvNumber(value: number | null): string {
  return value === null ? '' : String(value);
}

/** One cell by its type: a string is text (neutralised), a number is a number. */
export function csvField(value: string | number | null): string {
  return typeof value === 'number' ? csvNumber(value) : csvText(value);
}

export function csvRow(values: (string | number | null)[]): string {
  return `${values.map(csvField).join(';')}\r\n`;
}

/**
 * A text cell read back from one of our own exports: the `'` that `csvText` put before a formula-like
 * start is removed, so that an export imported unchanged gives the same text. Anything else is kept.
 */
export function fromCsvText(cell: string): string {
  return prefixed(cell) ? cell.slice(1) : cell;
}
