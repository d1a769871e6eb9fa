import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
// Core's modules, not its barrel: the unit spec loads no Nest.
import { DomainError } from '@app/core/errors/domain-error';
import { failedFields } from '@app/core/validation/failed-fields';
import type { ReportDefinition } from './report-definition';
import { ReportsErrorCode } from './reports.errors';

/**
 * A report's params checked against its kind's params class: unknown keys refused, nothing converted
 * (`"2022"` is not the year 2022). 400 `report.params` whose message names each bad field
 * (`params.year: …`) and whose `details.fields` lists them with the rules they broke, as for a body.
 * Returns plain data: what is stored, fingerprinted and passed to the kind.
 */
export function validReportParams<P extends object>(definition: ReportDefinition<P, unknown>, raw: unknown): P {
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw)))
    throw DomainError.invalid(ReportsErrorCode.ReportParams, 'params: must be an object');
  const params = plainToInstance(definition.params, raw ?? {});
  // forbidUnknownValues off: a kind without params (the directory) has a class without rules.
  const errors = validateSync(params, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
  if (errors.length > 0) {
    const fields = failedFields(errors, 'params');
    const messages = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `params.${e.property}: ${m}`));
    throw DomainError.invalid(ReportsErrorCode.ReportParams, messages.join('; '), { fields });
  }
  return { ...params };
}
