import { IsInt, Max, Min } from 'class-validator';
import { reportRequestDto } from '@app/reports';

const YEAR = { message: 'must be a year such as 2022' };

export class RoadmapReportParamsDto {
  /** The roadmap's year. */
  @IsInt(YEAR)
  @Min(2000, YEAR)
  @Max(2100, YEAR)
  year: number;
}

export const RoadmapReportRequestDto = reportRequestDto('roadmap', RoadmapReportParamsDto);
