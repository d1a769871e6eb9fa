import { Module } from '@nestjs/common';
import { AppConfigModule, DatabaseModule } from '@app/core';
import { IdentityModule } from '@app/identity';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [AppConfigModule, DatabaseModule.forApp('iss-cli'), IdentityModule],
  providers: [DemoSeeder],
})
export class CliModule {}
