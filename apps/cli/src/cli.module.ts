import { Module } from '@nestjs/common';
import { AppConfigModule, DatabaseModule, JobsModule } from '@app/core';
import { CallsModule } from '@app/calls';
import { GovernanceModule } from '@app/governance';
import { IdentityModule } from '@app/identity';
import { CallsSeeder } from './demo/calls-seeder';
import { CommissionSeeder } from './demo/commission-seeder';
import { DemoSeeder } from './demo/demo-seeder';

@Module({
  imports: [
    AppConfigModule,
    DatabaseModule.forApp('iss-cli'),
    JobsModule.forRole('producer'),
    IdentityModule,
    GovernanceModule,
    CallsModule,
  ],
  providers: [DemoSeeder, CommissionSeeder, CallsSeeder],
})
export class CliModule {}
