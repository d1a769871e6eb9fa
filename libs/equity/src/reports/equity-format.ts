/** "0,1071", "−0,0420": the concentration index to 4 decimals, as the API gives it, in French. */
export function formatIndex(index: number | null): string {
  if (index === null) return 'non calculable (rien n’est engagé)';
  return index.toFixed(4).replace('.', ',').replace('-', '−');
}

/** A rate between 0 and 1 as a French percentage to one decimal: 0.4907 → "49,1 %". */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(1).replace('.', ',')}\u00a0%`;
}
