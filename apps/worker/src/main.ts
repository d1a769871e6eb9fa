import 'reflect-metadata';
import { runMain } from '@app/core/bootstrap/run-main';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { JobsProcessor } from './jobs.processor';
import { WorkerModule } from './worker.module';

runMain(async () => {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  // SIGTERM: the BullMQ worker stops taking jobs and waits for the running ones, then pools close.
  app.enableShutdownHooks();
  await app.init();
  await app.get(JobsProcessor).worker.waitUntilReady();
  app.get(Logger).log('Worker successfully started: taking jobs');
});
