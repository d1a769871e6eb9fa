import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  // SIGTERM: the BullMQ worker stops taking jobs and waits for the running ones, then pools close.
  app.enableShutdownHooks();
  await app.init();
}

bootstrap().catch((error: Error) => {
  console.error(`worker: ${error.message}`);
  process.exit(1);
});
