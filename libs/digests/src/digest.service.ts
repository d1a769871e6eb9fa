import { Injectable, Logger } from '@nestjs/common';
import { ProjectsService } from '@app/calls';
import { AppConfig, Database, type Actor } from '@app/core';
import { toActor, UsersService, type ManagedUserDto } from '@app/identity';
import { MailPreferencesService, OutboxService, weeklyDigestMail } from '@app/mail';
import { ActionsService } from '@app/roadmap';
import { TerritoryService } from '@app/territory';
import { digestWeekDue } from './digest-schedule';
import { departmentDigest, isEmpty } from './digest-selection';
import { enabledUsersWithRole } from './recipients';

/** The most of each list a digest reads; past that, the app's own lists show the rest. */
const DIGEST_LIST_LIMIT = 200;

/**
 * The weekly digest to each departmental referent: per department it serves, the overdue and stale
 * actions and the opinions it owes. Each list is read through the domain's own service *as that
 * referent*, so a digest holds only what its reader may read; keyed per referent and week, so it is
 * written once whatever the number of runs.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    private readonly users: UsersService,
    private readonly actions: ActionsService,
    private readonly projects: ProjectsService,
    private readonly territory: TerritoryService,
    private readonly preferences: MailPreferencesService,
    private readonly outbox: OutboxService,
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

  /** Writes and queues this week's digests once their time has come (the worker checks often). */
  async sendIfDue(now = new Date()): Promise<void> {
    const week = digestWeekDue(now, this.config.get('MAIL_DIGEST_WEEKDAY'), this.config.get('MAIL_DIGEST_HOUR'));
    if (!week) return;
    const names = new Map((await this.territory.departments()).map((d) => [d.code, `${d.name} (${d.code})`]));
    const referents = await this.referents();
    let written = 0;
    for (const referent of referents) {
      if (!(await this.preferences.wantsDigest(referent.id))) continue;
      const ids = await this.writeDigest(referent, week, names);
      await this.outbox.enqueue(ids);
      written += ids.length;
    }
    if (written > 0)
      this.logger.log(`Weekly digest ${week}: ${written} new message(s) for ${referents.length} referent(s)`);
  }

  private async writeDigest(user: ManagedUserDto, week: string, names: Map<string, string>): Promise<string[]> {
    const key = `weekly_digest:${user.id}:${week}`;
    if (await this.outbox.written(key)) return []; // this week's is written: nothing to read again
    const actor = toActor(user);
    const departments = [];
    for (const code of actor.departmentCodes) {
      const digest = await this.departmentDigest(actor, { code, label: names.get(code) ?? code });
      if (!isEmpty(digest)) departments.push(digest);
    }
    if (departments.length === 0) return [];
    const content = weeklyDigestMail(
      user.displayName,
      week,
      departments,
      `${this.config.get('APP_URL')}/mon-departement`,
    );
    return this.db.transaction((tx) =>
      this.outbox.add(tx, [
        {
          key,
          kind: 'weekly_digest',
          recipientEmail: user.email,
          recipientName: user.displayName,
          ...content,
          attachments: [],
        },
      ]),
    );
  }

  private async departmentDigest(actor: Actor, department: { code: string; label: string }) {
    const [actions, projects] = await Promise.all([
      this.actions.listActions(actor, {
        departmentCode: department.code,
        attentionFirst: true,
        limit: DIGEST_LIST_LIMIT,
        offset: 0,
      }),
      this.projects.list(actor, {
        departmentCode: department.code,
        status: 'under_review',
        limit: DIGEST_LIST_LIMIT,
        offset: 0,
      }),
    ]);
    return departmentDigest(department, actions.items, projects.items);
  }

  /** Referents with at least one department. */
  private async referents(): Promise<ManagedUserDto[]> {
    return (await enabledUsersWithRole(this.users, 'departmental_referent')).filter(
      (u) => u.departmentCodes.length > 0,
    );
  }
}
