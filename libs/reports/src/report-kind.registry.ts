import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/core';
import { AnyReportDefinition, ReportDefinition } from './report-definition';
import { REPORT_KINDS, ReportKind } from './report-lifecycle';
import { ReportsErrorCode } from './reports.errors';

/** Report kinds by code, filled by the modules that own each kind's subject. */
@Injectable()
export class ReportKindRegistry {
  private readonly definitions = new Map<ReportKind, AnyReportDefinition>();

  register<P extends object, D>(definition: ReportDefinition<P, D>): void {
    if (this.definitions.has(definition.kind)) throw new Error(`Report kind ${definition.kind} registered twice`);
    this.definitions.set(definition.kind, definition as unknown as AnyReportDefinition);
  }

  get(kind: ReportKind): AnyReportDefinition {
    const definition = this.definitions.get(kind);
    if (!definition) {
      const available = REPORT_KINDS.filter((k) => this.definitions.has(k)).join(', ');
      throw DomainError.invalid(
        ReportsErrorCode.ReportKindUnavailable,
        `kind: ${kind} reports are not available yet (available: ${available})`,
      );
    }
    return definition;
  }
}
