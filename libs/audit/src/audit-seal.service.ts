import { Injectable, Logger } from '@nestjs/common';
import { Actor, Database, Page, PageQueryDto, SYSTEM_ACTOR } from '@app/core';
import { auditPolicy } from './audit.policy';
import { sealPayload, signSeal } from './audit-seal';
import { AuditSealKeys } from './audit-seal-keys';
import { AuditSealRepository } from './audit-seal.repository';
import { AuditService } from './audit.service';
import { AuditSealDto, SealKeyDto } from './dto/audit-seal.dto';
import { AuditSealEntity } from './entities/audit-seal.entity';

@Injectable()
export class AuditSealService {
  private readonly logger = new Logger(AuditSealService.name);

  constructor(
    private readonly db: Database,
    private readonly seals: AuditSealRepository,
    private readonly audit: AuditService,
    private readonly keys: AuditSealKeys,
  ) {}

  /**
   * Signs the chain's head. The request is itself an event (`audit.seal`) appended first, under the
   * chain lock, so the seal covers its own request and the head cannot move before the commit. Hence
   * not `AuditService.write`, which appends its events last.
   */
  async seal(actor: Actor): Promise<AuditSealDto> {
    auditPolicy.assert(actor, 'seal');
    const { keyId } = this.keys.current;
    const seal = await this.db.transaction(async (tx) => {
      const id = await this.seals.nextId(tx);
      await this.audit.record(tx, actor, {
        action: 'audit.seal',
        entityType: 'audit_seal',
        entityId: id,
        after: { keyId },
      });
      const head = (await this.seals.head(tx))!;
      const sealed = { sealId: id, sealedAt: new Date(), lastEventId: head.id, lastHash: head.hash };
      const row: AuditSealEntity = {
        id,
        sealedAt: sealed.sealedAt,
        sealedBy: actor.id,
        lastEventId: head.id,
        lastHash: head.hash,
        keyId,
        signature: signSeal(this.keys.current, sealed),
      };
      await this.seals.insert(tx, row);
      return toSealDto(row);
    });
    // The log is a copy outside the database: a seal deleted there along with the events it covers still shows.
    this.logger.log(`Audit chain sealed: ${seal.payload} signature=${seal.signature}`);
    return seal;
  }

  /** For the daily job: a seal unless the newest one already covers the chain's end (re-runs do nothing). */
  async sealIfDue(): Promise<AuditSealDto | null> {
    const [newest, head] = await Promise.all([this.seals.newest(), this.seals.head(this.db.manager)]);
    if (!head || (newest && newest.lastEventId === head.id)) return null;
    return this.seal(SYSTEM_ACTOR);
  }

  async list(actor: Actor, page: PageQueryDto): Promise<Page<AuditSealDto>> {
    auditPolicy.assert(actor, 'read');
    const [rows, total] = await this.seals.list(page.limit, page.offset);
    return { items: rows.map(toSealDto), total };
  }

  publicKey(actor: Actor): SealKeyDto {
    auditPolicy.assert(actor, 'read');
    const { keyId, publicKeyPem } = this.keys.current;
    return { algorithm: 'Ed25519', keyId, publicKeyPem };
  }
}

function toSealDto(row: AuditSealEntity): AuditSealDto {
  const head = { sealId: row.id, sealedAt: row.sealedAt, lastEventId: String(row.lastEventId), lastHash: row.lastHash };
  return {
    id: Number(row.id),
    sealedAt: row.sealedAt.toISOString(),
    sealedBy: row.sealedBy,
    lastEventId: Number(row.lastEventId),
    lastHash: row.lastHash,
    keyId: row.keyId,
    payload: sealPayload(head),
    signature: row.signature,
  };
}
