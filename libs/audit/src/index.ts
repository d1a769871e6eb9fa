export * from './audit.module';
export * from './audit.service';
export * from './dto/audit-event.dto';
