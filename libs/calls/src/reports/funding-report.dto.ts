import { IsUUID } from 'class-validator';
import { reportRequestDto } from '@app/reports';

export class FundingReportParamsDto {
  /** The call whose funding the report sums up. */
  @IsUUID(undefined, { message: 'must be a call id' })
  callId: string;
}

export const FundingReportRequestDto = reportRequestDto('funding', FundingReportParamsDto);
