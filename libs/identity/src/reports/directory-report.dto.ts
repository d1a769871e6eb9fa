import { reportRequestDto } from '@app/reports';

/** The directory report takes no parameter: `params` is `{}`, or left out. */
export class DirectoryReportParamsDto {}

export const DirectoryReportRequestDto = reportRequestDto('directory', DirectoryReportParamsDto, {
  paramsOptional: true,
});
