export * from './dto/roadmap.dto';
export * from './roadmap.constants';
export * from './roadmap.module';
export * from './roadmap.service';
export * from './roadmap.errors';
export * from './reports/roadmap-report.dto';
