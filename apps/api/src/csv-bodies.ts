import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * A commune-level indicator file of Occitanie (4,446 lines) weighs about 100 kB; extra columns as INSEE
 * publishes them stay far below this. Larger → 413 before anything is read.
 */
export const CSV_BODY_LIMIT = 2_097_152;

/**
 * `text/csv` request bodies (PUT /api/indicators/:code/values) reach the controller as one string, read
 * as UTF-8; the service parses it and names every bad line.
 */
export function acceptCsvBodies(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
}
