import type { PdfReport } from '@app/reports';
import type { DepartmentDirectoryEntryDto } from '../dto/department.dto';

const VACANCY = 'en cours de désignation';
const populationFormat = new Intl.NumberFormat('fr-FR');

/**
 * Draws the directory: plain code, importable without Nest, so that a rendering thread loads only this
 * (see the worker's render pool).
 */
export function drawDirectory(pdf: PdfReport, data: DepartmentDirectoryEntryDto[]): void {
  pdf.heading('Référents par département');
  pdf.table({
    headers: ['Code', 'Département', 'Population', 'Référent(s)'],
    widths: [0.6, 2, 1.2, 3],
    numeric: [2],
    rows: data.map((d) => [
      d.code,
      d.name,
      populationFormat.format(d.population),
      d.referents.length > 0 ? d.referents.map((r) => r.displayName).join(', ') : `« ${VACANCY} »`,
    ]),
  });
}
