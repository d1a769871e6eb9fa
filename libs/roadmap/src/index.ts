export * from './dto/roadmap.dto';
export * from './roadmap.constants';
export * from './roadmap.module';
export * from './roadmaps.service';
export * from './actions.service';
export * from './roadmap.errors';
export * from './roadmap.policy';
export * from './reports/roadmap-report.dto';
