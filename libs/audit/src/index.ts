export * from './audit.module';
export * from './audit.policy';
export * from './audit.service';
export * from './dto/audit-event.dto';
export * from './audit-seal.service';
export * from './dto/audit-seal.dto';
export * from './audit-verification.service';
export * from './audit.errors';
