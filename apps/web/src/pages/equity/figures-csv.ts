import type { EquityContractsDto, EquityFundingDto, EquityPublicsDto } from '../../api/client';
import { PARTICIPATION_LEVEL_LABELS, TARGET_PUBLIC_LABELS } from '@app/vocabulary';
import { quintileLabel } from './equity-reading';

/** A cell: text (names, labels typed by someone) or a number (written with a decimal comma). */
type Cell = string | number | null;

/** One table of the file, under its title line. */
interface CsvSection {
  title: string;
  headers: string[];
  rows: Cell[][];
}

/**
 * Starts that make a spreadsheet run a cell as a formula (OWASP "CSV injection"): an indicator's label
 * or source is typed by someone, and `=HYPERLINK(…)` there must stay text. Same rule as the API's
 * exports (libs/core's csv), which the browser cannot import.
 */
const FORMULA_LIKE = /^['=+\-@\t\r]/;

function textCell(text: string): string {
  // A leading apostrophe makes the spreadsheet keep the cell as text; quoting keeps it with the cell.
  const safe = FORMULA_LIKE.test(text) ? `'${text}` : text;
  return safe !== text || /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cell(value: Cell): string {
  if (value === null) return '';
  // French spreadsheets read "12,5" as a number; a number is never neutralised (-0,12 stays a number).
  return typeof value === 'number' ? String(value).replace('.', ',') : textCell(value);
}

const line = (cells: Cell[]) => `${cells.map(cell).join(';')}\r\n`;

/**
 * The file: a UTF-8 byte order mark (spreadsheets then read the accents), then each table under its
 * title, a blank line between them, `;` between cells.
 */
export function toCsv(sections: readonly CsvSection[]): string {
  return `\uFEFF${sections.map((s) => line([s.title]) + line(s.headers) + s.rows.map(line).join('')).join('\r\n')}`;
}

const euros = (cents: number | null) => (cents === null ? null : cents / 100);

/** Every figure of the screen, table by table, as the screen shows them (amounts in euros). */
export function equityFiguresCsv(
  scope: string,
  funding: EquityFundingDto,
  publics: EquityPublicsDto,
  contracts?: EquityContractsDto,
): string {
  const { indicator } = funding;
  const sections: CsvSection[] = [
    {
      title: `Équité — ${scope}`,
      headers: ['Indicateur', 'Unité', 'Source', 'Année', 'Indice de concentration'],
      rows: [[indicator.label, indicator.unit, indicator.source, indicator.year, funding.concentrationIndex]],
    },
    {
      title: 'Par département',
      headers: [
        'Code',
        'Département',
        'Population',
        'Engagé (€)',
        'Versé (€)',
        'Engagé par habitant (€)',
        `Indicateur (${indicator.unit})`,
        'Rang fractionnaire',
        'Quintile',
      ],
      rows: funding.items.map((d) => [
        d.code,
        d.name,
        d.population,
        euros(d.committedCents),
        euros(d.paidCents),
        euros(d.committedPerInhabitantCents),
        d.indicatorValue,
        d.rank,
        d.quintile,
      ]),
    },
    {
      title: 'Par quintile de défavorisation',
      headers: ['Quintile', 'Population', 'Engagé (€)', 'Engagé par habitant (€)'],
      rows: funding.byQuintile.map((q) => [
        quintileLabel(q.quintile),
        q.population,
        euros(q.committedCents),
        euros(q.committedPerInhabitantCents),
      ]),
    },
  ];
  if (contracts)
    sections.push({
      title: `Couverture par les contrats locaux de santé signés — ${contracts.indicator.label}`,
      headers: ['Quintile', 'Population', 'Population couverte', 'Taux de couverture'],
      rows: contracts.byQuintile.map((q) => [
        quintileLabel(q.quintile),
        q.population,
        q.coveredPopulation,
        q.coverageRate,
      ]),
    });
  sections.push(
    {
      title: 'Par public cible',
      headers: ['Public cible', 'Projets', 'Engagé (€)'],
      rows: publics.items.map((p) => [TARGET_PUBLIC_LABELS[p.targetPublic], p.projects, euros(p.committedCents)]),
    },
    {
      title: 'Par participation des personnes concernées',
      headers: ['Participation', 'Projets', 'Engagé (€)'],
      rows: publics.participation.map((p) => [
        PARTICIPATION_LEVEL_LABELS[p.level],
        p.projects,
        euros(p.committedCents),
      ]),
    },
  );
  return toCsv(sections);
}
