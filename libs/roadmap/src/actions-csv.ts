import { parse } from 'csv-parse/sync';
import { CSV_BOM, csvRow, fromCsvText } from '@app/core/csv/csv';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus } from '@app/vocabulary';
import type { ActionDto, ImportedColumn, UpdateActionDto } from './dto/roadmap.dto';

/** The columns a department's referent edits offline and imports back; the others are for reading. */
export const ACTION_CSV_COLUMNS = [
  'id',
  'version',
  'axe',
  'titre',
  'pilote',
  'departements',
  'statut',
  'avancement',
  'commentaire',
] as const;

/** A status as the file gives it: the word the export writes ("En cours") or the API's code ("in_progress"). */
function readStatus(cell: string): ActionStatus | undefined {
  const word = cell.toLocaleLowerCase('fr');
  return ACTION_STATUSES.find((s) => s === cell || ACTION_STATUS_LABELS[s].toLocaleLowerCase('fr') === word);
}

/** Strings are written as text cells (a formula-like title or pilot neutralised), numbers as numbers. */
export function actionsCsv(actions: ActionDto[]): string {
  const lines = actions.map((a) =>
    csvRow([
      a.id,
      a.version,
      a.axisCode,
      a.title,
      a.pilot,
      a.departmentCodes.join(','),
      ACTION_STATUS_LABELS[a.status],
      a.progressPercent,
      '',
    ]),
  );
  return CSV_BOM + csvRow([...ACTION_CSV_COLUMNS]) + lines.join('');
}

const statusChoices = ACTION_STATUSES.map((s) => `${ACTION_STATUS_LABELS[s]} (${s})`).join(', ');

export type ParsedRow =
  | { line: number; id: string; update: UpdateActionDto }
  | { line: number; id: string | null; column: ImportedColumn; error: string };

/**
 * Parses the import; each row becomes an update to apply or a reason it cannot be. The comment, the one
 * text it takes, loses the `'` the export puts before a formula-like start, so an export reads back unchanged.
 */
export function parseActionsCsv(text: string): ParsedRow[] {
  const records: Record<string, string>[] = parse(text, {
    delimiter: ';',
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: true,
  });
  return records.map((r, i) => {
    const line = i + 2;
    const id = r.id || null;
    const version = Number(r.version);
    const progress = Number(r.avancement);
    if (!id || !/^[0-9a-f-]{36}$/i.test(id))
      return { line, id, column: 'id', error: 'id: missing or not an action id' };
    if (!Number.isInteger(version) || version < 1)
      return { line, id, column: 'version', error: 'version: must be a whole number' };
    const status = readStatus(r.statut ?? '');
    if (!status) return { line, id, column: 'statut', error: `statut: must be one of ${statusChoices}` };
    if (!Number.isInteger(progress) || progress < 0 || progress > 100)
      return { line, id, column: 'avancement', error: 'avancement: a whole percent from 0 to 100' };
    return {
      line,
      id,
      update: {
        version,
        status,
        progressPercent: progress,
        comment: fromCsvText(r.commentaire ?? '') || undefined,
      },
    };
  });
}
