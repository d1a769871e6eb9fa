import { Injectable, Logger } from '@nestjs/common';
import { FollowUpService } from '@app/calls';
import { AppConfig, Database, parisDay } from '@app/core';
import { toActor, UsersService } from '@app/identity';
import { type NewMessage, OutboxService, reportDueMail } from '@app/mail';
import { GRANT_REPORT_KIND_LABELS } from '@app/vocabulary';
import { enabledUsersWithRole } from './recipients';

/** Reports recalled in one run at most; the next run (a quarter of an hour later) takes the rest. */
const REMINDERS_PER_RUN = 500;

/**
 * Reminders to the mission (its officers) of the activity reports (bilans) of granted projects that are
 * due within MAIL_REPORT_REMINDER_DAYS or past due and not received: one message per report, due date and
 * officer, keyed on them, so each is sent once — and again only if the due date changes.
 */
@Injectable()
export class ReportRemindersService {
  private readonly logger = new Logger(ReportRemindersService.name);

  constructor(
    private readonly users: UsersService,
    private readonly followUp: FollowUpService,
    private readonly outbox: OutboxService,
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

  async send(now = new Date()): Promise<void> {
    const today = parisDay(now);
    const horizon = new Date(`${today}T12:00:00Z`);
    horizon.setUTCDate(horizon.getUTCDate() + this.config.get('MAIL_REPORT_REMINDER_DAYS') + 1);
    const dueBefore = horizon.toISOString().slice(0, 10);
    let written = 0;
    for (const officer of await enabledUsersWithRole(this.users, 'mission_officer')) {
      // Read as the officer: the reminders hold only what the officer may read.
      const due = await this.followUp.overdue(
        toActor(officer),
        undefined,
        { limit: REMINDERS_PER_RUN, offset: 0 },
        dueBefore,
      );
      const messages: NewMessage[] = due.items.map((r) => ({
        key: `report_due:${r.grantId}:${r.kind}:${r.dueOn}:${officer.id}`,
        kind: 'report_due',
        recipientEmail: officer.email,
        recipientName: officer.displayName,
        ...reportDueMail(officer.displayName, {
          kindLabel: GRANT_REPORT_KIND_LABELS[r.kind],
          dueOn: r.dueOn,
          overdue: r.dueOn < today,
          projectTitle: r.projectTitle,
          holderName: r.holderName,
          link: `${this.config.get('APP_URL')}/projets/${r.projectId}`,
        }),
        attachments: [],
      }));
      const ids = await this.db.transaction((tx) => this.outbox.add(tx, messages));
      await this.outbox.enqueue(ids);
      written += ids.length;
    }
    if (written > 0) this.logger.log(`Activity report reminders: ${written} new message(s)`);
  }
}
