export * from './bodies.service';
export * from './dto/body.dto';
export * from './dto/meeting.dto';
export * from './governance.constants';
export * from './governance.module';
export * from './meetings.service';
export * from './governance.errors';
export * from './reports/meeting-report.dto';
