import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { JobsProcessor } from './jobs.processor';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  // SIGTERM: the BullMQ worker stops taking jobs and waits for the running ones, then pools close.
  app.enableShutdownHooks();
  await app.init();
  await app.get(JobsProcessor).worker.waitUntilReady();
  app.get(Logger).log('Worker successfully started: taking jobs');
}

bootstrap().catch((error: Error) => {
  console.error(`worker: ${error.message}`);
  process.exit(1);
});
