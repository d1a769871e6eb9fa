import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AuditService } from '@app/audit';
import { Actor, DomainError, Tx } from '@app/core';
import { CallsErrorCode } from './calls.errors';
import { CallsRepository } from './calls.repository';
import { ProjectRow, ProjectsRepository } from './projects.repository';

/** Why a project cannot be on a call's selection list. */
type SelectionRefusal = { projectId: string; reason: 'unknown' | 'other_call' | 'not_under_review'; status?: string };

/**
 * A call's selection list, as the commission votes it (a `call_selection` decision, recorded by
 * governance through DecisionLinks): the projects it names move from under_review to selected in
 * the decision's transaction, each move audited, all of them or none.
 */
@Injectable()
export class SelectionService {
  constructor(
    private readonly calls: CallsRepository,
    private readonly projects: ProjectsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The call a decision names, by its id; null when there is none. */
  async callId(reference: string, tx: Tx): Promise<string | null> {
    return isUUID(reference) ? ((await this.calls.find(reference, tx))?.id ?? null) : null;
  }

  /** 400 naming every project that cannot move (nothing moves then); otherwise each moves, audited. */
  async select(
    tx: Tx,
    actor: Actor,
    callId: string,
    decision: { id: string; title: string; selected: string[] },
  ): Promise<void> {
    const ids = [...decision.selected].sort(); // one locking order: concurrent lists never deadlock
    const rows = new Map<string, ProjectRow | null>();
    for (const id of ids) rows.set(id, await this.projects.lock(tx, id));
    const refused = ids.flatMap((id) => refusal(id, rows.get(id) ?? null, callId));
    if (refused.length > 0)
      throw DomainError.invalid(
        CallsErrorCode.ProjectSelectionRefused,
        `projectIds: cannot move to selected: ${refused.map((r) => `${r.projectId} (${r.reason})`).join(', ')}`,
        { refused },
      );
    const comment = `Liste de sélection votée par la commission : « ${decision.title} »`;
    for (const id of ids) await this.move(tx, actor, rows.get(id)!, comment, decision.id);
  }

  private async move(tx: Tx, actor: Actor, before: ProjectRow, comment: string, decisionId: string): Promise<void> {
    await this.projects.setStatus(tx, before.id, 'under_review', 'selected', before.version);
    await this.projects.insertTransition(tx, {
      projectId: before.id,
      fromStatus: 'under_review',
      toStatus: 'selected',
      comment,
      actorId: actor.id,
    });
    await this.audit.record(tx, actor, {
      action: 'project.transition',
      entityType: 'project',
      entityId: before.id,
      before: { status: before.status, version: before.version },
      after: { status: 'selected', version: before.version + 1, comment, decisionId },
    });
  }
}

function refusal(projectId: string, row: ProjectRow | null, callId: string): SelectionRefusal[] {
  if (!row) return [{ projectId, reason: 'unknown' }];
  if (row.callId !== callId) return [{ projectId, reason: 'other_call' }];
  if (row.status !== 'under_review') return [{ projectId, reason: 'not_under_review', status: row.status }];
  return [];
}
