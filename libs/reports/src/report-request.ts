import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { REPORT_KINDS, type ReportKind } from './report-lifecycle';

/** One kind's request, as OpenAPI documents it; `kind` is also a static, for the body's discriminator. */
export interface ReportRequestType<K extends ReportKind = ReportKind> extends Type<{ kind: K; params?: object }> {
  readonly kind: K;
}

const pascal = (kind: string) => kind.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());

/**
 * The documented shape of one kind's request to POST /api/reports: `{ kind, params }` with that kind's
 * params class, named `<Kind>ReportRequestDto` (`attendance_sheet` → `AttendanceSheetReportRequestDto`).
 * `params` may be left out only by a kind that takes none.
 */
export function reportRequestDto<K extends ReportKind>(
  kind: K,
  params: Type<object>,
  options: { paramsOptional?: boolean } = {},
): ReportRequestType<K> {
  class ReportRequest {
    static readonly kind = kind;

    @ApiProperty({ enum: [kind] })
    kind: K;

    @ApiProperty({ type: () => params, required: !options.paramsOptional })
    params?: object;
  }
  Object.defineProperty(ReportRequest, 'name', { value: `${pascal(kind)}ReportRequestDto` });
  return ReportRequest;
}

/**
 * POST /api/reports' body in OpenAPI: one branch per kind, told apart by `kind` (`oneOf` with a
 * `discriminator`). Every kind of the vocabulary must have its branch: a kind left out fails at load.
 */
export function ApiReportRequestBody(...requests: ReportRequestType[]): MethodDecorator {
  const missing = REPORT_KINDS.filter((kind) => !requests.some((r) => r.kind === kind));
  if (missing.length > 0) throw new Error(`POST /api/reports documents no request for: ${missing.join(', ')}`);
  return applyDecorators(
    ApiExtraModels(...requests),
    ApiBody({
      schema: {
        oneOf: requests.map((r) => ({ $ref: getSchemaPath(r) })),
        discriminator: {
          propertyName: 'kind',
          mapping: Object.fromEntries(requests.map((r) => [r.kind, getSchemaPath(r)])),
        },
      },
    }),
  );
}
