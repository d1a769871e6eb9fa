import { Transform } from 'node:stream';
import { CSV_BOM } from '@app/core/csv/csv';

const HEADERS = [
  'annee_appel',
  'appel',
  'axe',
  'projet_id',
  'projet',
  'porteur',
  'departements',
  'subvention_id',
  'engagement_juridique',
  'ligne',
  'versement_id',
  'type_versement',
  'date_versement',
  'montant_centimes',
  'montant_euros',
];

export function csvHeader(): string {
  return `${CSV_BOM}${HEADERS.join(';')}\r\n`;
}

/**
 * The CSV lines PostgreSQL writes (FundingRepository.streamCsvLines) behind the BOM and the header,
 * passed on chunk by chunk as they come: the whole file never sits in memory, nor is it read again.
 */
export function withCsvHeader(): Transform {
  let header: string | null = csvHeader();
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (header !== null) {
        this.push(header);
        header = null;
      }
      done(null, chunk);
    },
    flush(done) {
      done(null, header ?? undefined);
    },
  });
}
