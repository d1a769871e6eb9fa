import { CoreErrorCode } from '../errors/core.errors';
import { DomainError } from '../errors/domain-error';

/** How much one CSV import may hold: checked before any row is applied. */
export interface CsvImportLimits {
  maxBytes: number;
  maxRows: number;
}

/** 413 when the file is over the size cap: checked before it is parsed. */
export function assertCsvSize(field: string, text: string, { maxBytes }: CsvImportLimits): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    throw new DomainError(
      'too_large',
      CoreErrorCode.CsvTooLarge,
      `${field} : le fichier fait ${bytes} octets, un import en accepte au plus ${maxBytes}`,
    );
  }
}

/** 400 when the file has more data rows than an import takes: nothing is applied. */
export function assertCsvRows(field: string, rows: number, { maxRows }: CsvImportLimits): void {
  if (rows > maxRows) {
    throw DomainError.invalid(
      CoreErrorCode.CsvTooManyRows,
      `${field} : ${rows} lignes de données, un import en accepte au plus ${maxRows}`,
    );
  }
}
