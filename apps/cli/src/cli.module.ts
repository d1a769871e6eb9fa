import { Module } from '@nestjs/common';
import { AppConfigModule, DatabaseModule, JobsModule } from '@app/core';
import { CallsModule } from '@app/calls';
import { ContractsModule } from '@app/contracts';
import { EquityModule } from '@app/equity';
import { GovernanceModule } from '@app/governance';
import { IdentityModule } from '@app/identity';
import { RoadmapModule } from '@app/roadmap';
import { TerritoryModule } from '@app/territory';
import { CallsSeeder } from './demo/calls-seeder';
import { CommissionSeeder } from './demo/commission-seeder';
import { EquitySeeder } from './demo/equity-seeder';
import { RoadmapContractsSeeder } from './demo/roadmap-contracts-seeder';
import { DemoSeeder } from './demo/demo-seeder';

@Module({
  imports: [
    AppConfigModule,
    DatabaseModule.forApp('iss-cli', 'maintenance'),
    JobsModule.forRole('producer'),
    IdentityModule,
    GovernanceModule,
    CallsModule,
    RoadmapModule,
    ContractsModule,
    EquityModule,
    TerritoryModule,
  ],
  providers: [DemoSeeder, CommissionSeeder, CallsSeeder, RoadmapContractsSeeder, EquitySeeder],
})
export class CliModule {}
