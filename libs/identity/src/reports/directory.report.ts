import { Injectable } from '@nestjs/common';
import { Actor, DomainError } from '@app/core';
import { DepartmentDirectoryEntryDto, DepartmentDirectoryService } from '@app/identity';
import { REPORT_KIND_LABELS } from '@app/vocabulary';
import { PdfReport } from '../pdf/pdf-report';
import { ReportDefinition } from '../report-definition';
import { ReportsErrorCode } from '../reports.errors';

const VACANCY = 'en cours de désignation';
const populationFormat = new Intl.NumberFormat('fr-FR');

/** The referent network: every department of the region, its referents, vacancies shown as such. */
@Injectable()
export class DirectoryReport implements ReportDefinition<Record<string, never>, DepartmentDirectoryEntryDto[]> {
  readonly kind = 'directory' as const;

  constructor(private readonly directory: DepartmentDirectoryService) {}

  parseParams(raw: Record<string, unknown>): Record<string, never> {
    const unknown = Object.keys(raw);
    if (unknown.length > 0) {
      throw DomainError.invalid(
        ReportsErrorCode.ReportParams,
        `params: the directory report takes no parameter (got ${unknown.join(', ')})`,
      );
    }
    return {};
  }

  /** Every signed-in account may read the directory, as it reads GET /api/departments: no one to refuse. */
  async authorize(_actor: Actor): Promise<void> {}

  collect(): Promise<DepartmentDirectoryEntryDto[]> {
    return this.directory.list();
  }

  title(): string {
    return REPORT_KIND_LABELS[this.kind];
  }

  scope(_params: Record<string, never>, data: DepartmentDirectoryEntryDto[]): string {
    const vacant = data.filter((d) => d.referents.length === 0).length;
    return `Région Occitanie — ${data.length} départements, ${vacant} poste(s) de référent en cours de désignation`;
  }

  render(pdf: PdfReport, data: DepartmentDirectoryEntryDto[]): void {
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
}
