import { reportRequestDto } from '@app/reports';
import { EquityFundingQueryDto } from '../dto/equity.dto';

/** `{ indicator, callId }` or `{ indicator, year }` (CONTRACT.md, "Equity"): the funding route's query. */
export class EquityReportParamsDto extends EquityFundingQueryDto {}

export const EquityReportRequestDto = reportRequestDto('equity', EquityReportParamsDto);
