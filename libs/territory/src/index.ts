export * from './territory.module';
export * from './territory.service';
