import { Global, Module } from '@nestjs/common';
import { LocalFileStorage } from './local-file-storage';
import { FileStorage } from './storage';

@Global()
@Module({
  providers: [{ provide: FileStorage, useClass: LocalFileStorage }],
  exports: [FileStorage],
})
export class StorageModule {}
