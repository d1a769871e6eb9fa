export * from './territory.module';
export * from './territory.service';
export * from './territory.errors';
export * from './dto/territory-search.dto';
