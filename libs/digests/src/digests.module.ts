import { Module } from '@nestjs/common';
import { CallsModule } from '@app/calls';
import { IdentityModule } from '@app/identity';
import { MailModule } from '@app/mail';
import { RoadmapModule } from '@app/roadmap';
import { TerritoryModule } from '@app/territory';
import { DigestService } from './digest.service';
import { ReportRemindersService } from './report-reminders.service';

/**
 * The e-mails that gather what several domains hold for one reader (issue 17: the referents' weekly
 * digest, the mission's reminders of activity reports due). Above the domains it reads, through their services only; the worker runs it.
 */
@Module({
  imports: [IdentityModule, RoadmapModule, CallsModule, TerritoryModule, MailModule],
  providers: [DigestService, ReportRemindersService],
  exports: [DigestService, ReportRemindersService],
})
export class DigestsModule {}
