import { Injectable } from '@nestjs/common';
import { Actor, DomainError, hasRole, Page, Tx } from '@app/core';
import { auditHash, toJsonValue } from './audit-hash';
import { redactForReader, sanitizeForStorage } from './audit-privacy';
import { AuditRepository } from './audit.repository';
import { AuditEventDto, AuditQueryDto, AuditVerificationDto } from './dto/audit-event.dto';
import { AuditEventEntity } from './entities/audit-event.entity';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const VERIFY_BATCH = 1000;

@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /**
   * Appends an event inside the caller's transaction, so the event commits with the change or
   * not at all. Call it last in the transaction: it holds the chain lock until commit.
   */
  async record(tx: Tx, actor: Actor, record: AuditRecord): Promise<void> {
    const prevHash = await this.repository.lockChainHead(tx);
    const content = {
      at: new Date(),
      actorId: actor.id,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      before: toJsonValue(sanitizeForStorage(record, record.before)),
      after: toJsonValue(sanitizeForStorage(record, record.after)),
      requestId: actor.requestId ?? null,
      prevHash,
    };
    await this.repository.insert(tx, { ...content, hash: auditHash(content) });
  }

  async list(actor: Actor, query: AuditQueryDto): Promise<Page<AuditEventDto>> {
    this.assertReader(actor);
    const [rows, total] = await this.repository.list(query);
    return { items: rows.map((row) => toDto(row, actor)), total };
  }

  /** Walks the whole chain, recomputing each hash and its link to the previous one. */
  async verify(actor: Actor): Promise<AuditVerificationDto> {
    if (!hasRole(actor, 'admin', 'auditor')) throw DomainError.forbidden();
    let checked = 0;
    let previous: string | null = null;
    let lastId = '0';
    for (;;) {
      const batch = await this.repository.batchAfter(lastId, VERIFY_BATCH);
      if (batch.length === 0) return { ok: true, checked, firstBrokenId: null };
      for (const event of batch) {
        if (event.prevHash !== previous || auditHash(event) !== event.hash) {
          return { ok: false, checked, firstBrokenId: Number(event.id) };
        }
        previous = event.hash;
        checked += 1;
      }
      lastId = batch[batch.length - 1].id;
    }
  }

  private assertReader(actor: Actor): void {
    if (!hasRole(actor, 'admin', 'regional_delegate', 'auditor')) throw DomainError.forbidden();
  }
}

/** What this reader may see of the event: private fields it may not read show as their digest. */
function toDto(e: AuditEventEntity, reader: Actor): AuditEventDto {
  return {
    id: Number(e.id),
    at: e.at.toISOString(),
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: redactForReader(e, e.before ?? null, reader.roles),
    after: redactForReader(e, e.after ?? null, reader.roles),
    requestId: e.requestId,
  };
}
