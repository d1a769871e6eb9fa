import { Injectable } from '@nestjs/common';
import { Actor, Database, Page, Tx } from '@app/core';
import { auditHash, toJsonValue } from './audit-hash';
import { auditPolicy } from './audit.policy';
import { AuditSealKeys } from './audit-seal-keys';
import { AuditSealRepository } from './audit-seal.repository';
import { redactForReader, sanitizeForStorage } from './audit-privacy';
import { AuditRepository } from './audit.repository';
import { AuditEventDto, AuditQueryDto, AuditVerificationDto } from './dto/audit-event.dto';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AuditSealEntity } from './entities/audit-seal.entity';
import { checkSeals, StoredSeal } from './seal-check';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** What a write returns to `AuditService.write`: its result, and the event(s) that describe it. */
export interface Audited<T> {
  result: T;
  audit: AuditRecord | readonly AuditRecord[];
}

const VERIFY_BATCH = 1000;

@Injectable()
export class AuditService {
  constructor(
    private readonly db: Database,
    private readonly repository: AuditRepository,
    private readonly sealRepository: AuditSealRepository,
    private readonly keys: AuditSealKeys,
  ) {}

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

  /**
   * The one shape of a mutation: `work` writes in a transaction and says what it did; its audit
   * events are appended last in the same transaction, so they commit with the writes or not at all.
   */
  write<T>(actor: Actor, work: (tx: Tx) => Promise<Audited<T>>): Promise<T> {
    return this.db.transaction(async (tx) => {
      const { result, audit } = await work(tx);
      for (const record of Array.isArray(audit) ? audit : [audit]) await this.record(tx, actor, record);
      return result;
    });
  }

  async list(actor: Actor, query: AuditQueryDto): Promise<Page<AuditEventDto>> {
    auditPolicy.assert(actor, 'read');
    const [rows, total] = await this.repository.list(query);
    return { items: rows.map((row) => toDto(row, actor)), total };
  }

  /** Walks the whole chain (each hash and its link to the previous one), then holds every seal against it. */
  async verify(actor: Actor): Promise<AuditVerificationDto> {
    auditPolicy.assert(actor, 'verify');
    const chain = await this.walkChain();
    const seals = await this.sealRepository.all();
    const hashes = await this.sealRepository.hashesOf(seals.map((s) => String(s.lastEventId)));
    const brokenSeals = checkSeals(seals.map(toStoredSeal), hashes, this.keys.current);
    const newest = seals[seals.length - 1];
    return {
      ok: chain.firstBrokenId === null && brokenSeals.length === 0,
      ...chain,
      sealsChecked: seals.length,
      lastSealedEventId: newest ? Number(newest.lastEventId) : null,
      brokenSeals,
    };
  }

  private async walkChain(): Promise<{ checked: number; firstBrokenId: number | null }> {
    let checked = 0;
    let previous: string | null = null;
    let lastId = '0';
    for (;;) {
      const batch = await this.repository.batchAfter(lastId, VERIFY_BATCH);
      if (batch.length === 0) return { checked, firstBrokenId: null };
      for (const event of batch) {
        if (event.prevHash !== previous || auditHash(event) !== event.hash) {
          return { checked, firstBrokenId: Number(event.id) };
        }
        previous = event.hash;
        checked += 1;
      }
      lastId = batch[batch.length - 1].id;
    }
  }
}

const toStoredSeal = (s: AuditSealEntity): StoredSeal => ({
  sealId: String(s.id),
  sealedAt: s.sealedAt,
  lastEventId: String(s.lastEventId),
  lastHash: s.lastHash,
  keyId: s.keyId,
  signature: s.signature,
});

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
