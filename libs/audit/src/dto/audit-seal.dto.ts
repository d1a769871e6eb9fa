import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditSealDto {
  id: number;
  sealedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null when the worker sealed (daily)' })
  sealedBy: string | null;
  /** The chain's last event when sealed, and its hash. */
  lastEventId: number;
  lastHash: string;
  keyId: string;
  /** The exact text signed, e.g. `iss-audit-seal/v1 seal=3 at=… event=120 hash=…`. */
  payload: string;
  /** Ed25519 signature of `payload`, base64. */
  signature: string;
}

export class AuditSealPageDto {
  @ApiProperty({ type: [AuditSealDto] })
  items: AuditSealDto[];
  total: number;
}

export class SealKeyDto {
  @ApiProperty({ enum: ['Ed25519'] })
  algorithm: 'Ed25519';
  keyId: string;
  /** SPKI, PEM. */
  publicKeyPem: string;
}

export class BrokenSealDto {
  sealId: number;
  /** The event the seal names: gone, or no longer with the sealed hash. */
  eventId: number;
  @ApiProperty({ enum: ['bad_signature', 'unknown_key', 'missing_event', 'rewritten'] })
  problem: 'bad_signature' | 'unknown_key' | 'missing_event' | 'rewritten';
  message: string;
}
