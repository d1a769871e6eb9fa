import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { loadSealKeys, SealKeys } from './audit-seal';

/** The seal key pair, parsed once from AUDIT_SEAL_PRIVATE_KEY (checked at boot by the config). */
@Injectable()
export class AuditSealKeys {
  readonly current: SealKeys;

  constructor(config: AppConfig) {
    this.current = loadSealKeys(config.get('AUDIT_SEAL_PRIVATE_KEY'));
  }
}
