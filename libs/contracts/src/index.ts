export * from './contracts.module';
export * from './contracts.service';
export * from './dto/contract.dto';
export * from './contracts.errors';
export * from './contracts.policy';
