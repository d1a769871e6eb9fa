import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CallsModule } from '@app/calls';
import { ContractsModule } from '@app/contracts';
import { ReportKindRegistry, ReportsModule } from '@app/reports';
import { TerritoryModule } from '@app/territory';
import { TerritorialIndicatorImportEntity } from './entities/territorial-indicator-import.entity';
import { TerritorialIndicatorValueEntity } from './entities/territorial-indicator-value.entity';
import { TerritorialIndicatorEntity } from './entities/territorial-indicator.entity';
import { EquityService } from './equity.service';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { EquityReport } from './reports/equity.report';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      TerritorialIndicatorEntity,
      TerritorialIndicatorValueEntity,
      TerritorialIndicatorImportEntity,
    ]),
    AuditModule,
    TerritoryModule,
    ReportsModule,
    CallsModule,
    ContractsModule,
  ],
  providers: [IndicatorsRepository, IndicatorsService, EquityService, EquityReport],
  exports: [IndicatorsService, EquityService],
})
export class EquityModule implements OnModuleInit {
  constructor(
    private readonly registry: ReportKindRegistry,
    private readonly report: EquityReport,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.report);
  }
}
