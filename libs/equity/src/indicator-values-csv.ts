import { parse } from 'csv-parse/sync';
import type { IndicatorLevel } from '@app/vocabulary';

/** The length of each level's codes, to give back the leading zeros a spreadsheet dropped. */
const CODE_LENGTH: Record<IndicatorLevel, number> = { department: 2, epci: 9, commune: 5 };
const CODE_NAME: Record<IndicatorLevel, string> = {
  department: 'code de département',
  epci: 'SIREN d’EPCI',
  commune: 'code commune INSEE',
};
/** Header names for the territory's code: ours, and INSEE's. */
const CODE_HEADERS = ['code', 'codgeo'];
const VALUE_HEADERS = ['valeur'];

export interface IndicatorValue {
  code: string;
  value: number;
}

export type IndicatorCsv = { values: IndicatorValue[]; errors?: never } | { errors: string[]; values?: never };

/**
 * Reads an indicator's values as observatories and INSEE publish them: UTF-8 with or without BOM, `;` or
 * `,` between columns (the header says which), a `code` (or INSEE's `CODGEO`) and a `valeur` column, a
 * decimal comma or point. Every bad line is named (`ligne N : …`, the header being line 1), so that one
 * correction pass fixes the file; the caller writes nothing unless there are none. A numeric code that
 * a spreadsheet shortened ("9" for Ariège, "9001" for Aigues-Juntes) gets its leading zeros back.
 */
export function parseIndicatorCsv(
  text: string,
  level: IndicatorLevel,
  isTerritory: (code: string) => boolean,
): IndicatorCsv {
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = headerLine.includes(';') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, csv-parse gives each record with the line it ends on (its typings miss that overload).
    records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    return { errors: [`ligne ${(error as { lines?: number }).lines ?? 1} : ${(error as Error).message}`] };
  }
  const header = records.shift()?.record.map((h) => h.trim().toLowerCase()) ?? [];
  const codeAt = header.findIndex((h) => CODE_HEADERS.includes(h));
  const valueAt = header.findIndex((h) => VALUE_HEADERS.includes(h));
  if (codeAt < 0 || valueAt < 0) {
    return {
      errors: [
        `ligne 1 : l’en-tête doit nommer les colonnes « code » (ou « CODGEO ») et « valeur », séparées par « ; » ou « , »`,
      ],
    };
  }
  if (records.length === 0) return { errors: ['ligne 2 : le fichier ne contient aucune valeur'] };
  const errors: string[] = [];
  const values: IndicatorValue[] = [];
  const seenOn = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const problem = rowProblem(record, header.length, codeAt, valueAt, level, isTerritory, seenOn);
    if (typeof problem === 'string') errors.push(`ligne ${line} : ${problem}`);
    else {
      seenOn.set(problem.code, line);
      values.push(problem);
    }
  }
  return errors.length ? { errors } : { values };
}

function rowProblem(
  record: string[],
  columns: number,
  codeAt: number,
  valueAt: number,
  level: IndicatorLevel,
  isTerritory: (code: string) => boolean,
  seenOn: Map<string, number>,
): IndicatorValue | string {
  if (record.length !== columns) {
    return `${record.length} colonne${record.length > 1 ? 's' : ''} au lieu de ${columns} (avec « , » entre les colonnes, une valeur à virgule décimale s’écrit entre guillemets)`;
  }
  const code = withLeadingZeros(record[codeAt].trim(), level);
  if (!code) return 'code manquant';
  if (!isTerritory(code)) return `« ${code} » n’est pas un ${CODE_NAME[level]} d’Occitanie`;
  const first = seenOn.get(code);
  if (first !== undefined) return `« ${code} » figure déjà ligne ${first}`;
  if (!record[valueAt].trim())
    return `valeur manquante pour « ${code} » (retirez la ligne d’un territoire sans valeur)`;
  const value = readNumber(record[valueAt]);
  if (value === null) return `valeur « ${record[valueAt].trim()} » non numérique pour « ${code} »`;
  return { code, value };
}

function withLeadingZeros(code: string, level: IndicatorLevel): string {
  return /^\d+$/.test(code) ? code.padStart(CODE_LENGTH[level], '0') : code.toUpperCase();
}

/** "12,5", "12.5", "-3", "1 234,5" (spaces, no-break spaces as thousands separators); null otherwise. */
function readNumber(cell: string): number | null {
  const plain = cell.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain) ? Number(plain) : null;
}
