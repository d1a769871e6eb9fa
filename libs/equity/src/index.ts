export * from './equity.module';
export * from './equity.service';
export * from './indicators.service';
export * from './equity.errors';
export * from './equity.policy';
export * from './dto/indicator.dto';
export * from './dto/equity.dto';
export * from './reports/equity-report.dto';
