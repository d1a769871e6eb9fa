/**
 * Whether a report's data holds at most `maxRows` rows, counting the items of every array in it (the
 * lists a report draws as table rows, bars or paragraphs). Stops counting past `maxRows`, so a ledger of
 * a million payments costs no more than a small report to tell apart.
 */
export function hasAtMostRows(data: unknown, maxRows: number): boolean {
  let rows = 0;
  const visit = (value: unknown): boolean => {
    if (value === null || typeof value !== 'object') return true;
    if (Array.isArray(value)) {
      rows += value.length;
      if (rows > maxRows) return false;
      return value.every(visit);
    }
    return Object.values(value).every(visit);
  };
  return visit(data);
}
