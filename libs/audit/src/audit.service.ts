import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { Actor, CSV_BOM, csvRow, Database, formatParisDate, formatParisDateTime, Page, Tx } from '@app/core';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditChangeLines, labelOf, ROLE_LABELS } from '@app/vocabulary';
import { auditHash, auditHashAt, toJsonValue } from './audit-hash';
import { auditPolicy } from './audit.policy';
import { AuditSealKeys } from './audit-seal-keys';
import { AuditSealRepository } from './audit-seal.repository';
import { redactForReader, sanitizeForStorage } from './audit-privacy';
import { AuditEventRow, AuditRepository, ChainRow } from './audit.repository';
import type { AuditVerificationResult } from './audit-verification.repository';
import { AuditEventDto, AuditFilters, AuditQueryDto, AuditVerificationDto } from './dto/audit-event.dto';
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

const EXPORT_BATCH = 500;

const CSV_HEADER = ['Date', 'Action', 'Objet', 'Identifiant', 'Auteur', 'Rôles', 'Modifications', 'Avant', 'Après'];

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const CSV_FORMATS = {
  euros: (cents: number) => euros.format(cents / 100),
  day: (iso: string) => formatParisDate(new Date(`${iso}T12:00:00Z`)),
  instant: (iso: string) => formatParisDateTime(new Date(iso)),
};

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
    const { limit, offset, ...filters } = query;
    const [rows, total] = await this.repository.list(filters, limit, offset);
    return { items: rows.map((row) => toDto(row, actor)), total };
  }

  /**
   * The filtered trail as CSV (UTF-8 with BOM, `;`), newest first, streamed a batch at a time; text
   * cells through core's CSV helper, which neutralises formula-like starts. What a reader may not see of
   * an event is redacted as on screen.
   */
  exportCsv(actor: Actor, filters: AuditFilters): Readable {
    auditPolicy.assert(actor, 'read');
    const repository = this.repository;
    async function* lines(): AsyncGenerator<string> {
      yield CSV_BOM + csvRow(CSV_HEADER);
      let last: string | null = null;
      for (;;) {
        const batch = await repository.batchBefore(filters, last, EXPORT_BATCH);
        for (const row of batch) yield csvRow(toCsvCells(toDto(row, actor)));
        if (batch.length < EXPORT_BATCH) return;
        last = batch[batch.length - 1].id;
      }
    }
    return Readable.from(lines());
  }

  /**
   * Walks the whole chain (each hash and its link to the previous one), then holds every seal against it,
   * within the request: for small trails. A large trail (a million events take close to a minute) is
   * verified by a run of the `audit.verify` job: `AuditVerificationService.request`.
   */
  async verify(actor: Actor): Promise<AuditVerificationDto> {
    auditPolicy.assert(actor, 'verify');
    const { lastEventId: _last, ...result } = await this.inspectChain();
    return result;
  }

  /** The verification itself, for whoever already checked the caller's right (the request, or the job's run). */
  async inspectChain(): Promise<AuditVerificationResult> {
    const chain = await this.walkChain();
    const seals = await this.sealRepository.all();
    const hashes = await this.sealRepository.hashesOf(seals.map((s) => String(s.lastEventId)));
    const brokenSeals = checkSeals(seals.map(toStoredSeal), hashes, this.keys.current);
    const newest = seals[seals.length - 1];
    return {
      ok: chain.firstBrokenId === null && brokenSeals.length === 0,
      checked: chain.checked,
      firstBrokenId: chain.firstBrokenId,
      sealsChecked: seals.length,
      lastSealedEventId: newest ? Number(newest.lastEventId) : null,
      brokenSeals,
      lastEventId: chain.lastEventId,
    };
  }

  /** One pass over the chain in order; leaving the loop at a break closes the cursor and its connection. */
  private async walkChain(): Promise<{ checked: number; firstBrokenId: number | null; lastEventId: number | null }> {
    let checked = 0;
    let previous: string | null = null;
    let lastEventId: number | null = null;
    for await (const event of (await this.repository.streamChain()) as AsyncIterable<ChainRow>) {
      if (event.prevHash !== previous || auditHashAt(event) !== event.hash) {
        return { checked, firstBrokenId: Number(event.id), lastEventId };
      }
      previous = event.hash;
      lastEventId = Number(event.id);
      checked += 1;
    }
    return { checked, firstBrokenId: null, lastEventId };
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

function toCsvCells(e: AuditEventDto): (string | number | null)[] {
  const state = (v: unknown) => (v ?? null) as Record<string, unknown> | null;
  return [
    formatParisDateTime(new Date(e.at)),
    labelOf(AUDIT_ACTION_LABELS, e.action),
    labelOf(AUDIT_ENTITY_LABELS, e.entityType),
    e.entityId,
    e.actorName ?? (e.actorId ? null : 'Système'),
    e.actorRoles.map((r) => labelOf(ROLE_LABELS, r)).join(', '),
    auditChangeLines(e.entityType, state(e.before), state(e.after), CSV_FORMATS).join('\n'),
    e.before === null ? null : JSON.stringify(e.before),
    e.after === null ? null : JSON.stringify(e.after),
  ];
}

function toDto(e: AuditEventRow, reader: Actor): AuditEventDto {
  return {
    id: Number(e.id),
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    actorRoles: e.actorRoles ?? [],
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: redactForReader(e, e.before ?? null, reader.roles),
    after: redactForReader(e, e.after ?? null, reader.roles),
    requestId: e.requestId,
  };
}
