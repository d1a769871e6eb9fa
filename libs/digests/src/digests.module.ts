import { Module } from '@nestjs/common';
import { CallsModule } from '@app/calls';
import { IdentityModule } from '@app/identity';
import { MailModule } from '@app/mail';
import { RoadmapModule } from '@app/roadmap';
import { TerritoryModule } from '@app/territory';
import { DigestService } from './digest.service';

/**
 * The e-mails that gather what several domains hold for one reader (issue 17: the referents' weekly
 * digest). Above the domains it reads, through their services only; the worker runs it.
 */
@Module({
  imports: [IdentityModule, RoadmapModule, CallsModule, TerritoryModule, MailModule],
  providers: [DigestService],
  exports: [DigestService],
})
export class DigestsModule {}
