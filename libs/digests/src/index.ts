export * from './digest-schedule';
export * from './digest-selection';
export * from './digest.service';
export * from './digests.module';
export * from './report-reminders.service';
