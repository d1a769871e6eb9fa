import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { DomainError } from '@app/core/errors/domain-error';
import type { ReportDefinition } from './report-definition';
import { validReportParams } from './report-params';

class YearParams {
  @IsInt({ message: 'must be a year such as 2022' })
  @Min(2000, { message: 'must be a year such as 2022' })
  @Max(2100, { message: 'must be a year such as 2022' })
  year: number;
}
class CallParams {
  @IsUUID(undefined, { message: 'must be a call id' })
  callId: string;
}
class NoParams {}

const kind = <P extends object>(params: new () => P) => ({ params }) as unknown as ReportDefinition<P, unknown>;

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('validReportParams', () => {
  it('returns the params as plain data when the kind’s class accepts them', () => {
    const params = validReportParams(kind(YearParams), { year: 2022 });
    expect(params).toEqual({ year: 2022 });
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    const id = '6f1c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f';
    expect(validReportParams(kind(CallParams), { callId: id })).toEqual({ callId: id });
  });

  it('takes missing params as none: a kind without params accepts them, the others name the field', () => {
    expect(validReportParams(kind(NoParams), undefined)).toEqual({});
    expect(validReportParams(kind(NoParams), {})).toEqual({});
    const error = refusal(() => validReportParams(kind(CallParams), undefined));
    expect(error.code).toBe('report.params');
    expect(error.kind).toBe('invalid');
    expect(error.message).toBe('params.callId: must be a call id');
    expect(error.details).toEqual({ fields: [{ field: 'params.callId', constraints: ['isUuid'] }] });
  });

  it('refuses a bad value, converting nothing: "2022" is not a year', () => {
    expect(refusal(() => validReportParams(kind(YearParams), { year: '2022' })).message).toContain(
      'params.year: must be a year such as 2022',
    );
    expect(refusal(() => validReportParams(kind(YearParams), { year: 1999 })).details).toEqual({
      fields: [{ field: 'params.year', constraints: ['min'] }],
    });
  });

  it('refuses unknown parameters, naming them', () => {
    const error = refusal(() => validReportParams(kind(NoParams), { year: 2022 }));
    expect(error.code).toBe('report.params');
    expect(error.details).toEqual({ fields: [{ field: 'params.year', constraints: ['whitelistValidation'] }] });
    expect(refusal(() => validReportParams(kind(CallParams), { callId: 'x', bogus: 1 })).message).toMatch(
      /params\.bogus: /,
    );
  });

  it('refuses params that are not an object', () => {
    expect(refusal(() => validReportParams(kind(NoParams), [])).message).toBe('params: must be an object');
    expect(refusal(() => validReportParams(kind(NoParams), 'x')).message).toBe('params: must be an object');
  });
});
