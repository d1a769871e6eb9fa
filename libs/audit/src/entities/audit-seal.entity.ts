import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed statement of the chain's head at one moment (see migration 1764000002100). */
@Entity('audit_seal')
export class AuditSealEntity {
  /** Taken from the sequence before signing: the id is part of what is signed. */
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  sealedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  sealedBy: string | null;

  @Column({ type: 'bigint' })
  lastEventId: string;

  @Column({ type: 'text' })
  lastHash: string;

  @Column({ type: 'text' })
  keyId: string;

  @Column({ type: 'text' })
  signature: string;
}
