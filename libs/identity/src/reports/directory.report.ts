import { Injectable } from '@nestjs/common';
import { Actor } from '@app/core';
import { ReportDefinition } from '@app/reports';
import { REPORT_KIND_LABELS } from '@app/vocabulary';
import { DepartmentDirectoryService } from '../department-directory.service';
import { DepartmentDirectoryEntryDto } from '../dto/department.dto';
import { identityPolicy } from '../identity.policy';
import { DirectoryReportParamsDto } from './directory-report.dto';
import { drawDirectory } from './directory.drawing';

/** The referent network: every department of the region, its referents, vacancies shown as such. */
@Injectable()
export class DirectoryReport implements ReportDefinition<DirectoryReportParamsDto, DepartmentDirectoryEntryDto[]> {
  readonly kind = 'directory' as const;
  readonly params = DirectoryReportParamsDto;

  constructor(private readonly directory: DepartmentDirectoryService) {}

  /** Whoever reads GET /api/departments: every signed-in account. */
  async authorize(actor: Actor): Promise<void> {
    identityPolicy.assert(actor, 'readDirectory');
  }

  collect(): Promise<DepartmentDirectoryEntryDto[]> {
    return this.directory.list();
  }

  dataVersion(): Promise<string> {
    return this.directory.version();
  }

  title(): string {
    return REPORT_KIND_LABELS[this.kind];
  }

  scope(_params: DirectoryReportParamsDto, data: DepartmentDirectoryEntryDto[]): string {
    const vacant = data.filter((d) => d.referents.length === 0).length;
    return `Région Occitanie — ${data.length} départements, ${vacant} poste(s) de référent en cours de désignation`;
  }

  readonly render = drawDirectory;
}
