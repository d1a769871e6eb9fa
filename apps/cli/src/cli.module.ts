import { Module } from '@nestjs/common';
import { AppConfigModule, DatabaseModule, JobsModule } from '@app/core';
import { GovernanceModule } from '@app/governance';
import { IdentityModule } from '@app/identity';
import { CommissionSeeder } from './demo/commission-seeder';
import { DemoSeeder } from './demo/demo-seeder';

@Module({
  imports: [
    AppConfigModule,
    DatabaseModule.forApp('iss-cli'),
    JobsModule.forRole('producer'),
    IdentityModule,
    GovernanceModule,
  ],
  providers: [DemoSeeder, CommissionSeeder],
})
export class CliModule {}
