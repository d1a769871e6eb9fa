/**
 * How the equity screen says its figures in French (docs/equity.md, « Lecture »). Pure module: its spec
 * runs in the unit project.
 */

const index = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 4, maximumFractionDigits: 4 });

/** The concentration index as the API rounds it, to 4 decimals: "0,1071", "-0,0420"; "—" when there is none. */
export function formatIndex(value: number | null): string {
  return value === null ? '—' : index.format(value);
}

/** The one sentence that reads the concentration index, by its sign. */
export function concentrationReading(value: number | null): string {
  if (value === null) return 'Rien n’est engagé : il n’y a pas de financement à répartir, donc pas d’indice.';
  if (value > 0) return 'Au-dessus de 0 : le financement par habitant croît avec la défavorisation.';
  if (value < 0)
    return 'En dessous de 0 : le financement par habitant se concentre sur les territoires les moins défavorisés.';
  return 'Égal à 0 : le même montant par habitant partout, quel que soit le niveau de défavorisation.';
}

/** A quintile's name, its direction spelt out at both ends. */
export function quintileLabel(quintile: number): string {
  if (quintile === 1) return 'Quintile 1 (le moins défavorisé)';
  if (quintile === 5) return 'Quintile 5 (le plus défavorisé)';
  return `Quintile ${quintile}`;
}

/** A fractional rank R_i, to 4 decimals as the API gives it. */
export function formatRank(rank: number): string {
  return index.format(rank);
}

/** An indicator's value with its unit: "18,6 %", "1,25 indice". */
export function formatIndicatorValue(value: number, unit: string): string {
  return `${value.toLocaleString('fr-FR', { maximumFractionDigits: 2 })} ${unit}`;
}
