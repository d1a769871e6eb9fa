/** UTF-8 byte order mark: French spreadsheet software then reads the accents right. */
export const CSV_BOM = '\uFEFF';

/** `;`-separated, quoted only where needed (RFC 4180 rules with `;` as the separator). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: (string | number | null)[]): string {
  return `${values.map(csvField).join(';')}\r\n`;
}
