import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { CallsService, FundingExportQueryDto, FundingService } from '@app/calls';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RateLimited } from '../rate-limits/rate-limits';
import { ApiFile } from '../openapi/api-file';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly funding: FundingService,
    private readonly calls: CallsService,
  ) {}

  /** One row per payment and per unpaid grant balance; UTF-8 with BOM, `;`-separated, streamed. */
  @RateLimited('exports')
  @Get('funding.csv')
  @ApiFile('The ledger as CSV', 'text/csv')
  async exportFundingCsv(@CurrentActor() actor: Actor, @Query() query: FundingExportQueryDto): Promise<StreamableFile> {
    const stream = await this.funding.exportCsv(actor, query.callId);
    return new StreamableFile(stream, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="financements-${query.callId}.csv"`,
    });
  }

  /** The same ledger as a workbook: synthesis, by axis, by department, and every row. */
  @RateLimited('exports')
  @Get('funding.xlsx')
  @ApiFile('The ledger as a workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async exportFundingXlsx(
    @CurrentActor() actor: Actor,
    @Query() query: FundingExportQueryDto,
  ): Promise<StreamableFile> {
    const stream = await this.calls.exportXlsx(actor, query.callId);
    return new StreamableFile(stream, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="financements-${query.callId}.xlsx"`,
    });
  }
}
